import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadKnownStories, readHeadline } from "../../src/wire/knownStories.ts";
import { createFixtureArchive, referenceOnlyStory } from "../support/fixtureArchive.ts";

const headline = suite("readHeadline reads the title from a story's front matter");

headline("the title is read from front matter, with a byte-order mark and Windows line ends", () => {
  assert.is(readHeadline('\uFEFF---\r\ntitle: "A: B"\r\ndate: 2018-01-01\r\n---\r\nBody\r\n'), "A: B");
  assert.is(readHeadline("---\ntitle: Plain Title\n---\n"), "Plain Title");
});

headline("files without front matter, with broken YAML or without a text title have none", () => {
  assert.is(readHeadline("title: No Fences\n"), undefined);
  assert.is(readHeadline("---\ntitle: Never Closed\n"), undefined);
  assert.is(readHeadline("---\ntitle: a: b\n---\n"), undefined);
  assert.is(readHeadline("---\ntitle: 2018\n---\n"), undefined);
  assert.is(readHeadline("---\ndate: 2018-01-01\n---\n"), undefined);
});

headline.run();

const load = suite("loadKnownStories lists every readable story under the articles folder");

load("stories are listed by path relative to the folder; other files and unreadable stories are skipped", async () => {
  const archive = await createFixtureArchive({
    "2018/08/b.md": referenceOnlyStory("Second"),
    "2012/10/a.md": referenceOnlyStory("First"),
    "2018/09/broken.md": "no front matter",
    "2018/09/notes.txt": referenceOnlyStory("Not A Story"),
  });
  try {
    assert.equal(await loadKnownStories(archive.articles), [
      { title: "First", sourcePath: "2012/10/a.md" },
      { title: "Second", sourcePath: "2018/08/b.md" },
    ]);
  } finally {
    await archive.remove();
  }
});

load.run();
