import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { unpackFile } from "../../src/search/pagefindFormat.ts";
import { temporaryFolder } from "../support/builtSite.ts";
import type { FixtureArchive } from "../support/fixtureArchive.ts";
import { archiveWithImages, buildWithImages, STORY_WITH_IMAGES_URL, STORY_WITH_SMALL_LEAD_URL } from "../support/storyWithImages.ts";

/**
 * The build indexes each story from its page model (searchRecords.ts); the story layout marks
 * the same text, metadata and filters with data-pagefind-* attributes (issue 20: the body's text
 * alone, the header and lead image ignored). Pagefind reading the built pages, as its CLI
 * would, must store the same result for each story: the same excerpt text, title, byline,
 * topics, thumbnail and filters.
 */
interface Context {
  archive: FixtureArchive;
  output: string;
}

const REFERENCE_ONLY_URL = "/2024/05/20/harbour-dues-rise-for-the-first-time-in-a-decade/";

const same = suite<Context>("Pagefind reading a story page indexes what its search record holds");

same.before(async (context) => {
  context.archive = await archiveWithImages();
  writeFileSync(
    path.join(context.archive.articles, "2024/06/harbour-dues-rise.md"),
    `---\ntitle: "Harbour Dues Rise for the First Time in a Decade"\ndate: 2024-05-20\npublication: Harbour Courier\ntopics: [Harbour]\n---\n`,
  );
  context.output = path.join(temporaryFolder(), "site");
  await buildWithImages({ input: context.archive.articles, output: context.output, cacheDir: temporaryFolder() });
});
same.after(async (context) => context.archive?.remove());

/** Each story's stored result (Pagefind's fragment), by its url. */
function fragmentsIn(bundle: string): Map<string, Record<string, unknown>> {
  const fragments = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(path.join(bundle, "fragment"))) {
    const fragment = JSON.parse(unpackFile(readFileSync(path.join(bundle, "fragment", file))).toString("utf8"));
    fragments.set(fragment.url, fragment);
  }
  return fragments;
}

same("a story with a lead image, one with a small one, and a reference-only story", async ({ output }) => {
  const urls = [STORY_WITH_IMAGES_URL, STORY_WITH_SMALL_LEAD_URL, REFERENCE_ONLY_URL];
  const { index, errors } = await pagefind.createIndex({});
  assert.equal(errors, []);
  for (const url of urls) {
    const content = readFileSync(path.join(output, url, "index.html"), "utf8");
    assert.equal((await index!.addHTMLFile({ url, content })).errors, []);
  }
  const theirs = temporaryFolder();
  assert.equal((await index!.writeFiles({ outputPath: theirs })).errors, []);
  await pagefind.close();
  const read = fragmentsIn(theirs);
  const ours = fragmentsIn(path.join(output, "pagefind"));
  for (const url of urls) assert.equal(read.get(url), ours.get(url), url);
  assert.is(ours.get(REFERENCE_ONLY_URL)?.content, "We hold only the facts of this story, not its text.");
});

same.run();
