import { XMLParser, XMLValidator } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildOnce, fixturePath } from "../support/builtSite.ts";
import { site } from "../../src/site.ts";

/**
 * The archive's newest story is of 14 May 2024 (New York time, the site's zone); one is of 13 May, one of 2 April: the Google News
 * sitemap lists the first two, dated by the archive, not by the day the build runs.
 */
const FIXTURE = "a-story-with-figures-tables-footnotes-and-embeds";

interface NewsEntry {
  loc: string;
  "news:news": {
    "news:publication": { "news:name": string; "news:language": string };
    "news:publication_date": string;
    "news:title": string;
  };
}

const news = suite("the news sitemap lists the stories of the archive's newest two days");

news("it is well-formed, in Google's news namespace, and lists exactly those stories with their facts", async () => {
  const built = await buildOnce(fixturePath(FIXTURE));
  const xml = built.page("/sitemap-news.xml");
  assert.is(XMLValidator.validate(xml), true);
  assert.match(xml, /xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
  const parsed = new XMLParser({ isArray: (name) => name === "url" }).parse(xml) as { urlset: { url: NewsEntry[] } };
  const base = site.baseUrl.replace(/\/+$/, "");
  assert.equal(
    parsed.urlset.url.map((entry) => [entry.loc, entry["news:news"]["news:title"], entry["news:news"]["news:publication_date"]]),
    [
      [
        `${base}/2024/05/14/harbour-bridge-reopens-after-eight-months-of-repairs/`,
        "Harbour Bridge Reopens After Eight Months of Repairs",
        "2024-05-14T04:30:00-04:00",
      ],
      [
        `${base}/2024/05/13/ferries-keep-the-extra-sailings-for-one-more-day/`,
        "Ferries Keep the Extra Sailings for One More Day",
        "2024-05-13T00:00:00-04:00",
      ],
    ],
  );
  for (const entry of parsed.urlset.url) {
    assert.equal(entry["news:news"]["news:publication"], { "news:name": site.title, "news:language": site.language });
  }
});

news("robots.txt names it beside the sitemap", async () => {
  const built = await buildOnce(fixturePath(FIXTURE));
  assert.match(built.page("/robots.txt"), /^Sitemap: .*\/sitemap\.xml\nSitemap: .*\/sitemap-news\.xml$/m);
});

news.run();
