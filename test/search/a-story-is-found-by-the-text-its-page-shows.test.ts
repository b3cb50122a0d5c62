import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadSite } from "../../src/build/loadSite.ts";
import { searchRecord } from "../../src/search/searchRecords.ts";
import { site } from "../../src/site.ts";
import { archiveOnDisk } from "../reliability/archiveOnDisk.ts";

/**
 * The search index is given each story's text as a reader sees it on the page: the body's markup
 * gone, its escaped characters as they read, and any run of white space one space.
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
  assert.ok(
    content.endsWith(`The regulator said the review would finish. 5G & Wi-Fi <standards> "Open" RAN's future Use a < b here. End, really.`),
    content,
  );
  assert.match(content, "The Review");
  assert.match(content, "By Dan Jones");
});

test.run();
