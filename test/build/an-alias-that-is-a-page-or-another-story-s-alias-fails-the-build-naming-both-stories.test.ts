import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { ArchiveProblemsError, formatProblem } from "../../src/problems.ts";
import { temporaryFolder } from "../support/builtSite.ts";
import { runCli } from "../support/runCli.ts";
import { quoted, storyFile, storySource } from "../support/storyFile.ts";

/** Two stories whose old addresses collide: with each other, with a story, with an index page and a feed. */
const articles = path.join(temporaryFolder(), "articles");
await mkdir(path.join(articles, "2021/03"), { recursive: true });
const MAST = "2021/03/mast-approved.md";
const COVERAGE = "2021/03/coverage-map-published.md";
await writeFile(
  path.join(articles, MAST),
  storyFile(
    {
      title: quoted("Planners Approve the Hilltop Mast"),
      date: "2021-03-02",
      slug: "mast-approved",
      // Line 5:
      aliases: "\n  - /blog/hilltop/\n  - /topics/\n  - /feed.xml\n  - /2021/03/09/coverage-map-published/",
    },
    "The planning committee approved the 30-metre mast on Tuesday.\n",
  ),
);
await writeFile(
  path.join(articles, COVERAGE),
  storyFile(
    {
      title: quoted("Coverage Map Published"),
      date: "2021-03-09",
      slug: "coverage-map-published",
      // Line 5, the same address in other letter case:
      aliases: "[/Blog/Hilltop]",
    },
    "The operator published its coverage map for the valley.\n",
  ),
);

let failure: unknown;
try {
  await buildSite({ input: articles, output: path.join(temporaryFolder(), "site") });
} catch (error) {
  failure = error;
}
const lines = failure instanceof ArchiveProblemsError ? failure.problems.map(formatProblem) : [];

test("the build fails with one story-file problem for each collision", () => {
  assert.instance(failure, ArchiveProblemsError, String(failure));
  assert.is(lines.length, 5, lines.join("\n"));
});

test("an alias shared by two stories (in any letter case) names both, each on its aliases: line", () => {
  const mast = lines.find((line) => line.includes("/blog/hilltop/ is also an alias of"));
  const coverage = lines.find((line) => line.includes("/Blog/Hilltop/ is also an alias of"));
  assert.ok(mast && coverage, lines.join("\n"));
  assert.match(mast!, /mast-approved\.md:5: /);
  assert.match(mast!, "coverage-map-published.md");
  assert.match(coverage!, /coverage-map-published\.md:5: /);
  assert.match(coverage!, "mast-approved.md");
});

test("an alias that is another story's address names that story", () => {
  const line = lines.find((each) => each.includes("/2021/03/09/coverage-map-published/ is the address of another story"));
  assert.ok(line, lines.join("\n"));
  assert.match(line!, /mast-approved\.md:5: /);
  assert.match(line!, "coverage-map-published.md");
});

test("an alias that is an index page or a feed of the archive is a problem", () => {
  for (const alias of ["/topics/", "/feed.xml"])
    assert.ok(
      lines.some((line) => line.includes(`mast-approved.md:5: aliases: ${alias} is a page of the archive itself`)),
      `${alias}:\n${lines.join("\n")}`,
    );
});

test("npm run check reports the same problems, without building", async () => {
  const run = await runCli("check", ["--input", articles], process.cwd());
  assert.is(run.code, 1, run.stdout);
  for (const line of lines) assert.ok(run.stderr.includes(line), `${line}\n${run.stderr}`);
});

test("an alias that is not a path of the site is a problem on its line, saying why", () => {
  const cases: [string, RegExp][] = [
    ["https://old.example.com/story/", /is a full address/],
    ["story/", /does not start with \//],
    ["/a/../b/", /"\." or "\.\." part/],
    ["//old.example.com/story/", /holds "\/\/"/],
    ["/story/?utm_source=feed&p=3", /a query other than one \?name=value/],
    ["/story/#comments", /#fragment/],
    ['"/story/\\tone/"', /control character/],
  ];
  for (const [alias, why] of cases) {
    const { problems } = buildArchive(
      [storySource("2021/03/a.md", storyFile({ title: quoted("A Story"), date: "2021-03-02", aliases: `[${alias}]` }))],
      { timeZone: "UTC", includeDrafts: false },
    );
    assert.is(problems.length, 1, alias);
    assert.is(problems[0].line, 4, alias);
    assert.match(problems[0].message, why, alias);
  }
});

test.run();
