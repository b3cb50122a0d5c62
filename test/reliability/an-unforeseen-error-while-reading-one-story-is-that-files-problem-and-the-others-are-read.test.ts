import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { storyFields, type FieldDeclarations, type FieldSpec } from "../../src/article/schema.ts";
import { formatProblem } from "../../src/problems.ts";
import { storySource } from "../support/storyFile.ts";

/**
 * Issue 22: whatever goes wrong while one story is read, even an exception no one foresaw,
 * becomes that file's problem, naming it, and every other file is still read and reported. The
 * fault is made here by a field declared by the test (the declarations are a value the archive
 * is built with) whose reader throws, as a reader with a bug would.
 */

const test = suite("an unforeseen error while reading one story is that file's problem, and the others are read");

const faultyKicker: FieldSpec<string> = {
  required: false,
  read(raw) {
    throw new TypeError(`cannot read properties of ${String(raw)}`);
  },
  doc: { example: "Analysis", note: "a word above the headline" },
};
const fields: FieldDeclarations = { ...storyFields, kicker: faultyKicker };

test("the file is named with the error's message, and the story beside it is published", () => {
  const { archive, problems } = buildArchive(
    [
      storySource("2018/11/with-kicker.md", "---\ntitle: Operators Weigh Open RAN\ndate: 2018-11-21\nkicker: Analysis\n---\nThe text.\n"),
      storySource("2018/11/without-kicker.md", "---\ntitle: Rural Broadband Vote\ndate: 2018-11-22\n---\nThe text.\n"),
      storySource("2018/11/bad-date.md", "---\ntitle: Bad Date\ndate: 2018-13-01\n---\n"),
    ],
    { timeZone: "America/New_York", includeDrafts: false, fields },
  );
  assert.equal(problems.map(formatProblem), [
    "articles/2018/11/with-kicker.md: could not be read: TypeError: cannot read properties of Analysis (this is a fault in news-archive, not in the story: please report it with this file)",
    'articles/2018/11/bad-date.md:3: date: "2018-13-01" is not a real calendar day (write a real day as date: 2018-11-23, or a moment as date: 2018-11-23T18:30:00-05:00)',
  ]);
  assert.equal(
    archive.stories.map((story) => story.title),
    ["Rural Broadband Vote"],
  );
});

test.run();
