import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { readStoryFiles, readStoryFilesAhead } from "../../src/article/readStoryFiles.ts";
import { formatProblem } from "../../src/problems.ts";
import { archiveOnDisk } from "./archiveOnDisk.ts";

/**
 * Issue 22: a story file that is a symbolic link is read when it points to a file inside the
 * articles folder (links elsewhere, or to nothing, are reported: see badStoryFiles.ts), whether
 * the files are read here or ahead, in the build's other thread.
 */

const test = suite("a story file that is a link to a file inside the articles folder is read");

const archive = archiveOnDisk(
  {
    "2018/11/a-sound-story.md": "---\ntitle: A Sound Story\ndate: 2018-11-20\n---\n",
    // Kept by the desk under a name the archive does not read, and published through the link.
    "desk/council-vote.txt": "---\ntitle: Council Approves Fibre Plan\ndate: 2018-11-21\n---\nThe vote was close.\n",
  },
  { "2018/11/council-approves-fibre-plan.md": "../../desk/council-vote.txt" },
);

for (const [how, read] of [
  ["read here", () => readStoryFiles(archive.articles)],
  ["read ahead", () => readStoryFiles(archive.articles, readStoryFilesAhead(archive.articles))],
] as const) {
  test(`the linked story is published (${how})`, async () => {
    const sources = await read();
    assert.equal(
      sources.map((source) => source.sourcePath),
      ["2018/11/a-sound-story.md", "2018/11/council-approves-fibre-plan.md"],
    );
    const { archive: built, problems } = buildArchive(sources, { timeZone: "America/New_York", includeDrafts: false });
    assert.equal(problems.map(formatProblem), []);
    assert.equal(
      built.stories.map((story) => [story.title, story.url]),
      [
        ["Council Approves Fibre Plan", "/2018/11/21/council-approves-fibre-plan/"],
        ["A Sound Story", "/2018/11/20/a-sound-story/"],
      ],
    );
  });
}

test.run();
