import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseWireCopy } from "../../src/wire/parseWireCopy.ts";

const paragraphs = suite("parseWireCopy reads one paragraph a line and gathers '- ' lines into a list");

paragraphs("each non-blank line is a paragraph, numbered by its line in the file", () => {
  assert.equal(parseWireCopy("First paragraph.\n\n  Second, indented.  \n\n\nThird.").blocks, [
    { kind: "paragraph", line: 1, text: "First paragraph." },
    { kind: "paragraph", line: 3, text: "Second, indented." },
    { kind: "paragraph", line: 6, text: "Third." },
  ]);
});

paragraphs("consecutive '- ' lines make one list, and a paragraph ends it", () => {
  assert.equal(parseWireCopy("Read more, see:\n- One\n- Two, and three\n\n- Four\nAfter.\n- Five").blocks, [
    { kind: "paragraph", line: 1, text: "Read more, see:" },
    {
      kind: "list",
      items: [
        { line: 2, text: "One" },
        { line: 3, text: "Two, and three" },
        { line: 5, text: "Four" },
      ],
    },
    { kind: "paragraph", line: 6, text: "After." },
    { kind: "list", items: [{ line: 7, text: "Five" }] },
  ]);
});

paragraphs("a dash without a space, as in '-5 degrees', starts a paragraph, not a list", () => {
  assert.equal(parseWireCopy("-5 degrees").blocks, [{ kind: "paragraph", line: 1, text: "-5 degrees" }]);
});

paragraphs("a byte-order mark and Windows line ends are read like plain line ends", () => {
  const copy = parseWireCopy("\uFEFFOne.\r\n\r\n- Two\r\n— Ray Le Maistre, Editor-in-Chief, Light Reading\r\n");
  assert.equal(copy.blocks, [
    { kind: "paragraph", line: 1, text: "One." },
    { kind: "list", items: [{ line: 3, text: "Two" }] },
  ]);
  assert.equal(copy.byline, { line: 4, name: "Ray Le Maistre", role: "Editor-in-Chief", publication: "Light Reading" });
});

paragraphs.run();

const byline = suite("parseWireCopy takes the closing '— Name, Role, Publication' line as the byline");

byline("name, role and publication are read from the last line, which leaves the body", () => {
  const copy = parseWireCopy("Story.\n— Ray Le Maistre, Editor-in-Chief, Light Reading\n\n");
  assert.equal(copy.byline, { line: 2, name: "Ray Le Maistre", role: "Editor-in-Chief", publication: "Light Reading" });
  assert.equal(copy.blocks, [{ kind: "paragraph", line: 1, text: "Story." }]);
});

byline("role and publication may be missing", () => {
  assert.equal(parseWireCopy("Story.\n— Iain Morris").byline, { line: 2, name: "Iain Morris" });
  assert.equal(parseWireCopy("Story.\n—Iain Morris, International Editor").byline, {
    line: 2,
    name: "Iain Morris",
    role: "International Editor",
  });
});

byline("with more than three parts the middle ones are the role", () => {
  assert.equal(parseWireCopy("Story.\n— Jane Doe, Senior Editor, Europe, Light Reading").byline, {
    line: 2,
    name: "Jane Doe",
    role: "Senior Editor, Europe",
    publication: "Light Reading",
  });
});

byline("an em-dash line before the end is a paragraph, and copy without one has no byline", () => {
  const copy = parseWireCopy("— a quote, says someone\nStory.");
  assert.is(copy.byline, undefined);
  assert.equal(copy.blocks[0], { kind: "paragraph", line: 1, text: "— a quote, says someone" });
});

byline.run();
