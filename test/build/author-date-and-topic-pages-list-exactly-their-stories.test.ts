import { suite } from "uvu";
import * as assert from "uvu/assert";
import { realArchive } from "../support/builtSite.ts";
import { countedEntries, listedTitles, storyLinks } from "../support/pageListings.ts";

/** The real archive's stories, by the title a list shows. */
const SEED = "Huawei Faces Further Heat From US Administration – Report";
const MCRAE = "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'";
const BASESTATIONS = "Huawei Has Shipped 10K 5G Basestations Outside China";
const INDIA = "India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports";
const SKT = "No 5G Deal: Huawei Misses Out at SKT";
const AUSTRALIA = "Australia Excludes Huawei, ZTE From 5G Rollouts";
const AGENCIES = "US Government Agencies Barred From Buying Huawei, ZTE Tech";
const TARIFFS = "Trump Admin Reboots $50B China Tech Tariffs";
const PENTAGON = "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases";
const TRADE_STORM = "Huawei, ZTE in the Eye of a Trade Storm";
const ATT = "AT&T Warned to Cut Ties With Huawei – Report";
const VERDICT = "US vs Huawei/ZTE: The Verdict";

async function listed(url: string): Promise<string[]> {
  return listedTitles((await realArchive()).page(url));
}

async function counted(url: string): Promise<[string, string, number][]> {
  return countedEntries((await realArchive()).page(url)).map((entry) => [entry.name, entry.url, entry.count]);
}

// ---------------------------------------------------------------------------------------------

const authors = suite("author pages list exactly each author's stories, newest first");

authors("/authors/ lists every author with their number of stories", async () => {
  assert.equal(await counted("/authors/"), [
    ["Dan Jones", "/authors/dan-jones/", 2],
    ["Iain Morris", "/authors/iain-morris/", 2],
    ["Ray Le Maistre", "/authors/ray-le-maistre/", 2],
    ["Robert Clark", "/authors/robert-clark/", 1],
  ]);
});

authors("/authors/dan-jones/", async () => {
  assert.equal(await listed("/authors/dan-jones/"), [TARIFFS, PENTAGON]);
});

authors("/authors/iain-morris/", async () => {
  assert.equal(await listed("/authors/iain-morris/"), [SKT, ATT]);
});

authors("/authors/ray-le-maistre/, across two years", async () => {
  assert.equal(await listed("/authors/ray-le-maistre/"), [SEED, VERDICT]);
  assert.equal(await listed("/authors/ray-le-maistre/2018/"), [SEED]);
  assert.equal(await listed("/authors/ray-le-maistre/2012/"), [VERDICT]);
});

authors("/authors/robert-clark/", async () => {
  assert.equal(await listed("/authors/robert-clark/"), [TRADE_STORM]);
});

authors("an author's page links to each of their years with its count", async () => {
  assert.equal(await counted("/authors/ray-le-maistre/"), [
    ["2018", "/authors/ray-le-maistre/2018/", 1],
    ["2012", "/authors/ray-le-maistre/2012/", 1],
  ]);
});

authors.run();

// ---------------------------------------------------------------------------------------------

const topics = suite("topic pages list exactly the stories on each topic, newest first");

topics("/topics/ lists every topic once with its number of stories", async () => {
  const entries = await counted("/topics/");
  assert.equal(Object.fromEntries(entries.map(([name, , count]) => [name, count])), {
    "5G": 7,
    "AT&T": 1,
    Australia: 1,
    "base stations": 1,
    BT: 2,
    China: 2,
    Dahua: 1,
    devices: 1,
    Ericsson: 1,
    Germany: 1,
    Hikvision: 1,
    Huawei: 11,
    Hytera: 1,
    India: 1,
    Italy: 1,
    Japan: 1,
    NDAA: 1,
    "Neil McRae": 1,
    Nokia: 1,
    Pentagon: 1,
    Samsung: 1,
    sanctions: 1,
    security: 6,
    "SK Telecom": 1,
    "South Korea": 1,
    tariffs: 1,
    trade: 2,
    "US government": 7,
    ZTE: 8,
  });
  assert.is(entries.length, 29, "each topic is listed once");
});

topics("/topics/ lists topics in alphabetical order, whatever their case", async () => {
  const names = (await counted("/topics/")).map(([name]) => name);
  assert.equal(names.slice(0, 6), ["5G", "AT&T", "Australia", "base stations", "BT", "China"]);
  assert.equal(names.slice(-4), ["tariffs", "trade", "US government", "ZTE"]);
});

topics("/topics/huawei/", async () => {
  assert.equal(await listed("/topics/huawei/"), [
    SEED,
    MCRAE,
    BASESTATIONS,
    INDIA,
    SKT,
    AUSTRALIA,
    AGENCIES,
    PENTAGON,
    TRADE_STORM,
    ATT,
    VERDICT,
  ]);
});

topics("/topics/huawei/ by year", async () => {
  assert.equal(await listed("/topics/huawei/2018/"), [
    SEED,
    MCRAE,
    BASESTATIONS,
    INDIA,
    SKT,
    AUSTRALIA,
    AGENCIES,
    PENTAGON,
    TRADE_STORM,
    ATT,
  ]);
  assert.equal(await listed("/topics/huawei/2012/"), [VERDICT]);
});

topics("/topics/5g/", async () => {
  assert.equal(await listed("/topics/5g/"), [SEED, MCRAE, BASESTATIONS, INDIA, SKT, AUSTRALIA, ATT]);
});

topics("/topics/zte/", async () => {
  assert.equal(await listed("/topics/zte/"), [SEED, INDIA, AUSTRALIA, AGENCIES, TARIFFS, PENTAGON, TRADE_STORM, VERDICT]);
});

topics("/topics/us-government/", async () => {
  assert.equal(await listed("/topics/us-government/"), [SEED, AGENCIES, TARIFFS, PENTAGON, TRADE_STORM, ATT, VERDICT]);
});

topics("/topics/security/", async () => {
  assert.equal(await listed("/topics/security/"), [SEED, INDIA, AUSTRALIA, AGENCIES, PENTAGON, VERDICT]);
});

topics("/topics/neil-mcrae/ and /topics/at-and-t/", async () => {
  assert.equal(await listed("/topics/neil-mcrae/"), [MCRAE]);
  assert.equal(await listed("/topics/at-and-t/"), [ATT]);
});

topics.run();

// ---------------------------------------------------------------------------------------------

const dates = suite("date pages list exactly the stories of each year, month and day");

dates("/archive/ lists every year with its number of stories", async () => {
  assert.equal(await counted("/archive/"), [
    ["2018", "/2018/", 11],
    ["2012", "/2012/", 1],
  ]);
});

dates("/2018/ lists its months with their counts", async () => {
  assert.equal(await counted("/2018/"), [
    ["November 2018", "/2018/11/", 3],
    ["September 2018", "/2018/09/", 2],
    ["August 2018", "/2018/08/", 2],
    ["May 2018", "/2018/05/", 2],
    ["April 2018", "/2018/04/", 1],
    ["January 2018", "/2018/01/", 1],
  ]);
});

dates("/2012/ lists October 2012", async () => {
  assert.equal(await counted("/2012/"), [["October 2012", "/2012/10/", 1]]);
});

dates("/2018/09/ lists the month's stories and links to their day", async () => {
  const page = (await realArchive()).page("/2018/09/");
  assert.equal(listedTitles(page), [INDIA, SKT]);
  assert.match(page, /<a href="\/2018\/09\/17\/">17 September 2018<\/a>/);
});

dates("/2018/11/ lists the month's stories, newest first", async () => {
  assert.equal(await listed("/2018/11/"), [SEED, MCRAE, BASESTATIONS]);
});

dates("/2018/09/17/ lists the two stories of that day", async () => {
  assert.equal(await listed("/2018/09/17/"), [INDIA, SKT]);
});

dates("each story is listed on its own day's page and no other", async () => {
  const site = await realArchive();
  const days: [string, string[]][] = [
    ["/2018/11/23/", [SEED]],
    ["/2018/11/21/", [MCRAE]],
    ["/2018/11/20/", [BASESTATIONS]],
    ["/2018/08/23/", [AUSTRALIA]],
    ["/2018/08/15/", [AGENCIES]],
    ["/2018/05/29/", [TARIFFS]],
    ["/2018/05/02/", [PENTAGON]],
    ["/2018/04/26/", [TRADE_STORM]],
    ["/2018/01/17/", [ATT]],
    ["/2012/10/08/", [VERDICT]],
  ];
  for (const [url, titles] of days) assert.equal(listedTitles(site.page(url)), titles, url);
  assert.not.ok(site.has("/2018/11/22/"), "no page for a day without stories");
});

dates.run();

// ---------------------------------------------------------------------------------------------

const home = suite("the home page");

home("lists the latest stories, newest first", async () => {
  assert.equal(await listed("/"), [
    SEED,
    MCRAE,
    BASESTATIONS,
    INDIA,
    SKT,
    AUSTRALIA,
    AGENCIES,
    TARIFFS,
    PENTAGON,
    TRADE_STORM,
    ATT,
    VERDICT,
  ]);
});

home("links each listed story to its page", async () => {
  const site = await realArchive();
  for (const link of storyLinks(site.page("/")))
    assert.ok(site.has(link.href), `${link.text} links to ${link.href}, where there is no page`);
});

home.run();
