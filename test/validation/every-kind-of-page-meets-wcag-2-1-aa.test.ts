import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { setUpOrFailEveryTest } from "./setUpOrFailEveryTest.ts";
import { launchBrowser, type Browser } from "../support/browser.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";
import { buildVariant, type BuiltVariant } from "./builtVariant.ts";
import { archiveWithImages, STORY_WITH_IMAGES_URL } from "../support/storyWithImages.ts";
import type { FixtureArchive } from "../support/fixtureArchive.ts";

/** WCAG 2.1 levels A and AA, as axe-core tags its rules. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One paragraph per violation: the rule, its help, and the markup of each element that fails it. */
function describe(violations: AxeResults["violations"]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${v.nodes.map((n) => `  - ${n.target.join(" ")}: ${n.html}\n    ${n.failureSummary?.replace(/\n/g, "\n    ")}`).join("\n")}`,
    )
    .join("\n\n");
}

interface Context {
  site: BuiltVariant;
  server: StaticServer;
  browser: Browser;
  /** Archives whose stories hold figures, a table, footnotes, embeds and photographs (issue 20), each served. */
  storyBodySites: { site: BuiltVariant; server: StaticServer }[];
  imagesArchive: FixtureArchive;
}

/** Legacy mode runs axe in the page itself, without a blank page per run: these pages have no frames. */
async function analyze(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true).analyze();
}

/** Opens a page of the site, fails on a page that is missing, and returns axe's findings on it once it is ready. */
async function audit(
  context: Context,
  address: string,
  ready?: (page: Page) => Promise<void>,
  server: StaticServer = context.server,
): Promise<AxeResults> {
  const page = await context.browser.context.newPage();
  try {
    const response = await page.goto(server.url + address.replace(/^\//, ""));
    assert.is(response?.status(), 200, `${address} answered ${response?.status()}`);
    await ready?.(page);
    return await analyze(page);
  } finally {
    await page.close();
  }
}

const accessible = suite<Context>("axe-core finds no WCAG 2.1 A or AA violation on each kind of page");

setUpOrFailEveryTest(accessible, async (context) => {
  context.site = await buildVariant("/");
  context.server = await serveSite(context.site.dir, "/");
  context.browser = await launchBrowser();
  context.imagesArchive = await archiveWithImages();
  const warn = console.warn;
  console.warn = () => {}; // the photo its editor forgot to describe is a warning, by design
  try {
    context.storyBodySites = [];
    for (const input of ["test/fixtures/a-story-with-figures-tables-footnotes-and-embeds", context.imagesArchive.articles]) {
      const site = await buildVariant("/", input);
      context.storyBodySites.push({ site, server: await serveSite(site.dir, "/") });
    }
  } finally {
    console.warn = warn;
  }
});

accessible.after(async (context) => {
  await context.browser?.close();
  await context.server?.close();
  context.site?.remove();
  for (const { site, server } of context.storyBodySites ?? []) {
    await server.close();
    site.remove();
  }
  await context.imagesArchive?.remove();
});

accessible("axe reports the violations of a page known to be inaccessible", async (context) => {
  const page = await context.browser.context.newPage();
  await page.setContent(`<html><head><title>Bad</title></head><body><img src="x.png"><a href="/x"></a>
    <p style="color:#aaa;background:#fff">low contrast</p></body></html>`);
  const { violations } = await analyze(page);
  await page.close();
  assert.equal(violations.map((v) => v.id).sort(), ["color-contrast", "html-has-lang", "image-alt", "link-name"]);
});

/** The search page is audited as a reader sees it: with Pagefind's results for the query listed. */
async function searchResultsListed(page: Page): Promise<void> {
  await page.waitForSelector("html[data-search-ready]", { timeout: 15000 });
  const results = await page.locator("#search-results > li").count();
  assert.ok(results > 5, `the search for "huawei" listed ${results} results`);
}

const PAGES: [string, string, ((page: Page) => Promise<void>)?][] = [
  ["the home page", "/"],
  ["the seed story", "/2018/11/23/huawei-faces-further-heat-from-us-administration-report/"],
  ["a reference-only story", "/2018/05/29/trump-admin-reboots-50b-china-tech-tariffs/"],
  ["an author page", "/authors/dan-jones/"],
  ["a topic page", "/topics/huawei/"],
  ["a year page", "/2018/"],
  ["the search page with results for a query", "/search/?q=huawei", searchResultsListed],
  ["the page not found", "/404.html"],
];

for (const [name, address, ready] of PAGES) {
  accessible(`${name} (${address}) has no violation`, async (context) => {
    const results = await audit(context, address, ready);
    assert.ok(results.violations.length === 0, `${results.violations.length} violation(s) on ${address}:\n${describe(results.violations)}`);
    // axe ran its rules on the page's own content, not on an error page.
    assert.ok(results.passes.length > 10, `only ${results.passes.length} rules passed on ${address}`);
  });
}

const STORY_BODY_PAGES: [string, number, string][] = [
  ["a story with a figure, a table, footnotes and a video embed", 0, "/2024/05/14/harbour-bridge-reopens-after-eight-months-of-repairs/"],
  ["a story with a lead image and photographs, a chart, an SVG and a GIF in its body", 1, STORY_WITH_IMAGES_URL],
];

for (const [name, siteIndex, address] of STORY_BODY_PAGES) {
  accessible(`${name} (${address}) has no violation`, async (context) => {
    const results = await audit(context, address, undefined, context.storyBodySites[siteIndex].server);
    assert.ok(results.violations.length === 0, `${results.violations.length} violation(s) on ${address}:\n${describe(results.violations)}`);
    assert.ok(results.passes.length > 10, `only ${results.passes.length} rules passed on ${address}`);
  });
}

accessible.run();
