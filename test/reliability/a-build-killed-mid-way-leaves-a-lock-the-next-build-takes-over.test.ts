import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { archiveOnDisk, writeStoryFiles } from "./archiveOnDisk.ts";
import { differencesFromCleanBuild, startBuild, threeStories } from "./buildRace.ts";
import { waitForFile } from "./waitForFile.ts";

/**
 * A build killed with SIGKILL cannot release its lock (issue 19). The next build finds that the
 * process holding it is gone, says so, takes the lock over, and publishes what a clean build
 * would, whatever the killed build left half done.
 */

const test = suite("a build killed mid-way leaves a lock the next build takes over");

const followUp = {
  "2020/01/a-follow-up.md":
    "---\ntitle: A Follow-Up\ndate: 2020-01-15\ntopics: [Huawei]\n---\nIt follows [the story](the-published-story.md).\n",
};

/** When to kill: once the build holds its lock, or once it has begun writing its staging folder. */
for (const [when, sign] of [
  ["as it starts", ".site.lock"],
  ["while it writes its staging folder", ".site.staging/2020"],
] as const) {
  test(`a rebuild killed ${when}: the next build takes over its lock and equals a clean build byte for byte`, async () => {
    const project = archiveOnDisk(threeStories);
    assert.is((await startBuild(project).ended).code, 0, "the first edition builds");
    writeStoryFiles(project.articles, followUp);
    const killed = startBuild(project);
    const lock = path.join(project.root, ".site.lock");
    await waitForFile(lock);
    assert.is(JSON.parse(readFileSync(lock, "utf8")).pid, killed.pid, "the lock names the build holding it");
    await waitForFile(path.join(project.root, sign));
    killed.kill("SIGKILL");
    assert.is((await killed.ended).code, null, "the build was killed before it ended");
    assert.ok(existsSync(lock), "a killed build cannot remove its lock");

    const next = await startBuild(project, ["--no-wait"]).ended;
    assert.is(next.code, 0, next.output);
    assert.match(
      next.output,
      new RegExp(`Took over the lock of .+ from the build of process ${killed.pid} on .+: process ${killed.pid} is gone`),
    );
    assert.not.ok(existsSync(lock), "the lock is released when the build ends");
    assert.equal(await differencesFromCleanBuild(project), []);
  });
}

test.run();
