import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readFrontMatter, storyFields, type FieldDeclarations, type FieldSpec } from "../../src/article/schema.ts";

/**
 * Issue 22: control characters are refused before any field's reader runs, so a field declared
 * later, whose reader takes any text as it is, cannot carry one into a page, a feed or JSON-LD.
 */

const kicker: FieldSpec<unknown> = {
  required: false,
  doc: { example: "Analysis", note: "a word above the headline" },
  read: (raw) => ({ ok: true, value: raw }),
};
const fields: FieldDeclarations = { ...storyFields, kicker };
const context = { timeZone: "America/New_York" };

const test = suite("a control character is a problem in any field, even one declared later whose reader does not look");

test("a field declared later refuses a bell, a NUL, DEL and a lone surrogate, inside lists and maps too", () => {
  for (const [kickerValue, named] of [
    ["Analysis\u0007", "the control character U+0007"],
    ["\u0000Analysis", "the control character U+0000"],
    [["Analysis", "Opinion\u007f"], "the control character U+007F"],
    [{ label: "Ana\uDC00lysis" }, "a lone surrogate U+DC00 (half of a character)"],
  ] as const) {
    const { frontMatter, problems } = readFrontMatter({ title: "A Story", date: "2018-11-20", kicker: kickerValue }, context, fields);
    assert.is(frontMatter, undefined, JSON.stringify(kickerValue));
    assert.equal(
      problems.map((problem) => [problem.field, problem.message.replace(/ \(character \d+ of the value\)$/, "")]),
      [["kicker", `kicker: holds ${named}`]],
    );
  }
});

test("tabs, newlines and whole characters outside the BMP are text, and are kept", () => {
  const value = "Analysis\twith a tab\nand a line, 🚀 and 华为";
  const { frontMatter, problems } = readFrontMatter({ title: "A Story", date: "2018-11-20", kicker: value }, context, fields);
  assert.equal(problems, []);
  assert.is((frontMatter as Record<string, unknown>).kicker, value);
});

test.run();
