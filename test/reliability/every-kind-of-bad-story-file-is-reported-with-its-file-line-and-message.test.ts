import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { formatProblem } from "../../src/problems.ts";
import { storySource } from "../support/storyFile.ts";
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { archiveOnDisk } from "./archiveOnDisk.ts";
import { badStoryKinds, isAboutListing, type BadStoryKind } from "./badStoryFiles.ts";

/**
 * Each kind of bad story file on its own, beside one sound story: what the editor is told, and
 * that the sound story is still read. The fixtures and the lines expected are in badStoryFiles.ts.
 */

const soundStory = storySource("2018/11/a-sound-story.md", "---\ntitle: A Sound Story\ndate: 2018-11-20\n---\n");

const test = suite("a bad story file is reported with its file, line and message");

/** The kind's files as the build reads them: from a folder on disk when which files are read is the point. */
async function sourcesOf(kind: BadStoryKind) {
  if (!isAboutListing(kind))
    return [soundStory, ...Object.entries(kind.files).map(([sourcePath, bytes]) => storySource(sourcePath, bytes))];
  const { articles } = archiveOnDisk({ ...kind.files, [soundStory.sourcePath]: soundStory.bytes }, kind.links);
  // Named as storySource names them, from `articles/`.
  return (await readStoryFiles(articles)).map((source) => ({ ...source, file: `articles/${source.sourcePath}` }));
}

for (const kind of badStoryKinds) {
  test(kind.behaviour, async () => {
    const sources = await sourcesOf(kind);
    const { archive, problems } = buildArchive(sources, { timeZone: "America/New_York", includeDrafts: false });
    assert.equal(problems.map(formatProblem).sort(), [...kind.expected].sort());
    assert.ok(
      archive.stories.some((story) => story.sourcePath === "2018/11/a-sound-story.md"),
      "the sound story beside the bad one was still read",
    );
  });
}

test.run();
