import { statSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { temporaryFolder } from "../support/builtSite.ts";
import type { FixtureArchive } from "../support/fixtureArchive.ts";
import { archiveWithImages, buildWithImages } from "../support/storyWithImages.ts";

/**
 * Issue 20: a feed reader shows a story's lead image, as the feed entry's Atom enclosure
 * (`link rel="enclosure"` with its type and length), at an absolute address under the base URL
 * and the path prefix; the feeds stay well-formed XML.
 */
interface Context {
  archive: FixtureArchive;
  output: string;
}

const feeds = suite<Context>("a story's lead image is the enclosure of its feed entries");

feeds.before(async (context) => {
  context.archive = await archiveWithImages();
  context.output = path.join(temporaryFolder(), "site");
  await buildWithImages({ input: context.archive.articles, output: context.output, pathPrefix: "/news/", cacheDir: temporaryFolder() });
});
feeds.after(async (context) => context.archive?.remove());

const feedText = ({ output }: Context, sitePath: string) => readFileSync(path.join(output, sitePath), "utf8");

feeds("the site's feed and the topic's are well-formed XML", (context) => {
  for (const sitePath of ["feed.xml", "topics/ferries/feed.xml"])
    assert.is(XMLValidator.validate(feedText(context, sitePath)), true, sitePath);
});

feeds("each entry carries its lead image: the photo's 16:9 crop, and the small photo at its own size", (context) => {
  const feed = parseFeed(feedText(context, "feed.xml"));
  const media = Object.fromEntries(feed.items.map((item) => [item.title, item.media]));
  const [crop] = media["The New Ferry Terminal Opens"];
  const [small] = media["Winter Timetable for the Island Ferry"];
  assert.match(crop.url, /^https:\/\/archive\.example\.com\/news\/images\/[0-9a-f]+-16x9-1200\.jpeg$/);
  assert.match(small.url, /^https:\/\/archive\.example\.com\/news\/images\/[0-9a-f]+-800\.jpeg$/);
  for (const enclosure of [crop, small]) {
    assert.is(enclosure.mimeType, "image/jpeg");
    // The length is the published file's size in bytes.
    const file = path.join(context.output, new URL(enclosure.url).pathname.replace(/^\/news\//, ""));
    assert.is(enclosure.length, statSync(file).size);
  }
  assert.equal(media["The New Ferry Terminal Opens"].length, 1);
});

feeds("the topic's feed carries the same enclosures", (context) => {
  const site = parseFeed(feedText(context, "feed.xml"));
  const topic = parseFeed(feedText(context, "topics/ferries/feed.xml"));
  assert.equal(
    topic.items.map((item) => item.media),
    site.items.map((item) => item.media),
  );
});

feeds.run();
