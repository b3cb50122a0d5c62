import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { storyFile, storySource } from "../support/storyFile.ts";

const story = (name: string, date: string, topics: string[], byline: string[] = []) =>
  storySource(
    `2018/${name}.md`,
    storyFile(
      {
        title: `Story ${name}`,
        date,
        topics: `[${topics.join(", ")}]`,
        ...(byline.length > 0 ? { byline: `[${byline.join(", ")}]` } : {}),
      },
      "Text.",
    ),
  );

function relatedTitles(sources: ReturnType<typeof story>[], of: string): string[] {
  const { archive, problems } = buildArchive(sources, { timeZone: "America/New_York", includeDrafts: false });
  assert.equal(problems, []);
  return (archive.related.get(`2018/${of}.md`) ?? []).map((related) => related.title);
}

const test = suite("related stories");

test("rank stories sharing more topics first, then a shared byline, then closeness in date", () => {
  const titles = relatedTitles(
    [
      story("main", "2018-06-15", ["Huawei", "5G", "Security"], ["Dan Jones"]),
      story("three-topics", "2018-01-01", ["Huawei", "5G", "Security"]),
      story("two-topics", "2018-06-14", ["Huawei", "5G"]),
      story("one-topic-same-author", "2018-03-01", ["Security"], ["Dan Jones"]),
      story("one-topic-near", "2018-06-16", ["Huawei"]),
      story("one-topic-far", "2018-01-02", ["5G"]),
      story("nothing-shared", "2018-06-15", ["Cables"]),
    ],
    "main",
  );
  assert.equal(titles, [
    "Story three-topics",
    "Story two-topics",
    "Story one-topic-same-author",
    "Story one-topic-near",
    "Story one-topic-far",
  ]);
});

test("are at most five, never the story itself, and none when nothing is shared", () => {
  const sources = Array.from({ length: 8 }, (_, index) => story(`s${index}`, `2018-05-0${index + 1}`, ["Huawei"]));
  const titles = relatedTitles([...sources, story("alone", "2018-05-01", ["Cables"])], "s0");
  assert.is(titles.length, 5);
  assert.not.ok(titles.includes("Story s0"));
  assert.equal(relatedTitles([...sources, story("alone", "2018-05-01", ["Cables"])], "alone"), []);
});

test("are the same whatever order the files are read in", () => {
  const sources = [
    story("a", "2018-05-01", ["Huawei", "ZTE"]),
    story("b", "2018-05-01", ["Huawei", "ZTE"]),
    story("c", "2018-05-01", ["Huawei", "ZTE"]),
    story("d", "2018-05-01", ["Huawei", "ZTE"]),
  ];
  assert.equal(relatedTitles(sources, "a"), relatedTitles([...sources].reverse(), "a"));
  assert.equal(relatedTitles(sources, "a"), ["Story b", "Story c", "Story d"]);
});

test.run();
