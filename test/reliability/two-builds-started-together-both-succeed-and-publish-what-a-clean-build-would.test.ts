import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { archiveOnDisk, writeStoryFiles } from "./archiveOnDisk.ts";
import { differencesFromCleanBuild, startBuild, threeStories } from "./buildRace.ts";

/**
 * Two `npm run build` started together in one checkout (issue 19) once shared a staging folder,
 * a patch journal and cache entries, and published a site later builds did not repair. Now the
 * second waits for the first, saying which build it waits for, and the site is a clean build's.
 */

const test = suite("two builds started together both succeed and publish what a clean build would");

test("the second build waits for the first, names it, and the site equals a clean build byte for byte", async () => {
  const project = archiveOnDisk(threeStories);
  assert.is((await startBuild(project).ended).code, 0, "the first edition builds");
  // The editor deletes a story on purpose (so says the address record, issue 21) and adds one, then starts two builds at once.
  rmSync(path.join(project.articles, "2020/01/a-story-that-goes.md"));
  const forget = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/addresses.ts", "forget", "2020/01/a-story-that-goes.md", "--articles", project.articles],
    { encoding: "utf8" },
  );
  assert.is(forget.status, 0, forget.stdout + forget.stderr);
  writeStoryFiles(project.articles, {
    "2020/01/a-follow-up.md":
      "---\ntitle: A Follow-Up\ndate: 2020-01-15\ntopics: [Huawei]\n---\nIt follows [the story](the-published-story.md).\n",
  });
  const [first, second] = await Promise.all([startBuild(project).ended, startBuild(project).ended]);
  assert.is(first.code, 0, first.output);
  assert.is(second.code, 0, second.output);
  assert.match(`${first.output}\n${second.output}`, /Waiting for the build of process \d+ on .+, running since /);
  assert.equal(await differencesFromCleanBuild(project), []);
});

test("with --no-wait a second build stops at once, naming the build that holds the site, and leaves it as it was", async () => {
  const project = archiveOnDisk(threeStories);
  assert.is((await startBuild(project).ended).code, 0, "the first edition builds");
  // This process holds the site's and the cache's locks as a build does, for as long as the
  // second build takes to start and look: a real first build of a small archive ends sooner.
  const { lockFolders } = await import("../../src/build/buildLock.ts");
  const held = await lockFolders([path.join(project.root, "site"), path.join(project.root, ".cache")], { waitMs: 0 });
  try {
    const second = await startBuild(project, ["--no-wait"]).ended;
    assert.is(second.code, 1, second.output);
    assert.match(second.output, new RegExp(`is being written by the build of process ${process.pid} on `), second.output);
  } finally {
    held.release();
  }
  assert.equal(await differencesFromCleanBuild(project), []);
});

test.run();
