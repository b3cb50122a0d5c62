import markdownIt from "markdown-it";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { escapeMarkdown } from "../../src/wire/escapeMarkdown.ts";

// As the archive renders story bodies.
const md = markdownIt("default", { html: false, linkify: false, typographer: false });
const asHtml = md.utils.escapeHtml;

/** Wire lines that Markdown would otherwise turn into something else. */
const TRICKY = [
  "Huawei *really* wants _this_ and __that__ and **more**",
  "snake_case_name and 2 * 3 * 4",
  "<b>bold</b> and <script>alert(1)</script> and <https://example.com> and <ray@example.com>",
  "AT&T, US & Australia, &amp; &copy; &#169; &#x41; &bogus; &",
  "$50B, 100% and 'quoted' \"double\" – dash — em dash",
  "back\\slash \\* \\_ \\\\ and a trailing backslash \\",
  "`code` and ``double`` and ```fence",
  "~~struck~~ and ~single~",
  "[not a link](https://example.com) and [ref] and ![image](x.png) and [x]: /url",
  "a | b | c",
  "# Not a heading",
  "###### Not a heading either",
  "####### seven hashes",
  "#hashtag",
  "> not a quote",
  "- not a list",
  "+ not a list",
  "* not a list",
  "1. not a list",
  "2) not a list",
  "2018. A year",
  "---",
  "- - -",
  "***",
  "___",
  "===",
  "```",
  "~~~ js",
  "Huawei Is 'the Only True 5G Supplier Right Now'",
  "US vs Huawei/ZTE: The Verdict",
  "(See below for previous reporting.)",
  "Ends with two spaces?",
  "http://example.com/a_b_c?x=1&y=2",
  "{curly} ^caret^ @at %percent =equals :colon",
];

const inParagraph = suite("escapeMarkdown shows a line as written in a paragraph");

inParagraph("every tricky line renders as exactly its own text", () => {
  for (const text of TRICKY) assert.is(md.render(escapeMarkdown(text)), `<p>${asHtml(text)}</p>\n`, text);
});

inParagraph.run();

const inOtherPlaces = suite("escapeMarkdown shows a line as written in a list item and in link text");

inOtherPlaces("every tricky line renders as its own text as a list item", () => {
  for (const text of TRICKY) assert.is(md.render(`- ${escapeMarkdown(text)}`), `<ul>\n<li>${asHtml(text)}</li>\n</ul>\n`, text);
});

inOtherPlaces("every tricky line renders as its own text as the text of a link", () => {
  for (const text of TRICKY) assert.is(md.render(`[${escapeMarkdown(text)}](a.md)`), `<p><a href="a.md">${asHtml(text)}</a></p>\n`, text);
});

inOtherPlaces.run();

const readable = suite("escapeMarkdown leaves wire copy readable");

readable("ordinary punctuation is not escaped", () => {
  for (const text of [
    "AT&T Warned to Cut Ties With Huawei – Report",
    "India Joins US & Australia",
    "Trump Admin Reboots $50B China Tech Tariffs",
    "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
    "US vs Huawei/ZTE: The Verdict",
    "a | b",
    "-5 degrees",
    "#1 vendor",
  ])
    assert.is(escapeMarkdown(text), text);
});

readable("only the characters that would change the rendering are escaped", () => {
  assert.is(escapeMarkdown("&amp; and AT&T"), "\\&amp; and AT&T");
  assert.is(escapeMarkdown("*bold* <b>"), "\\*bold\\* \\<b>");
  assert.is(escapeMarkdown("- item"), "\\- item");
  assert.is(escapeMarkdown("1. item"), "1\\. item");
  assert.is(escapeMarkdown("# heading"), "\\# heading");
});

readable("a line break is refused, since one line is all it can keep as written", () => {
  assert.throws(() => escapeMarkdown("one\ntwo"), /one line/);
});

readable.run();
