import { suite } from "uvu";
import * as assert from "uvu/assert";
import { site as settings } from "../../src/site.ts";
import { buildOnce, fixturePath } from "../support/builtSite.ts";
import { elements, mainOf, texts, textAround } from "../support/html.ts";
import { listedTitles } from "../support/pageListings.ts";

/** The fixture's dates are written for a newsroom in New York, the site's zone unless SITE_TIME_ZONE says otherwise. */
async function built() {
  assert.is(settings.timeZone, "America/New_York", "these stories are dated for a site in New York: unset SITE_TIME_ZONE to run them");
  return buildOnce(fixturePath("a-story-at-23-30-local-time-lands-on-that-local-day"));
}

const localDay = suite("a story at 23:30 local time lands on that local day");

localDay("the story is published under 23 November, its day in New York", async () => {
  const site = await built();
  assert.ok(site.has("/2018/11/23/late-in-new-york/"), "no page at /2018/11/23/late-in-new-york/");
  assert.not.ok(site.has("/2018/11/24/late-in-new-york/"), "the story was filed under its day in UTC");
});

localDay("the same moment written in UTC lands on 23 November too", async () => {
  const site = await built();
  assert.ok(site.has("/2018/11/23/the-same-moment-written-in-utc/"), "no page at /2018/11/23/the-same-moment-written-in-utc/");
});

localDay("its page shows the local day and time, with the moment in <time datetime>", async () => {
  const article = elements(mainOf((await built()).page("/2018/11/23/late-in-new-york/")), "article")[0] ?? "";
  assert.is(textAround(article, /<time datetime="2018-11-23T23:30:00-05:00"/), "23 November 2018, 23:30");
  const utc = elements(mainOf((await built()).page("/2018/11/23/the-same-moment-written-in-utc/")), "article")[0] ?? "";
  assert.is(textAround(utc, /<time datetime="2018-11-23T23:30:00-05:00"/), "23 November 2018, 23:30");
});

localDay("a time written as a YAML !!timestamp without an offset is the local time written, not UTC (issue 22)", async () => {
  const article = elements(mainOf((await built()).page("/2018/11/23/filed-with-a-yaml-timestamp/")), "article")[0] ?? "";
  assert.is(textAround(article, /<time datetime="2018-11-23T22:15:00-05:00"/), "23 November 2018, 22:15");
});

localDay("a day written as a YAML !!timestamp is that local day, shown without a time (issue 22)", async () => {
  const site = await built();
  assert.not.ok(site.has("/2018/11/22/dated-by-day-with-a-yaml-timestamp/"), "the day was read as midnight in UTC");
  const article = elements(mainOf(site.page("/2018/11/23/dated-by-day-with-a-yaml-timestamp/")), "article")[0] ?? "";
  assert.is(textAround(article, /<time datetime="2018-11-23"/), "23 November 2018");
});

localDay("the day pages list the stories of each local day", async () => {
  const site = await built();
  assert.equal(listedTitles(site.page("/2018/11/23/")), [
    "Late in New York",
    "The Same Moment Written in UTC",
    "Filed With a YAML Timestamp",
    "Dated by Day With a YAML Timestamp",
  ]);
  assert.equal(listedTitles(site.page("/2018/11/24/")), ["Just After Midnight"]);
});

localDay("the day's page and the month's headings are the local days", async () => {
  const site = await built();
  assert.equal(texts(site.page("/2018/11/23/"), "h1"), ["Stories of 23 November 2018"]);
  assert.equal(texts(mainOf(site.page("/2018/11/")), "h2"), ["24 November 2018", "23 November 2018"]);
});

localDay.run();
