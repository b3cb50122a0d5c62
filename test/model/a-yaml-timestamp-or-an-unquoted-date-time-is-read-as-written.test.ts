import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseStoryFile } from "../../src/article/parse.ts";
import { humanDate, machineDate } from "../../src/dates.ts";
import { formatProblem } from "../../src/problems.ts";
import { urls } from "../../src/urls.ts";

/**
 * Issue 22: a date in front matter is read exactly as written. `yaml` makes a `!!timestamp` a
 * Date in UTC; the archive reads the text instead, so a time without an offset is the site's
 * local time, as it is when not tagged, and a bare day stays that day.
 */

const ZONE = "America/New_York";

function dateOf(dateLine: string, extraLines = "") {
  const text = `---\ntitle: "Council Approves Fibre Plan"\n${dateLine}\n${extraLines}---\nThe vote was close.\n`;
  const result = parseStoryFile(new TextEncoder().encode(text), "articles/2018/11/council.md", ZONE);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.story.frontMatter;
}

const test = suite("a YAML timestamp or an unquoted date-time is read as written");

test("an unquoted date-time without an offset is the site's local time", () => {
  const { date } = dateOf("date: 2018-11-23T23:30:00");
  assert.is(machineDate(date), "2018-11-23T23:30:00-05:00");
  assert.is(humanDate(date, "en"), "23 November 2018, 23:30");
});

test("the same, in front matter the parser reads (a comment on the line), is read the same", () => {
  assert.is(machineDate(dateOf("date: 2018-11-23T23:30:00 # as filed").date), "2018-11-23T23:30:00-05:00");
});

test("a !!timestamp with YAML's offset of whole hours (-5) keeps its moment and written time", () => {
  const { date } = dateOf("date: !!timestamp 2018-11-23 23:30:00 -5");
  assert.is(machineDate(date), "2018-11-23T23:30:00-05:00");
  assert.is(humanDate(date, "en"), "23 November 2018, 23:30");
});

test("a !!timestamp without an offset is the site's local time, not UTC", () => {
  const { date } = dateOf("date: !!timestamp 2018-11-23 23:30:00");
  assert.is(machineDate(date), "2018-11-23T23:30:00-05:00");
  assert.is(urls.story(date, "council"), "/2018/11/23/council/");
});

test("a !!timestamp of a day is that local day, without a time", () => {
  const { date, updated } = dateOf("date: !!timestamp 2018-11-23", "updated: !!timestamp 2018-12-02\ncorrection: A name was misspelt.\n");
  assert.is(machineDate(date), "2018-11-23");
  assert.is(humanDate(date, "en"), "23 November 2018");
  assert.is(urls.story(date, "council"), "/2018/11/23/council/");
  assert.is(machineDate(updated!), "2018-12-02");
});

test("a !!timestamp in UTC is that moment, shown in the site's zone", () => {
  assert.is(machineDate(dateOf("date: !!timestamp 2018-11-24T04:30:00Z").date), "2018-11-23T23:30:00-05:00");
});

test.run();
