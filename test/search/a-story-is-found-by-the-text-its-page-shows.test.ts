import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderOutput } from "../../layouts/renderPage.ts";
import { loadSite } from "../../src/build/loadSite.ts";
import { searchRecord } from "../../src/search/searchRecords.ts";
import { site } from "../../src/site.ts";
import { archiveOnDisk } from "../reliability/archiveOnDisk.ts";

/**
 * The search index is given each story's text as a reader sees it on the page: the body's markup
 * gone, its escaped characters as they read, and any run of white space one space. The text is
 * the body alone, so a result's excerpt reads as the story does (issue 20): the headline, byline
 * and topics are the result's metadata, which search finds words in too.
 */

const test = suite("a story is found by the text its page shows");

test("markup, escapes and white space of the body become the text a reader sees", async () => {
  const body = [
    "The *regulator*  said [the review](https://example.com/review) would\tfinish.",
    "",
    // Escaped, as raw HTML is rendered through the allowlist (issue 20), which has no <standards>.
    "- 5G & Wi-Fi &lt;standards&gt;",
    '- "Open" RAN\'s future',
    "",
    "Use `a < b` here.\u00a0End,\u2003really.",
  ].join("\n");
  const project = archiveOnDisk({
    "2020/01/the-review.md": `---\ntitle: The Review\ndate: 2020-01-14\nbyline: [Dan Jones]\ntopics: [5G]\n---\n${body}\n`,
  });
  const loaded = await loadSite(project.articles, site, false);
  const story = loaded.archive.stories[0];
  const { content } = searchRecord(loaded.storyPage(story));
  assert.is(content, `The regulator said the review would finish. 5G & Wi-Fi <standards> "Open" RAN's future Use a < b here. End, really.`);
});

test("the headline, byline and topics are the result's metadata, not its text", async () => {
  const project = archiveOnDisk({
    "2020/01/the-review.md": `---\ntitle: The Spectrum Review\ndate: 2020-01-14\nbyline: [Dan Jones]\ntopics: [5G, Regulation]\npublication: Metro Wire\n---\nThe regulator said the review would finish in March.\n`,
  });
  const loaded = await loadSite(project.articles, site, false);
  const record = searchRecord(loaded.storyPage(loaded.archive.stories[0]));
  assert.is(record.content, "The regulator said the review would finish in March.");
  assert.equal(record.meta, {
    title: "The Spectrum Review",
    date: "2020-01-14",
    byline: "Dan Jones",
    dated: "14 January 2020",
    publication: "Metro Wire",
    topics: "5G, Regulation",
  });
  assert.equal(record.filters, { author: ["Dan Jones"], topic: ["5G", "Regulation"], year: ["2020"] });
});

test("a reference-only story, and a body with no words, are indexed by the facts sentence its page shows", async () => {
  const project = archiveOnDisk({
    "2020/01/facts-only.md": `---\ntitle: Operators Bid for the 3.5GHz Band\ndate: 2020-01-14\n---\n`,
    "2020/01/a-photo-alone.md": `---\ntitle: The Mast at Dusk\ndate: 2020-01-15\n---\n<hr>\n`,
  });
  const loaded = await loadSite(project.articles, site, false);
  for (const story of loaded.archive.stories) {
    const page = loaded.storyPage(story);
    assert.is(searchRecord(page).content, "We hold only the facts of this story, not its text.", story.title);
  }
  const factsOnly = loaded.archive.stories.find((story) => story.referenceOnly)!;
  const html = await renderOutput(loaded.storyPage(factsOnly), {
    site,
    absolute: (sitePath) => `https://archive.example.com${sitePath}`,
    prefixed: (sitePath) => sitePath,
  });
  assert.match(html, "<strong>We hold only the facts of this story, not its text.</strong>");
});

test.run();
