import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { documentedFrontMatter } from "../../src/article/fieldDocs.ts";

/**
 * Issue 19: a field's documentation row is declared with it; the README's article format must
 * hold exactly the rows the declarations give, in their order, so a field cannot be added (or
 * its example or meaning changed) without the README saying so.
 */

const test = suite("the README documents every declared story field");

test("the front matter example of the article format is the declarations' rows", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const block = /## The article format[\s\S]*?```yaml\n---\n([\s\S]*?)\n---\n/.exec(readme);
  assert.ok(block, "the README has an article format with a YAML example");
  // On failure, the expected lines are printed: paste them into the README.
  assert.fixture(block[1], documentedFrontMatter().join("\n"));
});

test.run();
