import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { formatProblem } from "../../src/problems.ts";
import { quoted, storyFile, storySource } from "../support/storyFile.ts";

const published = { timeZone: "America/New_York", includeDrafts: false };

// ---------------------------------------------------------------------------------------------

const sharedUrl = suite("buildArchive: two stories at one address");

sharedUrl("are reported in each file, naming the other", () => {
  const { problems } = buildArchive(
    [
      storySource("2018/11/first.md", storyFile({ title: quoted("Huawei Faces Further Heat"), date: "2018-11-23" })),
      storySource("2018/11/second.md", storyFile({ title: quoted("Huawei faces further heat!"), date: "2018-11-23T10:00:00-05:00" })),
      storySource("2018/11/other-day.md", storyFile({ title: quoted("Huawei Faces Further Heat"), date: "2018-11-22" })),
    ],
    published,
  );
  assert.equal(problems.map((problem) => `${problem.file}: ${problem.message}`).sort(), [
    "articles/2018/11/first.md: has the same address /2018/11/23/huawei-faces-further-heat/ as articles/2018/11/second.md",
    "articles/2018/11/second.md: has the same address /2018/11/23/huawei-faces-further-heat/ as articles/2018/11/first.md",
  ]);
  assert.ok(
    problems.every((problem) => /slug/.test(problem.hint ?? "")),
    "the hint says a slug: line tells them apart",
  );
});

sharedUrl("a slug: line gives a story its own address", () => {
  const { archive, problems } = buildArchive(
    [
      storySource("2018/11/first.md", storyFile({ title: quoted("Huawei Faces Further Heat"), date: "2018-11-23" })),
      storySource(
        "2018/11/second.md",
        storyFile({ title: quoted("Huawei Faces Further Heat"), date: "2018-11-23", slug: "huawei-faces-further-heat-update" }),
      ),
    ],
    published,
  );
  assert.equal(problems, []);
  assert.equal(archive.stories.map((story) => story.url).sort(), [
    "/2018/11/23/huawei-faces-further-heat-update/",
    "/2018/11/23/huawei-faces-further-heat/",
  ]);
});

sharedUrl.run();

// ---------------------------------------------------------------------------------------------

const drafts = suite("buildArchive: drafts");

const draftSources = () => [
  storySource(
    "2018/11/draft.md",
    storyFile(
      { title: "Unfinished", date: "2018-11-24", draft: "true", byline: "[New Writer]", topics: "[Secret project]" },
      "Not ready.\n",
    ),
  ),
  storySource("2018/11/seed.md", storyFile({ title: "Seed", date: "2018-11-23", byline: "[Ray Le Maistre]", topics: "[Huawei]" })),
];

drafts("are left out of a published archive, its authors, topics and days", () => {
  const { archive, problems } = buildArchive(draftSources(), published);
  assert.equal(problems, []);
  assert.equal(
    archive.stories.map((story) => story.title),
    ["Seed"],
  );
  assert.equal(
    archive.authors.map((author) => author.name),
    ["Ray Le Maistre"],
  );
  assert.equal(
    archive.topics.map((topic) => topic.name),
    ["Huawei"],
  );
  assert.equal(
    archive.years.flatMap((year) => year.months.flatMap((month) => month.days.map((day) => day.day))),
    [23],
  );
  assert.equal(archive.draftsLeftOut, ["2018/11/draft.md"]);
});

drafts("are shown when drafts are included, marked as drafts", () => {
  const { archive, problems } = buildArchive(draftSources(), { ...published, includeDrafts: true });
  assert.equal(problems, []);
  assert.equal(
    archive.stories.map((story) => [story.title, story.draft]),
    [
      ["Unfinished", true],
      ["Seed", false],
    ],
  );
  assert.equal(
    archive.topics.map((topic) => topic.name),
    ["Huawei", "Secret project"],
  );
});

drafts("a link to a draft from a published story is reported with its file and line", () => {
  const { problems } = buildArchive(
    [
      ...draftSources(),
      storySource("2018/11/linker.md", storyFile({ title: "Linker", date: "2018-11-25" }, "\nSee [the unfinished story](draft.md).\n")),
    ],
    published,
  );
  assert.equal(problems.map(formatProblem), [
    'articles/2018/11/linker.md:6: links to "draft.md", a draft that is not published (publish it (remove draft: true) or remove the link)',
  ]);
});

drafts.run();

// ---------------------------------------------------------------------------------------------

const together = suite("buildArchive: problems are collected, not thrown");

together("one run reports every bad file, and keeps the good ones", () => {
  const { archive, problems } = buildArchive(
    [
      storySource("2018/11/no-title.md", storyFile({ date: "2018-11-23" })),
      storySource("2018/11/bad-date.md", storyFile({ title: "Bad date", date: "2018-13-45" })),
      storySource("2018/11/broken-link.md", storyFile({ title: "Broken link", date: "2018-11-23" }, "See [gone](gone.md).\n")),
      storySource("2018/11/no-letters.md", storyFile({ title: quoted("!!!"), date: "2018-11-23" })),
      storySource("2018/11/good.md", storyFile({ title: "Good", date: "2018-11-23" })),
    ],
    published,
  );
  assert.equal(problems.map((problem) => `${problem.file}:${problem.line}`).sort(), [
    "articles/2018/11/bad-date.md:3",
    "articles/2018/11/broken-link.md:5",
    "articles/2018/11/no-letters.md:2",
    "articles/2018/11/no-title.md:1",
  ]);
  assert.equal(
    archive.stories.map((story) => story.title),
    ["Broken link", "Good"],
  );
});

together("a topic or byline without letters or digits is reported, since it could have no page", () => {
  const { problems } = buildArchive(
    [storySource("2018/11/story.md", storyFile({ title: "Story", date: "2018-11-23", byline: "[Dan Jones]", topics: '[Huawei, "—"]' }))],
    published,
  );
  assert.equal(problems.map(formatProblem), [
    'articles/2018/11/story.md:5: topics: "—" has no letters or digits to make its page\'s address (use a name with at least one letter or digit)',
  ]);
});

together.run();
