import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildOnce, fixturePath } from "../support/builtSite.ts";

/**
 * Two stories of the fixture archive were corrected: the April one on 16 May, the newer May one
 * on 15 May; a third was never corrected. The corrections page and its feed list the two, the
 * latest correction first, and each corrected story's notice links to the page.
 */
const FIXTURE = "a-story-with-figures-tables-footnotes-and-embeds";
const APRIL = "/2024/04/02/ferry-timetable-changes-while-the-bridge-is-shut/";
const MAY = "/2024/05/14/harbour-bridge-reopens-after-eight-months-of-repairs/";
const UNCORRECTED = "/2024/05/13/ferries-keep-the-extra-sailings-for-one-more-day/";

const corrections = suite("the corrections page and feed list every corrected story, the latest correction first");

const documentOf = async (url: string) => parseHTML((await buildOnce(fixturePath(FIXTURE))).page(url)).document;

corrections("the page lists the corrected stories, latest correction first, and links its feed", async () => {
  const document = await documentOf("/corrections/");
  const listed = [...document.querySelectorAll("main a")]
    .map((link) => link.getAttribute("href"))
    .filter((href) => href?.startsWith("/2024/"));
  assert.equal(listed, [APRIL, MAY]);
  assert.is(document.querySelector('link[rel="alternate"]')?.getAttribute("href"), "/corrections/feed.xml");
});

corrections("each corrected story's notice links to the corrections page; others have no notice", async () => {
  for (const url of [APRIL, MAY]) {
    assert.is((await documentOf(url)).querySelector(".correction a")?.getAttribute("href"), "/corrections/", url);
  }
  assert.is((await documentOf(UNCORRECTED)).querySelector(".correction"), null);
});

corrections("the feed is well-formed Atom holding the same stories in the same order", async () => {
  const xml = (await buildOnce(fixturePath(FIXTURE))).page("/corrections/feed.xml");
  assert.is(XMLValidator.validate(xml), true);
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" || name === "link" }).parse(xml).feed as {
    entry: { title: string; updated: string; link: { "@_href": string }[] }[];
  };
  assert.equal(
    feed.entry.map((entry) => [new URL(entry.link[0]["@_href"]).pathname, entry.updated.slice(0, 10)]),
    [
      [APRIL, "2024-05-16"],
      [MAY, "2024-05-15"],
    ],
  );
});

corrections.run();
