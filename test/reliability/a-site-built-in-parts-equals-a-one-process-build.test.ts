import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { buildSiteInParts } from "../../src/build/buildSiteInParts.ts";
import { COMMON_PART, partOfUrl } from "../../src/build/siteParts.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";

/**
 * An archive too big for one machine is built as parts (runs of years, and the pages spanning
 * years) by separate processes, and assembled by putting their folders side by side. The
 * assembled site must be the site one process builds, byte for byte, search index included.
 */

const test = suite("a site built in parts by separate processes");

test("equals the site one process builds, byte for byte", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 300, out: project.articles, seed: 11, clean: true });
  const whole = archiveOnDisk();
  await buildSite({ input: project.articles, output: whole.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });

  const { parts } = await buildSiteInParts({ input: project.articles, output: project.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  assert.ok(parts.length >= 3, `the archive spans years enough for two search shards and the common part: ${parts.join(", ")}`);
  const assembled = fingerprint(project.site);
  assert.ok([...assembled.keys()].some((file) => file.startsWith("pagefind/shards/")), "an older shard's search index is merged in");
  assert.equal(differences(assembled, fingerprint(whole.site)), []);
});

test("a page under a year belongs to that year's part, every other page to the common part", () => {
  const partOf = partOfUrl([
    { name: "2025", years: [2025] },
    { name: "2001-2024", years: [2024, 2001] },
  ]);
  assert.is(partOf("/2025/03/04/a-story/"), "2025");
  assert.is(partOf("/2001/"), "2001-2024");
  assert.is(partOf("/authors/jane-doe/2025/"), COMMON_PART);
  assert.is(partOf("/search/"), COMMON_PART);
  assert.is(partOf("/feed.xml"), COMMON_PART);
});

test.run();
