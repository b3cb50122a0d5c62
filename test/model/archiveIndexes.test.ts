import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive, type Archive, type StorySource } from "../../src/archive/buildArchive.ts";
import type { IndexEntry } from "../../src/archive/indexes.ts";
import { formatProblem } from "../../src/problems.ts";
import { quoted, storyFile, storySource } from "../support/storyFile.ts";

function archiveOf(sources: StorySource[], timeZone = "America/New_York"): Archive {
  const { archive, problems } = buildArchive(sources, { timeZone, includeDrafts: false });
  assert.equal(problems.map(formatProblem), [], "expected an archive without problems");
  return archive;
}

interface StoryFacts {
  date: string;
  byline?: string;
  topics?: string;
}

/** Reference-only stories named by their title; the file name is made from the title. */
const stories = (facts: Record<string, StoryFacts>): StorySource[] =>
  Object.entries(facts).map(([title, { date, byline, topics }]) =>
    storySource(
      `${date.slice(0, 4)}/${date.slice(5, 7)}/${title.toLowerCase().replace(/\W+/g, "-")}.md`,
      storyFile({ title: quoted(title), date, ...(byline ? { byline } : {}), ...(topics ? { topics } : {}) }),
    ),
  );

/** An index as a reader sees it: each entry's name, with its stories' titles, newest first. */
const listing = (entries: readonly IndexEntry[]) =>
  entries.map((entry) => ({ slug: entry.slug, name: entry.name, stories: entry.stories.map((story) => story.title) }));

// ---------------------------------------------------------------------------------------------

const order = suite("buildArchive: stories are listed newest first");

order("stories are ordered by their moment, and on the same day by title", () => {
  const archive = archiveOf(
    stories({
      "No 5G Deal": { date: "2018-09-17" },
      "Evening story": { date: "2018-09-17T21:00:00-04:00" },
      "India Joins": { date: "2018-09-17" },
      "The Verdict": { date: "2012-10-08" },
      Seed: { date: "2018-11-23" },
    }),
  );
  assert.equal(
    archive.stories.map((story) => story.title),
    ["Seed", "Evening story", "India Joins", "No 5G Deal", "The Verdict"],
  );
});

order.run();

// ---------------------------------------------------------------------------------------------

const byDate = suite("buildArchive: stories grouped by year, month and day");

byDate("each year holds its months and each month its days, newest first", () => {
  const archive = archiveOf(
    stories({
      "The Verdict": { date: "2012-10-08" },
      "AT&T Warned": { date: "2018-01-17" },
      "Australia Excludes": { date: "2018-08-23" },
      "US Agencies Barred": { date: "2018-08-15" },
      "No 5G Deal": { date: "2018-09-17" },
      "India Joins": { date: "2018-09-17" },
      Seed: { date: "2018-11-23" },
    }),
  );
  const tree = archive.years.map((year) => ({
    year: year.year,
    count: year.stories.length,
    months: year.months.map((month) => ({
      month: month.month,
      count: month.stories.length,
      days: month.days.map((day) => `${day.day}: ${day.stories.map((story) => story.title).join(", ")}`),
    })),
  }));
  assert.equal(tree, [
    {
      year: 2018,
      count: 6,
      months: [
        { month: 11, count: 1, days: ["23: Seed"] },
        { month: 9, count: 2, days: ["17: India Joins, No 5G Deal"] },
        { month: 8, count: 2, days: ["23: Australia Excludes", "15: US Agencies Barred"] },
        { month: 1, count: 1, days: ["17: AT&T Warned"] },
      ],
    },
    { year: 2012, count: 1, months: [{ month: 10, count: 1, days: ["8: The Verdict"] }] },
  ]);
});

byDate("a story at 23:30 local time is grouped under that local day", () => {
  const timesOfDay = stories({
    "Late in New York": { date: "2018-11-23T23:30:00-05:00" },
    "Same moment in UTC": { date: "2018-11-24T04:30:00Z" },
    "Just after midnight": { date: "2018-11-24T00:30:00-05:00" },
  });
  const days = (archive: Archive) =>
    archive.years.flatMap((year) =>
      year.months.flatMap((month) =>
        month.days.map((day) => `${year.year}-${month.month}-${day.day}: ${day.stories.map((story) => story.title).join(", ")}`),
      ),
    );
  assert.equal(days(archiveOf(timesOfDay, "America/New_York")), [
    "2018-11-24: Just after midnight",
    "2018-11-23: Late in New York, Same moment in UTC",
  ]);
  assert.equal(days(archiveOf(timesOfDay, "Europe/London")), ["2018-11-24: Just after midnight, Late in New York, Same moment in UTC"]);
});

byDate.run();

// ---------------------------------------------------------------------------------------------

const byAuthor = suite("buildArchive: stories grouped by byline");

byAuthor("each author has their stories, newest first, and the authors are in alphabetical order", () => {
  const archive = archiveOf(
    stories({
      "Pentagon Blocks": { date: "2018-05-02", byline: "\n  - name: Dan Jones\n    role: Mobile Editor" },
      "Trump Admin Reboots": { date: "2018-05-29", byline: "[Dan Jones]" },
      "No 5G Deal": { date: "2018-09-17", byline: "[Iain Morris]" },
      "Joint Story": { date: "2018-10-01", byline: "[Iain Morris, Dan Jones]" },
      "Australia Excludes": { date: "2018-08-23" },
    }),
  );
  assert.equal(listing(archive.authors), [
    { slug: "dan-jones", name: "Dan Jones", stories: ["Joint Story", "Trump Admin Reboots", "Pentagon Blocks"] },
    { slug: "iain-morris", name: "Iain Morris", stories: ["Joint Story", "No 5G Deal"] },
  ]);
});

byAuthor("an author's stories are split by year, newest year first", () => {
  const archive = archiveOf(
    stories({
      "The Verdict": { date: "2012-10-08", byline: "[Ray Le Maistre]" },
      Seed: { date: "2018-11-23", byline: "[Ray Le Maistre]" },
      "Earlier in 2018": { date: "2018-02-01", byline: "[Ray Le Maistre]" },
    }),
  );
  assert.equal(
    archive.authors[0].years.map((year) => ({ year: year.year, stories: year.stories.map((story) => story.title) })),
    [
      { year: 2018, stories: ["Seed", "Earlier in 2018"] },
      { year: 2012, stories: ["The Verdict"] },
    ],
  );
});

byAuthor.run();

// ---------------------------------------------------------------------------------------------

const byTopic = suite("buildArchive: stories grouped by topic, whatever the letter case");

byTopic("topics that differ only in case are one topic, named as most stories spell it", () => {
  const archive = archiveOf(
    stories({
      First: { date: "2018-01-01", topics: "[5g]" },
      Second: { date: "2018-02-01", topics: "[5G, Huawei]" },
      Third: { date: "2018-03-01", topics: "[5G]" },
      Fourth: { date: "2018-04-01", topics: "[huawei]" },
      Fifth: { date: "2018-05-01", topics: "[HUAWEI]" },
      Sixth: { date: "2018-06-01", topics: "[huawei]" },
    }),
  );
  assert.equal(listing(archive.topics), [
    { slug: "5g", name: "5G", stories: ["Third", "Second", "First"] },
    { slug: "huawei", name: "huawei", stories: ["Sixth", "Fifth", "Fourth", "Second"] },
  ]);
  assert.equal(
    [...archive.topicNames],
    [
      ["5g", "5G"],
      ["huawei", "huawei"],
    ],
  );
});

byTopic("a story that gives one topic in two spellings is listed once under it", () => {
  const archive = archiveOf(stories({ Only: { date: "2018-01-01", topics: "[5G, 5g, Security]" } }));
  assert.equal(archive.stories[0].topics, ["5G", "Security"]);
  assert.equal(listing(archive.topics), [
    { slug: "5g", name: "5G", stories: ["Only"] },
    { slug: "security", name: "Security", stories: ["Only"] },
  ]);
});

byTopic("topics are in alphabetical order whatever their case", () => {
  const archive = archiveOf(stories({ Only: { date: "2018-01-01", topics: "[ZTE, security, Huawei, BT, 5G]" } }));
  assert.equal(
    archive.topics.map((topic) => topic.name),
    ["5G", "BT", "Huawei", "security", "ZTE"],
  );
});

byTopic.run();
