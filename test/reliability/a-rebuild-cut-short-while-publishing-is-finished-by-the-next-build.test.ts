import fs, { existsSync, mkdtempSync, rmSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { prepareStaging } from "../../src/build/publishAtomically.ts";
import { explainBuildFailure } from "../../src/cli/explainBuildFailure.ts";
import { archiveOnDisk, differences, fingerprint, writeStoryFiles } from "./archiveOnDisk.ts";

/**
 * A rebuild publishes by moving the files that changed into the published site and deleting
 * those that went, rather than by replacing the folder. Should that be stopped part way (here by
 * a disk error, made to happen when the new page is moved in), the next build finishes it before
 * anything else, so the site ends as the rebuild made it and nothing is lost.
 */

const test = suite("a rebuild cut short while publishing is finished by the next build");

const firstEdition = {
  "2020/01/the-published-story.md":
    "---\ntitle: The Published Story\ndate: 2020-01-14\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\nThe text readers already have.\n",
  "2020/01/a-story-that-goes.md": "---\ntitle: A Story That Goes\ndate: 2020-01-10\ntopics: [Goners]\n---\nIt goes.\n",
};
const newStory = {
  "2020/01/a-follow-up.md":
    "---\ntitle: A Follow-Up\ndate: 2020-01-15\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\nIt follows [the published story](the-published-story.md).\n",
};
const newPage = "2020/01/15/a-follow-up/index.html";

test("the site ends as a clean build of the new articles, the new story's page and the deleted story's folder included", async () => {
  const project = archiveOnDisk(firstEdition);
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });

  writeStoryFiles(project.articles, newStory);
  rmSync(path.join(project.articles, "2020/01/a-story-that-goes.md"));
  let failure: unknown;
  const rename = fs.renameSync;
  fs.renameSync = (from, to) => {
    if (to === path.join(project.site, newPage))
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`), { code: "EIO" });
    rename(from, to);
  };
  syncBuiltinESMExports();
  try {
    await buildSite({ input: project.articles, output: project.site, cacheDir: cache }).catch((error: unknown) => (failure = error));
  } finally {
    fs.renameSync = rename;
    syncBuiltinESMExports();
  }
  assert.ok(failure, "the rebuild could not publish");
  assert.match(explainBuildFailure(failure), "the next build finishes the update");
  assert.not.ok(existsSync(path.join(project.site, newPage)), "the new page is not there yet");

  // The disk works again; the next build begins by finishing the update.
  await prepareStaging(project.site);
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  const finished = fingerprint(project.site);
  assert.ok(finished.has(newPage), "the new story's page was moved in");
  assert.not.ok(finished.has("topics/goners"), "the deleted story's topic folder is gone");
  assert.equal(differences(finished, fingerprint(clean.site)), []);

  // And the whole next build publishes the same site.
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
});

test.run();
