import { parseFeed } from "@rowanmanning/feed-parser";
import { DOMParser } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { setUpOrFailEveryTest } from "./setUpOrFailEveryTest.ts";
import { site } from "../../src/site.ts";
import { buildVariant, parseDocument, type BuiltVariant } from "./builtVariant.ts";

type Feed = ReturnType<typeof parseFeed>;

const SEED = "Huawei Faces Further Heat From US Administration – Report";
const OLDEST = "US vs Huawei/ZTE: The Verdict";

/** The twelve stories of articles/. */
const EVERY_STORY = [
  "AT&T Warned to Cut Ties With Huawei – Report",
  "Australia Excludes Huawei, ZTE From 5G Rollouts",
  "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
  "Huawei Faces Further Heat From US Administration – Report",
  "Huawei Has Shipped 10K 5G Basestations Outside China",
  "Huawei, ZTE in the Eye of a Trade Storm",
  "India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports",
  "No 5G Deal: Huawei Misses Out at SKT",
  "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
  "Trump Admin Reboots $50B China Tech Tariffs",
  "US Government Agencies Barred From Buying Huawei, ZTE Tech",
  "US vs Huawei/ZTE: The Verdict",
];

/** The stories whose front matter has the topic "security" (in any letter case). */
const SECURITY_STORIES = [
  "Australia Excludes Huawei, ZTE From 5G Rollouts",
  "Huawei Faces Further Heat From US Administration – Report",
  "India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports",
  "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
  "US Government Agencies Barred From Buying Huawei, ZTE Tech",
  "US vs Huawei/ZTE: The Verdict",
];

/** The stories the seed's text links to, by site path. */
const SEED_CROSS_REFERENCES = [
  "2018/08/23/australia-excludes-huawei-zte-from-5g-rollouts/",
  "2018/09/17/no-5g-deal-huawei-misses-out-at-skt/",
  "2018/09/17/india-joins-us-and-australia-to-give-huawei-zte-5g-cold-shoulder-reports/",
  "2018/11/21/bts-mcrae-huawei-is-the-only-true-5g-supplier-right-now/",
  "2018/11/20/huawei-has-shipped-10k-5g-basestations-outside-china/",
  "2018/08/15/us-government-agencies-barred-from-buying-huawei-zte-tech/",
  "2018/05/29/trump-admin-reboots-50b-china-tech-tariffs/",
  "2018/05/02/pentagon-blocks-huawei-and-zte-phone-sales-on-military-bases/",
  "2018/04/26/huawei-zte-in-the-eye-of-a-trade-storm/",
  "2018/01/17/at-and-t-warned-to-cut-ties-with-huawei-report/",
  "2012/10/08/us-vs-huawei-zte-the-verdict/",
];

const titles = (feed: Feed) => feed.items.map((item) => item.title ?? "");

/**
 * Every URL the feed's XML states (link hrefs, ids), read from the raw XML: the parser would
 * resolve a relative one and hide it.
 */
function statedUrls(xml: string): string[] {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  return [
    ...[...document.querySelectorAll("link")].map((link) => link.getAttribute("href") ?? ""),
    ...[...document.querySelectorAll("id")].map((id) => id.textContent ?? ""),
  ];
}

interface Context {
  site: BuiltVariant;
}

function feedsSuite(prefix: string) {
  const feeds = suite<Context>(`the Atom feeds of the site built for ${prefix} parse and hold the right stories`);

  setUpOrFailEveryTest(feeds, async (context) => {
    context.site = await buildVariant(prefix);
  });

  feeds.after((context) => context.site?.remove());

  const read = (context: Context, sitePath: string) => parseFeed(context.site.read(sitePath));

  feeds("the archive's feed holds the twelve stories, newest first, the seed first and the 2012 story last", (context) => {
    const feed = read(context, "/feed.xml");
    assert.is(feed.meta.type, "atom");
    assert.equal([...titles(feed)].sort(), EVERY_STORY);
    assert.is(titles(feed)[0], SEED);
    assert.is(titles(feed).at(-1), OLDEST);
    const published = feed.items.map((item) => item.published?.getTime() ?? NaN);
    for (let i = 1; i < published.length; i++) {
      assert.ok(published[i - 1] >= published[i], `"${titles(feed)[i - 1]}" is listed before the newer "${titles(feed)[i]}"`);
    }
  });

  feeds("Dan Jones's feed holds exactly his two stories", (context) => {
    const feed = read(context, "/authors/dan-jones/feed.xml");
    assert.equal(titles(feed), [
      "Trump Admin Reboots $50B China Tech Tariffs",
      "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
    ]);
    for (const item of feed.items)
      assert.equal(
        item.authors.map((author) => author.name),
        ["Dan Jones"],
      );
  });

  feeds("the security topic's feed holds exactly the stories with that topic, in any letter case", (context) => {
    const feed = read(context, "/topics/security/feed.xml");
    assert.equal([...titles(feed)].sort(), SECURITY_STORIES);
    for (const item of feed.items) {
      assert.ok(
        item.categories.some((category) => category.term?.toLowerCase() === "security"),
        `"${item.title}" has no security category`,
      );
    }
  });

  feeds(
    "every URL in the feeds is absolute, starts with the site's base URL and path prefix, and leads to a file of the site",
    (context) => {
      const root = site.baseUrl.replace(/\/+$/, "") + prefix;
      for (const sitePath of ["/feed.xml", "/authors/dan-jones/feed.xml", "/topics/security/feed.xml"]) {
        const xml = context.site.read(sitePath);
        const feed = parseFeed(xml);
        assert.is(feed.self, root + sitePath.slice(1), `${sitePath}: self link`);
        for (const url of statedUrls(xml)) {
          assert.ok(url.startsWith(root), `${sitePath} states ${url}, not under ${root}`);
          assert.ok(context.site.fileFor("/" + url.slice(root.length)), `${sitePath} states ${url}, which the site has no file for`);
        }
        for (const item of feed.items)
          assert.ok(item.url?.startsWith(root) && item.url.endsWith("/"), `${sitePath}: entry URL ${item.url}`);
      }
    },
  );

  feeds("each feed is advertised on its page with <link rel=alternate type=application/atom+xml>", (context) => {
    for (const [pagePath, feedPath] of [
      ["/", "/feed.xml"],
      ["/authors/dan-jones/", "/authors/dan-jones/feed.xml"],
      ["/topics/security/", "/topics/security/feed.xml"],
    ]) {
      const advertised = [...context.site.document(pagePath).querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')];
      const addresses = advertised.map((link) => new URL(link.getAttribute("href") ?? "", context.site.root + pagePath.slice(1)).href);
      assert.ok(
        addresses.includes(context.site.root + feedPath.slice(1)),
        `${pagePath} advertises ${JSON.stringify(addresses)}, not ${feedPath}`,
      );
      // The feed says which page it is the feed of.
      assert.is(read(context, feedPath).url, context.site.root + pagePath.slice(1));
    }
  });

  feeds("the seed's entry holds its text with absolute links to the stories it cross-references", (context) => {
    const seed = read(context, "/feed.xml").items.find((item) => item.title === SEED);
    assert.ok(seed?.content, "the seed's entry has no content");
    const body = parseDocument(`<!doctype html><html><head></head><body>${seed.content}</body></html>`);
    assert.match(body.body.textContent ?? "", "Global Mobile Broadband Forum");
    const hrefs = [...body.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
    assert.equal(
      hrefs,
      SEED_CROSS_REFERENCES.map((sitePath) => context.site.root + sitePath),
    );
  });

  feeds.run();
}

feedsSuite("/");
feedsSuite("/news/");
