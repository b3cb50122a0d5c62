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
import { buildFeeds } from "../../src/pages/buildFeeds.ts";
import { buildPages, storyPageInputs, storySearchInputs } from "../../src/pages/buildPages.ts";
import { searchRecord } from "../../src/search/searchRecords.ts";
import { site } from "../../src/site.ts";
import { slugify } from "../../src/slug.ts";

/**
 * A rebuild keeps a page or feed when the fingerprint of what it is made of is unchanged,
 * without making it (see LazyOutput). That is only sound if every change to its content
 * changes its fingerprint, including changes made by editing other stories: a story it lists
 * retitled or moved to another day, or a topic the archive now spells another way.
 */

const test = suite("a page is kept only while everything it is made of is unchanged");

const articles = mkdtempSync(path.join(tmpdir(), "news-archive-fingerprints-"));
generateArchive({ articles: 400, out: articles, seed: 11, clean: true });
// A generated archive: every file is a story read (none is a link or a .markdown file).
const original = (await readStoryFiles(articles)).filter((source): source is StorySource => "bytes" in source);
const code = "the same code";

const decoder = new TextDecoder();
const textOf = (source: StorySource) => decoder.decode(source.bytes);

/** The archive with one change to its files: `edit` returns the new text of the files it changes. */
function archiveWith(edit: (sources: StorySource[], archive: Archive) => Map<string, string>): {
  before: Archive;
  after: Archive;
  edited: Set<string>;
} {
  const before = load(original);
  const changed = edit(original, before);
  const edited = original.map((source) =>
    changed.has(source.sourcePath) ? { ...source, bytes: new TextEncoder().encode(changed.get(source.sourcePath)!) } : source,
  );
  return { before, after: load(edited), edited: new Set(changed.keys()) };
}

function load(sources: readonly StorySource[]): Archive {
  const { archive, problems } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts: false });
  assert.equal(problems, []);
  return archive;
}

/**
 * Every output but the sitemap (whose inputs are itself), by address: what it is made of, and its
 * model as JSON; and each story's search record, under `search:` and its address (a search
 * shard is indexed again only when one of its records' fingerprints changed).
 */
function outputsOf(archive: Archive): Map<string, { inputs: unknown; model: string }> {
  const pages = buildPages(archive, site);
  const outputs = new Map<string, { inputs: unknown; model: string }>();
  for (const story of archive.stories) {
    outputs.set(story.url, { inputs: storyPageInputs(story, archive), model: JSON.stringify(pages.storyPage(story)) });
    outputs.set(`search:${story.url}`, {
      inputs: storySearchInputs(story, archive),
      model: JSON.stringify(searchRecord(pages.storyPage(story))),
    });
  }
  for (const output of [...pages.indexPages, ...buildFeeds(archive, site)])
    outputs.set(output.url, { inputs: output.inputs(), model: JSON.stringify(output.model()) });
  return outputs;
}

/**
 * For every page and feed in both archives: its model as JSON and its fingerprint, before and
 * after. Fails if an output changed while its fingerprint did not; returns the story pages and
 * the other outputs that changed although no file of theirs did, so a test can show it
 * exercised those.
 */
function outputsChangedWithoutTheirFile(before: Archive, after: Archive, edited: Set<string>): { storyPages: string[]; others: string[] } {
  const outputsBefore = outputsOf(before);
  const ownFiles = new Map(after.stories.map((story) => [story.url, story.sourcePath]));
  const changed = { storyPages: [] as string[], others: [] as string[] };
  for (const [url, now] of outputsOf(after)) {
    const earlier = outputsBefore.get(url);
    if (!earlier || earlier.model === now.model) continue;
    assert.not.equal(
      inputsFingerprint(now.inputs, code),
      inputsFingerprint(earlier.inputs, code),
      `${url} changed but its fingerprint did not`,
    );
    if (url.startsWith("search:")) continue;
    const ownFile = ownFiles.get(url);
    if (ownFile === undefined) changed.others.push(url);
    else if (!edited.has(ownFile)) changed.storyPages.push(url);
  }
  return changed;
}

const mostReferenced = (archive: Archive): Story =>
  [...archive.referencedBy].sort((a, b) => b[1].length - a[1].length).map(([sourcePath]) => archive.bySourcePath.get(sourcePath)!)[0];

test("retitling a story that others link to changes the pages that link to it", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const target = mostReferenced(archive);
    const source = sources.find((candidate) => candidate.sourcePath === target.sourcePath)!;
    return new Map([[target.sourcePath, textOf(source).replace(/^title: .*$/m, 'title: "A Story Retitled Since"')]]);
  });
  const changed = outputsChangedWithoutTheirFile(before, after, edited);
  assert.ok(changed.storyPages.length > 0, "the pages linking to the retitled story changed");
  assert.ok(
    changed.others.some((url) => url.endsWith("/feed.xml")),
    "feeds carrying the bodies that link to it changed",
  );
});

test("retitling a story that links to others changes their pages, which list it as linking to them", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const linking = archive.stories.find((story) => story.references.length > 0)!;
    const source = sources.find((candidate) => candidate.sourcePath === linking.sourcePath)!;
    return new Map([[linking.sourcePath, textOf(source).replace(/^title: .*$/m, 'title: "A Linking Story Retitled Since"')]]);
  });
  assert.ok(outputsChangedWithoutTheirFile(before, after, edited).storyPages.length > 0, "the pages it links to changed");
});

test("moving a story to another day changes the pages that list it as related", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const listed = [...archive.related.values()].flat()[0];
    const source = sources.find((candidate) => candidate.sourcePath === listed.sourcePath)!;
    return new Map([
      [
        listed.sourcePath,
        textOf(source).replace(
          /^date: (\d{4})-(\d\d)-(\d\d)/m,
          (_, year: string, month: string, day: string) => `date: ${year}-${month}-${day === "01" ? "02" : "01"}`,
        ),
      ],
    ]);
  });
  const changed = outputsChangedWithoutTheirFile(before, after, edited);
  assert.ok(changed.storyPages.length > 0, "the pages listing the moved story changed");
  assert.ok(changed.others.length > 0, "its old and new day's pages changed");
});

test("spelling a topic another way in most of its stories changes how the others show it", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const topic = archive.topics.find((candidate) => candidate.stories.length >= 3 && candidate.name !== candidate.name.toUpperCase())!;
    const respelled = topic.stories.slice(1);
    return new Map(
      respelled.map((story) => {
        const source = sources.find((candidate) => candidate.sourcePath === story.sourcePath)!;
        const text = textOf(source).replace(
          /^topics: (.*)$/m,
          (_, list: string) =>
            `topics: ${JSON.stringify((JSON.parse(list) as string[]).map((name) => (slugify(name) === topic.slug ? name.toUpperCase() : name)))}`,
        );
        return [story.sourcePath, text];
      }),
    );
  });
  const changed = outputsChangedWithoutTheirFile(before, after, edited);
  assert.ok(changed.storyPages.length > 0, "the story whose file still spells the topic the old way shows the new spelling");
  assert.ok(changed.others.length > 0, "the topic's pages show the new spelling");
});

test("editing only a story's text changes its own page", () => {
  const { before, after, edited } = archiveWith((sources, archive) => {
    const target = mostReferenced(archive);
    const source = sources.find((candidate) => candidate.sourcePath === target.sourcePath)!;
    return new Map([[target.sourcePath, textOf(source) + "\nA paragraph added since.\n"]]);
  });
  const changed = outputsChangedWithoutTheirFile(before, after, edited);
  assert.equal(changed.storyPages, [], "a story's text is not shown on the pages that list it");
  const target = mostReferenced(before);
  assert.not.equal(
    inputsFingerprint(storyPageInputs(target, before), code),
    inputsFingerprint(storyPageInputs(after.bySourcePath.get(target.sourcePath)!, after), code),
  );
  // Issue 23: nor are the pages linking to it, or their search records, made again.
  const fingerprints = (archive: Archive) =>
    archive.stories
      .filter((story) => story.sourcePath !== target.sourcePath)
      .map((story) => [
        inputsFingerprint(storyPageInputs(story, archive), code),
        inputsFingerprint(storySearchInputs(story, archive), code),
      ]);
  assert.equal(fingerprints(after), fingerprints(before), "no other story's page or search record is fingerprinted anew");
});

test.run();
