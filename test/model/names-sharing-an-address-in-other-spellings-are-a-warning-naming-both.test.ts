import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { formatProblem } from "../../src/problems.ts";
import { storySource } from "../support/storyFile.ts";

/** Issue 22: nothing changes silently; topics or bylines merged onto one page by their slug, though spelled otherwise, are named. */

const test = suite("names sharing an address in other spellings");

const story = (path: string, title: string, topics: string, byline = "Ana Lima") =>
  storySource(path, `---\ntitle: ${title}\ndate: 2019-04-0${path.length % 9}\nbyline: [${byline}]\ntopics: [${topics}]\n---\nText.\n`);

test("a topic spelled with and without an accent is one page, and a warning names both spellings and the story", () => {
  const { archive, problems, warnings } = buildArchive(
    [
      story("2019/04/one.md", "Cafe Culture Returns", "Cafe, Food"),
      story("2019/04/two.md", "The Café on the Corner", "Café"),
      story("2019/04/three.md", "Cafe Owners Meet", "cafe"),
    ],
    { timeZone: "America/New_York", includeDrafts: false },
  );
  assert.equal(problems, []);
  assert.equal(
    archive.topics.map((topic) => topic.slug),
    ["cafe", "food"],
  );
  const lines = warnings.map(formatProblem);
  assert.is(lines.length, 1, lines.join("\n"));
  assert.match(lines[0], /two\.md: the topic "Café" shares one page with "Cafe", as their addresses are the same \(cafe\)/);
});

test("names differing only in letter case and spacing share a page without a warning", () => {
  const { warnings } = buildArchive(
    [story("2019/04/one.md", "First", "5G", "Ana  Lima"), story("2019/04/two.md", "Second", "5g", "ana lima")],
    { timeZone: "America/New_York", includeDrafts: false },
  );
  assert.equal(warnings, []);
});

test("a byline spelled two ways is named too", () => {
  const { warnings } = buildArchive(
    [story("2019/04/one.md", "First", "5G", "José Ruiz"), story("2019/04/two.md", "Second", "5G", "Jose Ruiz")],
    { timeZone: "America/New_York", includeDrafts: false },
  );
  assert.is(warnings.length, 1);
  assert.match(formatProblem(warnings[0]), /the byline "(José|Jose) Ruiz" shares one page with "(Jose|José) Ruiz"/);
});

test.run();
