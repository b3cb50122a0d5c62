import { appendFileSync, readdirSync, rmSync, truncateSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";
import { threeStories } from "./buildRace.ts";

/**
 * Published files once were hard links into `.cache/` (issue 19): a deploy step or an editor that
 * changed `_site/pagefind/` in place changed the cache, and `rm -rf _site && npm run build`
 * published the damage again. Published files are copies now: nothing done to the site reaches the cache.
 */

const test = suite("a published search file edited in place is not published again");

test("after editing and truncating files in site/pagefind/ and deleting the site, the rebuild equals a clean build", async () => {
  const project = archiveOnDisk(threeStories);
  const cacheDir = path.join(project.root, ".cache");
  await buildSite({ input: project.articles, output: project.site, cacheDir });
  const pagefind = path.join(project.site, "pagefind");
  appendFileSync(path.join(pagefind, "pagefind.js"), "\n// added by a deploy step\n");
  const wasm = readdirSync(pagefind).find((name) => name.startsWith("wasm."))!;
  truncateSync(path.join(pagefind, wasm), 100);
  truncateSync(path.join(pagefind, "pagefind-entry.json"), 10);

  rmSync(project.site, { recursive: true, force: true });
  await buildSite({ input: project.articles, output: project.site, cacheDir });
  const clean = archiveOnDisk(threeStories);
  await buildSite({ input: clean.articles, output: clean.site, cacheDir: path.join(clean.root, ".cache") });
  assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
});

test.run();
