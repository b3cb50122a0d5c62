import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive, type Archive } from "../../src/archive/buildArchive.ts";
import { storyFields, type FieldDeclarations, type FieldSpec } from "../../src/article/schema.ts";
import { inputsFingerprint } from "../../src/build/pageCache.ts";
import { buildFeeds } from "../../src/pages/buildFeeds.ts";
import { buildPages, storyPageInputs } from "../../src/pages/buildPages.ts";
import { site } from "../../src/site.ts";
import { urls } from "../../src/urls.ts";

/**
 * Issue 19: a field is declared once, and the story, its page model and the fingerprint of every
 * page and feed showing the story follow. A field declared here only (the declarations are a value
 * the archive is built with) is on the story's page model; changing its value changes the
 * fingerprints, so the pages are rebuilt; writing the same value another way changes none.
 */

const test = suite("a field declared by a test is on its story's page and in every fingerprint showing the story");

const kicker: FieldSpec<string> = {
  required: false,
  read: (raw) => (typeof raw === "string" ? { ok: true, value: raw.trim() } : { ok: false, message: "kicker: expected text", hint: "" }),
  doc: { example: "Analysis", note: "a word above the headline" },
};
const withKicker: FieldDeclarations = { ...storyFields, kicker };

const file = (kickerLine: string) =>
  new TextEncoder().encode(`---\ntitle: "Operators Weigh Open RAN"\ndate: 2021-03-09\n${kickerLine}\ntopics: [RAN]\n---\nThe text.\n`);

function archiveOf(kickerLine: string, fields?: FieldDeclarations): { archive?: Archive; problems: string[] } {
  const { archive, problems } = buildArchive(
    [{ sourcePath: "2021/03/open-ran.md", file: "articles/2021/03/open-ran.md", bytes: file(kickerLine) }],
    {
      timeZone: site.timeZone,
      includeDrafts: false,
      fields,
    },
  );
  return { archive: problems.length === 0 ? archive : undefined, problems: problems.map((problem) => problem.message) };
}

/**
 * The fingerprint of the story's page, the home page, its topic's page and the feed, by address.
 * The lists show a story's list item (headline, date, byline…), not every field: they are rebuilt
 * when what they show changes (issue 23), the story's page and the feed, which show it whole, always.
 */
function fingerprints(archive: Archive): Map<string, string> {
  const story = archive.stories[0];
  const pages = buildPages(archive, site);
  const shown = [urls.home, urls.topic("ran"), urls.feed];
  const result = new Map([[story.url, inputsFingerprint(storyPageInputs(story, archive), "code")]]);
  for (const output of [...pages.indexPages, ...buildFeeds(archive, site)])
    if (shown.includes(output.url)) result.set(output.url, inputsFingerprint(output.inputs(), "code"));
  assert.is(result.size, 4, "every output showing the story is there");
  return result;
}

test("the archive's own declarations do not know the field: the story file is refused", () => {
  assert.equal(archiveOf("kicker: Analysis").problems, ['unknown field "kicker"']);
});

test("declared, the field's value is on the story's page model", () => {
  const { archive } = archiveOf("kicker: Analysis", withKicker);
  const page = buildPages(archive!, site).storyPage(archive!.stories[0]);
  assert.is((page.facts as Record<string, unknown>).kicker, "Analysis");
  assert.is(page.facts.title, "Operators Weigh Open RAN");
});

test("changing its value changes the fingerprint of the story's page and of the feed, which show it, and of no list", () => {
  const before = fingerprints(archiveOf("kicker: Analysis", withKicker).archive!);
  const after = fingerprints(archiveOf("kicker: Opinion", withKicker).archive!);
  const story = archiveOf("kicker: Analysis", withKicker).archive!.stories[0];
  for (const url of [story.url, urls.feed]) assert.not.equal(after.get(url), before.get(url), `${url} is rebuilt`);
  for (const url of [urls.home, urls.topic("ran")])
    assert.is(after.get(url), before.get(url), `${url}, whose list item is unchanged, is rebuilt`);
});

test("changing the headline, which the lists show, changes every fingerprint", () => {
  const retitled = (kickerLine: string) =>
    buildArchive(
      [
        {
          sourcePath: "2021/03/open-ran.md",
          file: "articles/2021/03/open-ran.md",
          bytes: new TextEncoder().encode(new TextDecoder().decode(file(kickerLine)).replace("Operators Weigh", "Operators Reject")),
        },
      ],
      { timeZone: site.timeZone, includeDrafts: false, fields: withKicker },
    ).archive;
  const before = fingerprints(archiveOf("kicker: Analysis", withKicker).archive!);
  const after = fingerprints(retitled("kicker: Analysis"));
  for (const [url, fingerprint] of before)
    if (url !== archiveOf("kicker: Analysis", withKicker).archive!.stories[0].url)
      assert.not.equal(after.get(url), fingerprint, `${url} is rebuilt`);
});

test("writing the same value another way changes no fingerprint: a page is made of values, not of bytes", () => {
  const before = fingerprints(archiveOf("kicker: Analysis", withKicker).archive!);
  const after = fingerprints(archiveOf('kicker:   "Analysis"', withKicker).archive!);
  assert.equal([...after], [...before]);
});

test.run();
