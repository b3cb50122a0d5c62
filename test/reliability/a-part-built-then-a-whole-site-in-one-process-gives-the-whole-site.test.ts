import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { buildPart, listParts } from "../../src/build/buildSiteInParts.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";

/**
 * A build's state travels in its build request (issue 19): a part built in this process leaves
 * nothing behind that the next build of the whole site could take for its own (before, the part's
 * name stayed in an environment variable, and the whole site was built as that part).
 */

const test = suite("a part built, then a whole site, in one process");

test("gives the same site as a whole-site build alone, byte for byte", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 60, out: project.articles, seed: 5, clean: true });
  const cache = () => mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  const alone = archiveOnDisk();
  await buildSite({ input: project.articles, output: alone.site, cacheDir: cache() });

  const partsDir = mkdtempSync(path.join(tmpdir(), "news-archive-parts-"));
  const partsCache = cache();
  const { parts } = await listParts({ input: project.articles, cacheDir: partsCache }, partsDir);
  const newestYears = parts[0];
  await buildPart(newestYears, { input: project.articles, output: project.site, cacheDir: partsCache }, partsDir);
  const partFiles = fingerprint(path.join(partsDir, newestYears));
  assert.ok(partFiles.size > 0 && partFiles.size < fingerprint(alone.site).size, "the part holds some of the site's files");

  await buildSite({ input: project.articles, output: project.site, cacheDir: cache() });
  assert.equal(differences(fingerprint(project.site), fingerprint(alone.site)), []);
});

test.run();
