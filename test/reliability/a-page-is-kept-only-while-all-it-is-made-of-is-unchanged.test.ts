import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildArchive, type Archive, type StorySource } from "../../src/archive/buildArchive.ts";
import type { Story } from "../../src/archive/story.ts";
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { inputsFingerprint } from "../../src/build/pageCache.ts";
import { buildPages, storyPageInputs } from "../../src/pages/buildPages.ts";
import { site } from "../../src/site.ts";
import { slugify } from "../../src/slug.ts";

/**
 * A rebuild keeps a story's page when the fingerprint of what the page is made of is unchanged,
 * without making the page (see storyPageInputs). That is only sound if every change to a page's
 * content changes its fingerprint, including changes made by editing other stories: a story it
 * lists retitled or moved to another day, or a topic the archive now spells another way.
 */

const test = suite("a story's page is kept only while everything it is made of is unchanged");

const articles = mkdtempSync(path.join(tmpdir(), "news-archive-fingerprints-"));
generateArchive({ articles: 400, out: articles, seed: 11, clean: true });
const original = await readStoryFiles(articles);
const code = "the same code";

const decoder = new TextDecoder();
const textOf = (source: StorySource) => decoder.decode(source.bytes);

/** The archive with one change to its files: `edit` returns the new text of the files it changes. */
function archiveWith(edit: (sources: StorySource[], archive: Archive) => Map<string, string>): { before: Archive; after: Archive; edited: Set<string> } {
  const before = load(original);
  const changed = edit(original, before);
  const edited = original.map((source) => (changed.has(source.sourcePath) ? { ...source, bytes: new TextEncoder().encode(changed.get(source.sourcePath)!) } : source));
  return { before, after: load(edited), edited: new Set(changed.keys()) };
}

function load(sources: readonly StorySource[]): Archive {
  const { archive, problems } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts: false });
  assert.equal(problems, []);
  return archive;
}

/**
 * For every story in both archives: its page's model as JSON and its fingerprint, before and
 * after. Fails if a page changed while its fingerprint did not; returns the pages that changed
 * although their own story's file did not, so a test can show it exercised those.
 */
function pagesChangedWithoutTheirFile(before: Archive, after: Archive, edited: Set<string>): string[] {
  const pagesBefore = buildPages(before, site);
  const pagesAfter = buildPages(after, site);
  const changedElsewhere: string[] = [];
  for (const story of after.stories) {
    const earlier = before.bySourcePath.get(story.sourcePath);
    if (!earlier) continue;
    const modelBefore = JSON.stringify(pagesBefore.storyPage(earlier));
    const modelAfter = JSON.stringify(pagesAfter.storyPage(story));
    if (modelBefore === modelAfter) continue;
    const fingerprintBefore = inputsFingerprint(storyPageInputs(earlier, before), code);
    const fingerprintAfter = inputsFingerprint(storyPageInputs(story, after), code);
    assert.not.equal(fingerprintAfter, fingerprintBefore, `the page of ${story.sourcePath} changed but its fingerprint did not`);
    if (!edited.has(story.sourcePath)) changedElsewhere.push(story.sourcePath);
  }
  return changedElsewhere;
}

const mostReferenced = (archive: Archive): Story =>
  [...archive.referencedBy].sort((a, b) => b[1].length - a[1].length).map(([sourcePath]) => archive.bySourcePath.get(sourcePath)!)[0];

test("retitling a story that others link to changes the pages that link to it", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const target = mostReferenced(archive);
    const source = sources.find((candidate) => candidate.sourcePath === target.sourcePath)!;
    return new Map([[target.sourcePath, textOf(source).replace(/^title: .*$/m, 'title: "A Story Retitled Since"')]]);
  });
  assert.ok(pagesChangedWithoutTheirFile(before, after, edited).length > 0, "the pages linking to the retitled story changed");
});

test("retitling a story that links to others changes their pages, which list it as linking to them", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const linking = archive.stories.find((story) => story.references.length > 0)!;
    const source = sources.find((candidate) => candidate.sourcePath === linking.sourcePath)!;
    return new Map([[linking.sourcePath, textOf(source).replace(/^title: .*$/m, 'title: "A Linking Story Retitled Since"')]]);
  });
  assert.ok(pagesChangedWithoutTheirFile(before, after, edited).length > 0, "the pages it links to changed");
});

test("moving a story to another day changes the pages that list it as related", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const listed = [...archive.related.values()].flat()[0];
    const source = sources.find((candidate) => candidate.sourcePath === listed.sourcePath)!;
    return new Map([[listed.sourcePath, textOf(source).replace(/^date: (\d{4})-(\d\d)-(\d\d)/m, (_, year: string, month: string, day: string) => `date: ${year}-${month}-${day === "01" ? "02" : "01"}`)]]);
  });
  assert.ok(pagesChangedWithoutTheirFile(before, after, edited).length > 0, "the pages listing the moved story changed");
});

test("spelling a topic another way in most of its stories changes how the others show it", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const topic = archive.topics.find((candidate) => candidate.stories.length >= 3 && candidate.name !== candidate.name.toUpperCase())!;
    const respelled = topic.stories.slice(1);
    return new Map(
      respelled.map((story) => {
        const source = sources.find((candidate) => candidate.sourcePath === story.sourcePath)!;
        const text = textOf(source).replace(/^topics: (.*)$/m, (_, list: string) => `topics: ${JSON.stringify((JSON.parse(list) as string[]).map((name) => (slugify(name) === topic.slug ? name.toUpperCase() : name)))}`);
        return [story.sourcePath, text];
      }),
    );
  });
  assert.ok(pagesChangedWithoutTheirFile(before, after, edited).length > 0, "the story whose file still spells the topic the old way shows the new spelling");
});

test("editing only a story's text changes its own page", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const target = mostReferenced(archive);
    const source = sources.find((candidate) => candidate.sourcePath === target.sourcePath)!;
    return new Map([[target.sourcePath, textOf(source) + "\nA paragraph added since.\n"]]);
  });
  const changedElsewhere = pagesChangedWithoutTheirFile(before, after, edited);
  assert.equal(changedElsewhere, [], "a story's text is not shown on the pages that list it");
  const target = mostReferenced(before);
  assert.not.equal(inputsFingerprint(storyPageInputs(target, before), code), inputsFingerprint(storyPageInputs(after.bySourcePath.get(target.sourcePath)!, after), code));
});

test.run();
