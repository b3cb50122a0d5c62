import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DateTime } from "luxon";
import { dayLabel, humanDate, humanDay, machineDate, monthName, parseStoryDate, type StoryDate } from "../../src/dates.ts";
import { urls } from "../../src/urls.ts";

function storyDate(text: string, timeZone: string): StoryDate {
  const result = parseStoryDate(text, timeZone);
  if (!result.ok) throw new Error(`expected "${text}" to be read as a date, got: ${result.reason}`);
  return result.date;
}

/** Where a story of that date, slugged "late-story", is published under the site zone. */
const landsOn = (text: string, timeZone: string) => urls.story(storyDate(text, timeZone), "late-story");

// ---------------------------------------------------------------------------------------------

const day = suite("a story's day is decided in the site's time zone");

day("a story at 23:30 New York time lands on that day in New York", () => {
  assert.is(landsOn("2018-11-23T23:30:00-05:00", "America/New_York"), "/2018/11/23/late-story/");
});

day("the same moment written in UTC also lands on 23 November in New York", () => {
  assert.is(landsOn("2018-11-24T04:30:00Z", "America/New_York"), "/2018/11/23/late-story/");
});

day("the same moment lands on 24 November for a site in London", () => {
  assert.is(landsOn("2018-11-24T04:30:00Z", "Europe/London"), "/2018/11/24/late-story/");
  assert.is(landsOn("2018-11-23T23:30:00-05:00", "Europe/London"), "/2018/11/24/late-story/");
});

day("a late story on New Year's Eve in New York is in the next year for a site in London", () => {
  assert.is(landsOn("2018-12-31T23:30:00-05:00", "America/New_York"), "/2018/12/31/late-story/");
  assert.is(landsOn("2018-12-31T23:30:00-05:00", "Europe/London"), "/2019/01/01/late-story/");
});

day("a summer story uses the summer offset of the zone", () => {
  assert.is(landsOn("2018-07-01T23:30:00-04:00", "America/New_York"), "/2018/07/01/late-story/");
  assert.is(landsOn("2018-07-02T03:30:00Z", "America/New_York"), "/2018/07/01/late-story/");
});

day("a bare day is that day wherever the site is", () => {
  assert.is(landsOn("2018-11-23", "America/New_York"), "/2018/11/23/late-story/");
  assert.is(landsOn("2018-11-23", "Europe/London"), "/2018/11/23/late-story/");
  assert.is(landsOn("2018-11-23", "Pacific/Kiritimati"), "/2018/11/23/late-story/");
  assert.is(landsOn("2018-11-23", "Pacific/Pago_Pago"), "/2018/11/23/late-story/");
});

day("a time without an offset is the site's local time", () => {
  assert.is(landsOn("2018-11-23T23:30:00", "America/New_York"), "/2018/11/23/late-story/");
  assert.is(landsOn("2018-11-23T23:30:00", "Asia/Tokyo"), "/2018/11/23/late-story/");
});

day.run();

// ---------------------------------------------------------------------------------------------

const machine = suite("machineDate: the value of <time datetime>");

machine("is the day alone for a bare day", () => {
  assert.is(machineDate(storyDate("2018-11-23", "America/New_York")), "2018-11-23");
});

machine("is the moment with the site zone's offset for a story with a time", () => {
  assert.is(machineDate(storyDate("2018-11-24T04:30:00Z", "America/New_York")), "2018-11-23T23:30:00-05:00");
  assert.is(machineDate(storyDate("2018-11-23T23:30:00-05:00", "Europe/London")), "2018-11-24T04:30:00+00:00");
});

machine.run();

// ---------------------------------------------------------------------------------------------

const labels = suite("dates as a reader reads them");

labels("humanDay prints the local day in words", () => {
  assert.is(humanDay(storyDate("2018-11-23", "America/New_York").local, "en"), "23 November 2018");
  assert.is(humanDay(storyDate("2018-05-02", "America/New_York").local, "en"), "2 May 2018");
});

labels("humanDate prints a bare day without a time", () => {
  assert.is(humanDate(storyDate("2018-11-23", "America/New_York"), "en"), "23 November 2018");
});

labels("humanDate prints a story's local time after its day", () => {
  assert.is(humanDate(storyDate("2018-11-24T04:30:00Z", "America/New_York"), "en"), "23 November 2018, 23:30");
  assert.is(humanDate(storyDate("2018-11-24T04:30:00Z", "Europe/London"), "en"), "24 November 2018, 04:30");
});

labels("a day is named as luxon names it in every language, whatever its calendar and digits", () => {
  // The label is put together from parts formatted once each; these calendars name a day whole.
  for (const language of ["en", "fr", "ja", "ar-EG", "ar-SA", "fa-IR", "th-TH", "he", "hi-u-nu-deva", "ja-JP-u-ca-japanese"]) {
    for (let date = DateTime.utc(1890, 1, 1); date.year < 2031; date = date.plus({ days: 37 })) {
      const expected = DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day },
        { zone: "utc", locale: language },
      ).toFormat("d MMMM yyyy");
      assert.is(dayLabel(date.year, date.month, date.day, language), expected, `${date.toISODate()} in ${language}`);
    }
  }
});

labels("monthName names a month and its year", () => {
  assert.is(monthName(2018, 9, "America/New_York", "en"), "September 2018");
  assert.is(monthName(2012, 10, "Europe/London", "en"), "October 2012");
});

labels.run();
