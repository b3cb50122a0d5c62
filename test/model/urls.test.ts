import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseStoryDate } from "../../src/dates.ts";
import { slugify } from "../../src/slug.ts";
import { absoluteUrl, urls } from "../../src/urls.ts";

const scheme = suite("urls: the archive's URL scheme");

scheme("a story is at /YYYY/MM/DD/slug/, with month and day in two digits", () => {
  const parsed = parseStoryDate("2018-05-02", "America/New_York");
  if (!parsed.ok) throw new Error(parsed.reason);
  assert.is(
    urls.story(parsed.date, slugify("Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases")),
    "/2018/05/02/pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases/",
  );
});

scheme("a year, a month and a day have their own pages", () => {
  assert.is(urls.year(2018), "/2018/");
  assert.is(urls.month(2018, 9), "/2018/09/");
  assert.is(urls.day(2018, 9, 7), "/2018/09/07/");
  assert.is(urls.archive, "/archive/");
});

scheme("an author's and a topic's pages are under /authors/ and /topics/, split by year", () => {
  assert.is(urls.authors, "/authors/");
  assert.is(urls.author(slugify("Ray Le Maistre")), "/authors/ray-le-maistre/");
  assert.is(urls.authorYear(slugify("Ray Le Maistre"), 2012), "/authors/ray-le-maistre/2012/");
  assert.is(urls.topics, "/topics/");
  assert.is(urls.topic(slugify("US government")), "/topics/us-government/");
  assert.is(urls.topicYear(slugify("Huawei"), 2018), "/topics/huawei/2018/");
});

scheme.run();

const absolute = suite("absoluteUrl");

absolute("joins the base URL and a site path for a site at the domain root", () => {
  assert.is(absoluteUrl("https://archive.example.com", "/", "/2018/"), "https://archive.example.com/2018/");
});

absolute("puts the path prefix between the base URL and the site path", () => {
  assert.is(absoluteUrl("https://archive.example.com", "/news/", "/2018/"), "https://archive.example.com/news/2018/");
});

absolute("gives one slash between the parts however they are written", () => {
  assert.is(absoluteUrl("https://archive.example.com/", "news", "2018/"), "https://archive.example.com/news/2018/");
});

absolute.run();
