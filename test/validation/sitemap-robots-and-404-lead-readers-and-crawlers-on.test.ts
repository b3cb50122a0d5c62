import { DOMParser } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { setUpOrFailEveryTest } from "./setUpOrFailEveryTest.ts";
import { buildVariant, type BuiltVariant } from "./builtVariant.ts";

/** A story's file: YYYY/MM/DD/<slug>/index.html. */
const STORY_FILE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;
/** A W3C date or date-time, as the sitemap protocol takes for lastmod. */
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z))?$/;

interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

/** The `<url>` entries of a sitemap, read with an XML parser; fails unless it is a sitemap urlset. */
function sitemapEntries(xml: string): SitemapEntry[] {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const urlset = document.documentElement;
  assert.is(urlset?.tagName, "urlset", "/sitemap.xml is not a <urlset>");
  assert.is(urlset?.getAttribute("xmlns"), "http://www.sitemaps.org/schemas/sitemap/0.9");
  return [...urlset.querySelectorAll("url")].map((url) => {
    const lastmod = url.querySelector("lastmod")?.textContent?.trim();
    return { loc: url.querySelector("loc")?.textContent?.trim() ?? "", ...(lastmod !== undefined ? { lastmod } : {}) };
  });
}

interface Context {
  site: BuiltVariant;
}

function crawlersSuite(prefix: string) {
  const crawlers = suite<Context>(`the sitemap, robots.txt and 404 page of the site built for ${prefix} lead crawlers and readers on`);

  setUpOrFailEveryTest(crawlers, async (context) => {
    context.site = await buildVariant(prefix);
  });

  crawlers.after((context) => context.site?.remove());

  crawlers("/sitemap.xml lists every HTML page of the site but 404.html, once each, by absolute URL", (context) => {
    const locs = sitemapEntries(context.site.read("/sitemap.xml")).map((entry) => entry.loc);
    const pages = context.site
      .htmlFiles()
      .filter((file) => file !== "404.html")
      .map(context.site.addressOf);
    assert.equal([...locs].sort(), [...pages].sort());
    assert.is(new Set(locs).size, locs.length, "the sitemap lists an address twice");
    assert.not.ok(
      locs.some((loc) => loc.includes("404")),
      "the sitemap lists the 404 page",
    );
    for (const loc of locs) assert.ok(loc.startsWith(context.site.root), `${loc} is not under ${context.site.root}`);
  });

  crawlers("every story in /sitemap.xml has a lastmod: the day it was updated, or else published", (context) => {
    const entries = new Map(sitemapEntries(context.site.read("/sitemap.xml")).map((entry) => [entry.loc, entry.lastmod]));
    const stories = context.site.htmlFiles().filter((file) => STORY_FILE.test(file));
    assert.is(stories.length, 12);
    for (const file of stories) {
      const lastmod = entries.get(context.site.addressOf(file));
      assert.ok(lastmod !== undefined && W3C_DATE.test(lastmod), `${file}: lastmod ${lastmod}`);
      // None of the real stories has been updated: each is last modified on the day it was published.
      const published = context.site
        .document("/" + file)
        .querySelector(".dateline time")
        ?.getAttribute("datetime");
      assert.is(lastmod.slice(0, 10), published, file);
    }
    assert.is(entries.get(context.site.root + "2018/11/23/huawei-faces-further-heat-from-us-administration-report/"), "2018-11-23");
    assert.is(entries.get(context.site.root + "2012/10/08/us-vs-huawei-zte-the-verdict/"), "2012-10-08");
  });

  crawlers("/robots.txt lets crawlers in and points them to the sitemap's absolute URL", (context) => {
    const lines = context.site
      .read("/robots.txt")
      .split("\n")
      .map((line) => line.trim());
    assert.ok(lines.includes("User-agent: *"), "robots.txt names no user agent");
    assert.not.ok(lines.includes("Disallow: /"), "robots.txt shuts crawlers out");
    assert.equal(
      lines.filter((line) => /^sitemap:/i.test(line)),
      [`Sitemap: ${context.site.root}sitemap.xml`, `Sitemap: ${context.site.root}sitemap-news.xml`],
    );
  });

  crawlers("/404.html offers a labelled search form that leads to the search page", (context) => {
    const document = context.site.document("/404.html");
    const form = document.querySelector("main form");
    assert.ok(form, "the 404 page's main content has no form");
    assert.is(new URL(form.getAttribute("action") ?? "", context.site.root + "404.html").href, context.site.root + "search/");
    assert.is((form.getAttribute("method") ?? "get").toLowerCase(), "get");
    const input = form.querySelector('input[name="q"]');
    assert.ok(input, "the form has no q field");
    assert.ok(form.querySelector(`label[for="${input.getAttribute("id")}"]`)?.textContent?.trim(), "the q field has no label");
  });

  crawlers("/404.html lists the latest stories, newest first, each leading to its page", (context) => {
    const main = context.site.document("/404.html").querySelector("main");
    const links = [...(main?.querySelectorAll("li > a[href]") ?? [])].map((a) => ({
      href: new URL(a.getAttribute("href") ?? "", context.site.root + "404.html").href,
      title: a.textContent?.trim(),
    }));
    assert.ok(links.length >= 5, `the 404 page lists ${links.length} stories`);
    assert.equal(links.slice(0, 2), [
      {
        href: context.site.root + "2018/11/23/huawei-faces-further-heat-from-us-administration-report/",
        title: "Huawei Faces Further Heat From US Administration – Report",
      },
      {
        href: context.site.root + "2018/11/21/bts-mcrae-huawei-is-the-only-true-5g-supplier-right-now/",
        title: "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
      },
    ]);
    for (const { href } of links) {
      assert.ok(
        href.startsWith(context.site.root) && STORY_FILE.test(href.slice(context.site.root.length) + "index.html"),
        `${href} is not a story`,
      );
      assert.ok(context.site.fileFor("/" + href.slice(context.site.root.length)), `${href} leads nowhere`);
    }
  });

  crawlers.run();
}

crawlersSuite("/");
crawlersSuite("/news/");

// ---------------------------------------------------------------------------------------------

const updated = suite<Context>(
  "a story corrected late in the evening is dated by its update, in the site's time zone, wherever a machine reads it",
);

const CORRECTED = "/2019/03/01/operator-paints-its-pylons-purple/";

setUpOrFailEveryTest(updated, async (context) => {
  context.site = await buildVariant("/", "test/validation/fixtures/a-story-corrected-late-in-the-evening");
});

updated.after((context) => context.site?.remove());

updated("its sitemap lastmod is the day of its update in New York, not in UTC", (context) => {
  const entry = sitemapEntries(context.site.read("/sitemap.xml")).find((e) => e.loc === context.site.root + CORRECTED.slice(1));
  assert.ok(entry, `the sitemap does not list ${CORRECTED}`);
  assert.match(entry.lastmod ?? "", W3C_DATE);
  assert.is(entry.lastmod?.slice(0, 10), "2019-03-05");
});

updated("its JSON-LD dateModified and article:modified_time are the update, its datePublished the first publication", (context) => {
  const document = context.site.document(CORRECTED);
  const article = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as Record<string, string>;
  assert.is(Date.parse(article.datePublished), Date.parse("2019-03-01T23:30:00-05:00"));
  assert.is(Date.parse(article.dateModified), Date.parse("2019-03-05T23:30:00-05:00"));
  const modified = document.querySelector('meta[property="article:modified_time"]')?.getAttribute("content") ?? "";
  assert.is(Date.parse(modified), Date.parse("2019-03-05T23:30:00-05:00"));
});

updated.run();
