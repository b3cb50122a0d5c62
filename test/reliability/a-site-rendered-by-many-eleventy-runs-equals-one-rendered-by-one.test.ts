import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";

/**
 * A build renders its pages in several Eleventy runs, one after another, so that no run holds
 * the HTML of every page at once (issue 24). The site must not tell: rendered in runs of a few
 * pages, under a path prefix (which Eleventy's HTML base plugin applies page by page), it is the
 * site rendered in one run, byte for byte, assets and search index included.
 */

const test = suite("a site rendered by many Eleventy runs");

const cacheDir = () => mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));

test("equals the site rendered by one, byte for byte", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 40, out: project.articles, seed: 5, clean: true });
  const inOneRun = archiveOnDisk();
  await buildSite({
    input: project.articles,
    output: inOneRun.site,
    cacheDir: cacheDir(),
    pathPrefix: "/news/",
    outputsPerEleventyRun: 1_000_000,
  });
  await buildSite({ input: project.articles, output: project.site, cacheDir: cacheDir(), pathPrefix: "/news/", outputsPerEleventyRun: 7 });

  const site = fingerprint(project.site);
  const pages = [...site.keys()].filter((file) => file.endsWith(".html"));
  assert.ok(pages.length > 5 * 7, `the site's ${pages.length} pages took several runs of 7`);
  assert.ok(site.has("assets"), "the assets are copied once, by the first run");
  assert.equal(differences(site, fingerprint(inOneRun.site)), []);
});

test.run();
