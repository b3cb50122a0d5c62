import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { launchBrowser, type Browser } from "../support/browser.ts";
import { createFixtureArchive, type FixtureArchive } from "../support/fixtureArchive.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";
import { quoted, storyFile } from "../support/storyFile.ts";

/**
 * Issues 23 and 24: a harbour town's paper over eight years, built with search shards of at most
 * four stories. 2024, the newest year, holds eleven, so it is split into runs of months, its
 * newest month alone (2024-11, two stories, pagefind/), then 2024-10, 2024-06–2024-09 and
 * 2024-01–2024-05; the older years are grouped into 2021–2022 and 2017–2019 (four stories each,
 * pagefind/shards/<name>/). Every story mentions the ferry.
 */
const STORIES: { title: string; date: string; author: string; topics: string[]; body: string }[] = [
  {
    title: "Night Ferry Returns to the Harbour Timetable",
    date: "2024-11-28",
    author: "Mara Quint",
    topics: ["Ferries"],
    body: "The late ferry to the island sails again from Monday, leaving the harbour at ten past eleven.",
  },
  {
    title: "Ferry Fares Rise by Five Percent in January",
    date: "2024-11-02",
    author: "Tomas Erikson",
    topics: ["Ferries", "Council"],
    body: "The council said higher fuel costs left it no choice but to raise the ferry fares.",
  },
  {
    title: "Storm Keeps the Morning Ferry in Port",
    date: "2024-10-15",
    author: "Leila Haddad",
    topics: ["Ferries", "Weather"],
    body: "Waves over the breakwater kept the first ferry of the day tied up until the afternoon.",
  },
  {
    title: "Council Approves New Ferry Pontoon",
    date: "2024-09-20",
    author: "Tomas Erikson",
    topics: ["Council", "Ferries"],
    body: "Councillors voted for a floating pontoon so that the ferry can berth at any tide.",
  },
  {
    title: "Ferry Crew Rescue Kayaker off the Point",
    date: "2024-08-11",
    author: "Mara Quint",
    topics: ["Ferries"],
    body: "The crew of the afternoon ferry pulled a kayaker from the water after his boat overturned.",
  },
  {
    title: "Summer Ferry Carries Record Number of Cyclists",
    date: "2024-07-30",
    author: "Mara Quint",
    topics: ["Ferries"],
    body: "More bicycles crossed on the ferry this July than in any month since the route opened.",
  },
  {
    title: "Ferry Terminal Café Reopens After Refit",
    date: "2024-06-14",
    author: "Tomas Erikson",
    topics: ["Ferries"],
    body: "Passengers waiting for the ferry can buy coffee again in the terminal's rebuilt café.",
  },
  {
    title: "Ferry Timetable Changes for the School Holidays",
    date: "2024-05-03",
    author: "Mara Quint",
    topics: ["Ferries"],
    body: "Two extra ferry crossings run on weekday mornings while the schools are closed.",
  },
  {
    title: "Fog Delays Ferry Crossings for a Second Day",
    date: "2024-03-19",
    author: "Leila Haddad",
    topics: ["Weather", "Ferries"],
    body: "Thick fog in the channel held every ferry in port until the middle of the day.",
  },
  {
    title: "Ferry Operator Names Its New Vessel",
    date: "2024-02-08",
    author: "Tomas Erikson",
    topics: ["Ferries"],
    body: "The new ferry will be called Island Star after a vote among the town's schoolchildren.",
  },
  {
    title: "Harbour Master Retires After Thirty Years of Ferry Traffic",
    date: "2024-01-12",
    author: "Mara Quint",
    topics: ["Harbour"],
    body: "She saw the ferry route grow from one boat to three during her years on the quay.",
  },
  {
    title: "Ferry Service Cut to Three Crossings a Day",
    date: "2022-10-04",
    author: "Tomas Erikson",
    topics: ["Ferries", "Council"],
    body: "The council cut the ferry service for the winter to save money on crew and fuel.",
  },
  {
    title: "Flood Warning Issued for the Lower Quay",
    date: "2022-02-21",
    author: "Leila Haddad",
    topics: ["Weather"],
    body: "The ferry car park on the lower quay was closed as the spring tide met a southerly gale.",
  },
  {
    title: "Ferry Workers Vote to Accept Pay Offer",
    date: "2021-09-09",
    author: "Mara Quint",
    topics: ["Ferries"],
    body: "Deckhands and engineers on the ferry accepted a rise of four percent over two years.",
  },
  {
    title: "Quay Wall Repairs Begin Before the Winter Storms",
    date: "2021-04-16",
    author: "Leila Haddad",
    topics: ["Council", "Weather"],
    body: "Ferry passengers will walk around the works on the quay wall until November.",
  },
  {
    title: "Second Ferry Joins the Island Route",
    date: "2019-06-01",
    author: "Leila Haddad",
    topics: ["Ferries"],
    body: "A second ferry now sails the island route, halving the wait between crossings.",
  },
  {
    title: "Gales Cancel Every Ferry Crossing on Friday",
    date: "2019-01-25",
    author: "Tomas Erikson",
    topics: ["Weather", "Ferries"],
    body: "Winds of sixty miles an hour stopped the ferry for the whole of Friday.",
  },
  {
    title: "Council Buys Land for a Ferry Car Park",
    date: "2018-05-17",
    author: "Mara Quint",
    topics: ["Council"],
    body: "The field behind the harbour will become a car park for ferry passengers.",
  },
  {
    title: "Ferry Route to the Island Opens",
    date: "2017-03-30",
    author: "Leila Haddad",
    topics: ["Ferries"],
    body: "The first ferry to the island left the harbour on Thursday with forty passengers aboard.",
  },
];

interface Context {
  archive: FixtureArchive;
  output: string;
  server: StaticServer;
  browser: Browser;
  problems: string[];
}

const test = suite<Context>("search over an archive of six shards");

const NEWEST_YEAR_SHARDS = ["2024-10", "2024-06-2024-09", "2024-01-2024-05"];
const shardsOf = (fetched: string[]) => [
  ...new Set(fetched.filter((file) => file.includes("/pagefind/shards/")).map((file) => file.split("/")[3])),
];

test.before(async (context) => {
  const files: Record<string, string> = {};
  for (const story of STORIES)
    files[`${story.date.slice(0, 4)}/${story.date.slice(5, 7)}/${story.date}.md`] = storyFile(
      { title: quoted(story.title), date: story.date, byline: `\n  - name: ${story.author}`, topics: `[${story.topics.join(", ")}]` },
      `\n${story.body}\n`,
    );
  context.archive = await createFixtureArchive(files);
  context.output = mkdtempSync(path.join(tmpdir(), "news-archive-shards-"));
  await buildSite({
    input: context.archive.articles,
    output: context.output,
    cacheDir: path.join(context.archive.root, ".cache"),
    searchShardStories: 4,
  });
  context.server = await serveSite(context.output);
  context.browser = await launchBrowser();
  context.problems = [];
});

test.after(async (context) => {
  await context.browser?.close();
  await context.server?.close();
  await context.archive?.remove();
  rmSync(context.output, { recursive: true, force: true });
});

interface OpenSearch {
  page: Page;
  /** Every address the page fetched, in the order asked for. */
  fetched: string[];
  /** The bytes of every response so far. */
  bytes(): Promise<number>;
}

/** The page at `query` once its search ran (every file the search needed is fetched by then). */
async function openSearch(context: Context, query: string): Promise<OpenSearch> {
  const page = await context.browser.context.newPage();
  const fetched: string[] = [];
  const bodies: Promise<number>[] = [];
  page.on("pageerror", (error) => context.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") context.problems.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  page.on("response", (response) => {
    if (response.status() >= 400) context.problems.push(`HTTP ${response.status()}: ${response.url()}`);
    bodies.push(
      response.body().then(
        (body) => body.length,
        () => 0,
      ),
    );
  });
  await page.goto(`${context.server.url}search/${query}`);
  await page.waitForSelector("html[data-search-ready]", { timeout: 15000 });
  return { page, fetched, bytes: async () => (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0) };
}

const titles = (page: Page) => page.locator("#search-results > li > a").allTextContents();
const dates = (page: Page) =>
  page.locator("#search-results > li time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
const titlesOfYears = (from: number, to: number) =>
  STORIES.filter((story) => Number(story.date.slice(0, 4)) >= from && Number(story.date.slice(0, 4)) <= to).map((story) => story.title);

async function showMore(page: Page, expectedCount: number): Promise<void> {
  await page.click("#search-results .more button");
  await page
    .locator("#search-results > li > a")
    .nth(expectedCount - 1)
    .waitFor();
}

test("a first search finds ten stories of the newest year and downloads no shard of an older year", async (context) => {
  const { page, fetched, bytes } = await openSearch(context, "?q=ferry");
  assert.is(
    await page.locator("#search-form").getAttribute("data-shards"),
    "2024-11:2 2024-10:1 2024-06-2024-09:4 2024-01-2024-05:4 2021-2022:4 2017-2019:4",
  );
  const first = await titles(page);
  assert.is(first.length, 10);
  for (const title of first) assert.ok(titlesOfYears(2024, 2024).includes(title), `${title} is not a 2024 story`);
  assert.equal(shardsOf(fetched), NEWEST_YEAR_SHARDS, "a first search fetched the shards of the newest year, in turn, and no other");
  assert.is(fetched.filter((file) => file.endsWith(".pf_meta")).length, 4);
  assert.match(
    (await page.locator("#search-status").textContent()) ?? "",
    /^11 stories match in 2024; the 8 stories of 2017–2022 are searched when you show more\.$/,
  );
  const firstSearchBytes = await bytes();

  // "Show more" gives the eleventh 2024 story, then the stories of both older shards.
  await showMore(page, 19);
  assert.equal((await titles(page)).sort(), STORIES.map((story) => story.title).sort());
  assert.is(await page.locator("#search-status").textContent(), "19 stories match.");
  assert.is(await page.locator("#search-results .more").count(), 0);
  const metas = fetched.filter((file) => file.endsWith(".pf_meta")).map((file) => file.replace(/[^/]+$/, ""));
  assert.equal(
    metas.sort(),
    ["/pagefind/", ...["2017-2019", "2021-2022", ...NEWEST_YEAR_SHARDS].map((name) => `/pagefind/shards/${name}/`)].sort(),
  );
  assert.ok((await bytes()) > firstSearchBytes);
  await page.close();
});

test("sorted by date, the results run newest first, or oldest first, across every shard", async (context) => {
  const newest = await openSearch(context, "?q=ferry&sort=date:desc");
  await showMore(newest.page, 19);
  const descending = STORIES.map((story) => story.date)
    .sort()
    .reverse();
  assert.equal(await dates(newest.page), descending);
  await newest.page.close();

  const oldest = await openSearch(context, "?q=ferry&sort=date:asc");
  assert.is((await titles(oldest.page))[0], "Ferry Route to the Island Opens");
  // Its first ten came from the older years and the first months of 2024, so the status names months.
  assert.is(
    await oldest.page.locator("#search-status").textContent(),
    "12 stories match in 2017–2024-05; the 7 stories of 2024-06–2024-11 are searched when you show more.",
  );
  await showMore(oldest.page, 19);
  assert.equal(await dates(oldest.page), [...descending].reverse());
  await oldest.page.close();
});

test("an author filter finds that author's stories in every shard, and lists each author's count over the whole archive", async (context) => {
  const { page } = await openSearch(context, "?author=" + encodeURIComponent("Leila Haddad"));
  const haddad = STORIES.filter((story) => story.author === "Leila Haddad").map((story) => story.title);
  assert.equal((await titles(page)).sort(), haddad.sort());
  assert.is(await page.locator("#search-status").textContent(), "6 stories match.");
  assert.equal(await page.locator("#search-filter-author option").allTextContents(), [
    "Any author",
    "Leila Haddad (6)",
    "Mara Quint (7)",
    "Tomas Erikson (6)",
  ]);
  await page.close();
});

test("a filter alone tells how many stories of the whole archive match before the older shards are searched", async (context) => {
  const { page, fetched } = await openSearch(context, "?topic=Ferries");
  const ferries = STORIES.filter((story) => story.topics.includes("Ferries")).map((story) => story.title);
  assert.is(
    await page.locator("#search-status").textContent(),
    "15 stories match (10 found so far, in 2024; 2017–2022 are searched when you show more).",
  );
  assert.equal(shardsOf(fetched), NEWEST_YEAR_SHARDS);
  await showMore(page, 15);
  assert.equal((await titles(page)).sort(), ferries.sort());
  assert.is(await page.locator("#search-status").textContent(), "15 stories match.");
  await page.close();
});

test("a topic filter finds the topic's stories in every shard", async (context) => {
  const { page } = await openSearch(context, "?topic=Weather");
  const weather = STORIES.filter((story) => story.topics.includes("Weather")).map((story) => story.title);
  assert.equal((await titles(page)).sort(), weather.sort());
  await page.close();
});

test("a year filter downloads only the shard holding that year, and the year list covers every shard", async (context) => {
  const { page, fetched } = await openSearch(context, "?q=ferry&year=2018");
  assert.equal(await titles(page), ["Council Buys Land for a Ferry Car Park"]);
  assert.equal(shardsOf(fetched), ["2017-2019"]);
  assert.equal(await page.locator("#search-filter-year option").allTextContents(), [
    "Any year",
    "2024 (11)",
    "2022 (2)",
    "2021 (2)",
    "2019 (2)",
    "2018 (1)",
    "2017 (1)",
  ]);
  await page.close();
});

test("a year filter on a year split into months searches that year's shards alone, oldest first if asked", async (context) => {
  const { page, fetched } = await openSearch(context, "?q=ferry&year=2024&sort=date:asc");
  const of2024 = STORIES.filter((story) => story.date.startsWith("2024")).map((story) => story.date);
  assert.equal(await dates(page), [...of2024].sort().slice(0, 10));
  assert.equal(shardsOf(fetched), [...NEWEST_YEAR_SHARDS].reverse());
  await showMore(page, 11);
  assert.equal(await dates(page), [...of2024].sort());
  assert.is(await page.locator("#search-status").textContent(), "11 stories match.");
  assert.is(await page.locator("#search-results .more").count(), 0);
  await page.close();
});

test("no console error or warning and no failed request while searching", (context) => {
  assert.equal(context.problems, []);
});

test.run();
