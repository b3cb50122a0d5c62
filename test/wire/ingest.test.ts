import markdownIt from "markdown-it";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { KnownStory } from "../../src/wire/crossReferences.ts";
import { ingestWireCopy, relativeLink } from "../../src/wire/ingest.ts";

const md = markdownIt("default", { html: false, linkify: false, typographer: false });

const known: KnownStory[] = [
  { title: "Huawei, ZTE in the Eye of a Trade Storm", sourcePath: "2018/04/huawei-zte-in-the-eye-of-a-trade-storm.md" },
  { title: "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases", sourcePath: "2018/05/pentagon.md" },
  { title: "US vs Huawei/ZTE: The Verdict", sourcePath: "2012/10/us-vs-huawei-zte-the-verdict.md" },
  { title: "AT&T Warned to Cut Ties With Huawei – Report", sourcePath: "2018/01/at-and-t.md" },
  { title: "Nokia and Ericsson Split *Big* Deal", sourcePath: "2018/11/nokia.md" },
  { title: "This Very Story", sourcePath: "2018/11/this-very-story.md" },
];

const WIRE = [
  "Huawei's <b>5G</b> push costs $50B & more; 2 * 3 = 6 and snake_case stays. &amp; is literal.",
  "",
  "Trade fears grow. (See Huawei, ZTE in the Eye of a Trade Storm, A Story We Never Ran and US vs Huawei/ZTE: The Verdict.)",
  "Same month. (See Nokia and Ericsson Split *Big* Deal and This Very Story.)",
  "For more, see:",
  "- Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
  "- AT&T Warned to Cut Ties With Huawei – Report",
  "- Missing Headline",
  "— Ray Le Maistre, Editor-in-Chief, Light Reading",
].join("\n");

const facts = {
  title: "This Very Story",
  date: "2018-11-23",
  dateInferred: true,
  topics: ["Huawei", "ZTE"],
  source: "https://example.com/story",
};

function splitStory(markdown: string): { frontMatter: Record<string, unknown>; body: string } {
  const [, yaml, ...body] = markdown.split(/^---$/m);
  return { frontMatter: parse(yaml), body: body.join("---") };
}

const stripTags = (html: string) => html.replace(/<[^>]+>/g, "");
const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

const links = suite("ingestWireCopy links the stories the wire copy names");

links("headlines with commas, ' and ', colons, ampersands and dashes link to their files, relative to the new story", () => {
  const { markdown } = ingestWireCopy(WIRE, facts, known, "2018/11/this-very-story.md");
  const html = md.render(splitStory(markdown).body);
  const found = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, title]) => [href, unescapeHtml(title)]);
  assert.equal(found, [
    ["../04/huawei-zte-in-the-eye-of-a-trade-storm.md", "Huawei, ZTE in the Eye of a Trade Storm"],
    ["../../2012/10/us-vs-huawei-zte-the-verdict.md", "US vs Huawei/ZTE: The Verdict"],
    ["nokia.md", "Nokia and Ericsson Split *Big* Deal"],
    ["../05/pentagon.md", "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases"],
    ["../01/at-and-t.md", "AT&T Warned to Cut Ties With Huawei – Report"],
  ]);
});

links("unknown references are reported with their lines and left unlinked; the story never links to itself", () => {
  const { unmatched } = ingestWireCopy(WIRE, facts, known, "2018/11/this-very-story.md");
  assert.equal(unmatched, [
    { line: 3, text: "A Story We Never Ran" },
    { line: 4, text: "This Very Story" },
    { line: 8, text: "Missing Headline" },
  ]);
});

links("the list after 'see:' becomes a Markdown list of links, blocks separated by a blank line", () => {
  const { body } = splitStory(ingestWireCopy(WIRE, facts, known, "2018/11/this-very-story.md").markdown);
  assert.ok(
    body.includes(
      "For more, see:\n\n- [Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases](../05/pentagon.md)\n- [AT&T Warned to Cut Ties With Huawei – Report](../01/at-and-t.md)\n- Missing Headline\n",
    ),
    body,
  );
});

links.run();

const asWritten = suite("ingestWireCopy shows every line of the wire copy as written");

asWritten("markup-like characters render as text, and every line but the byline appears verbatim", () => {
  const { body } = splitStory(ingestWireCopy(WIRE, facts, known, "2018/11/this-very-story.md").markdown);
  const html = md.render(body);
  assert.not.match(html, /<(b|em|strong|code)>/);
  const renderedLines = unescapeHtml(stripTags(html))
    .split("\n")
    .filter((line) => line !== "");
  const wireLines = WIRE.split("\n")
    .filter((line) => line !== "" && !line.startsWith("—"))
    .map((line) => line.replace(/^- /, ""));
  assert.equal(renderedLines, wireLines);
});

asWritten.run();

const frontMatter = suite("ingestWireCopy writes the editor's facts and the byline into the front matter");

frontMatter("the byline's name, role and publication go into the front matter, in the house field order", () => {
  const { markdown } = ingestWireCopy(WIRE, facts, known, "2018/11/this-very-story.md");
  assert.ok(
    markdown.startsWith(
      '---\ntitle: "This Very Story"\ndate: 2018-11-23\ndateInferred: true\nbyline:\n  - name: Ray Le Maistre\n    role: Editor-in-Chief\npublication: Light Reading\ntopics: ["Huawei", "ZTE"]\nsource: https://example.com/story\n---\nHuawei',
    ),
    markdown,
  );
});

frontMatter("--publication overrides the byline's, and copy without a byline has none", () => {
  const { frontMatter } = splitStory(
    ingestWireCopy("Text.\n— Jane Doe, Reporter, Wire Service", { ...facts, publication: "Light Reading" }, [], "2018/11/x.md").markdown,
  );
  assert.equal(frontMatter.publication, "Light Reading");
  assert.equal(frontMatter.byline, [{ name: "Jane Doe", role: "Reporter" }]);
  const plain = splitStory(ingestWireCopy("Text.", { title: "X", date: "2018-11-23" }, [], "2018/11/x.md").markdown).frontMatter;
  assert.equal(plain, { title: "X", date: "2018-11-23" });
});

frontMatter.run();

const relative = suite("relativeLink points from one story file to another");

relative("links are relative to the linking file's folder", () => {
  assert.is(relativeLink("2018/11/x.md", "2018/08/y.md"), "../08/y.md");
  assert.is(relativeLink("2018/11/x.md", "2018/11/y.md"), "y.md");
  assert.is(relativeLink("2018/11/x.md", "2012/10/y.md"), "../../2012/10/y.md");
  assert.is(relativeLink("2018/11/x.md", "2018/10/odd name (1).md"), "../10/odd%20name%20%281%29.md");
});

relative.run();
