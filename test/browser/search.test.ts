import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { launchBrowser, type Browser } from "../support/browser.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

const SEED_TITLE = "Huawei Faces Further Heat From US Administration – Report";

interface Context {
  browser: Browser;
  server: StaticServer;
  output: string;
  problems: string[];
}

/** Every console error, page error, failed request and HTTP error seen while a page is open. */
function watchForProblems(page: Page, problems: string[]): void {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

async function openSearch(context: Context, query: string): Promise<Page> {
  const page = await context.browser.context.newPage();
  watchForProblems(page, context.problems);
  await page.goto(`${context.server.url}search/${query}`);
  await page.waitForSelector("html[data-search-ready]", { timeout: 15000 });
  return page;
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator("#search-results > li > a").allTextContents();
}

function searchSuite(name: string, pathPrefix: string) {
  const test = suite<Context>(name);

  test.before(async (context) => {
    context.output = mkdtempSync(path.join(tmpdir(), "news-archive-search-"));
    await buildSite({ input: "articles", output: context.output, pathPrefix });
    context.server = await serveSite(context.output, pathPrefix);
    context.browser = await launchBrowser();
    context.problems = [];
  });

  test.after(async (context) => {
    await context.browser?.close();
    await context.server?.close();
    rmSync(context.output, { recursive: true, force: true });
  });

  test("a phrase found only in the seed's body finds the seed", async (context) => {
    const page = await openSearch(context, "?q=" + encodeURIComponent("Global Mobile Broadband Forum"));
    assert.equal(await resultTitles(page), [SEED_TITLE]);
    assert.match((await page.locator("#search-results .excerpt mark").first().textContent()) ?? "", /Global|Mobile|Broadband|Forum/);
    await page.close();
  });

  test("a word from a reference-only story's headline finds that story", async (context) => {
    // Every headline of the archive is also quoted in the seed's body, so the seed matches too.
    const page = await openSearch(context, "?q=basestations");
    assert.equal((await resultTitles(page)).sort(), [
      "Huawei Faces Further Heat From US Administration – Report",
      "Huawei Has Shipped 10K 5G Basestations Outside China",
    ]);
    const link = page.locator("#search-results > li > a", { hasText: "Basestations" });
    assert.match((await link.getAttribute("href")) ?? "", /\/2018\/11\/20\/huawei-has-shipped-10k-5g-basestations-outside-china\/$/);
    await page.close();
  });

  test("a result's excerpt is the story's own text, from its first words, with no markup or escapes", async (context) => {
    const page = await openSearch(context, "?q=persuade");
    assert.equal(await resultTitles(page), [SEED_TITLE]);
    const excerpt = (await page.locator("#search-results .excerpt").first().textContent()) ?? "";
    assert.ok(
      excerpt.startsWith("Huawei is once again the security focus of the US administration, which is seeking to persuade"),
      excerpt,
    );
    // Not the page's chrome: the publication, headline and byline are the result's title and metadata.
    for (const chrome of ["Light Reading", "Further Heat", "Ray Le Maistre", "By "]) assert.not.match(excerpt, chrome);
    assert.not.match(excerpt, /&(lt|gt|amp|quot|#39);|<|>/);
    assert.is(await page.locator("#search-results .excerpt mark").first().textContent(), "persuade");
    await page.close();
  });

  test("a reference-only story's excerpt is the facts sentence its page shows", async (context) => {
    const page = await openSearch(context, "?q=basestations");
    const result = page.locator("#search-results > li", {
      has: page.getByRole("link", { name: "Huawei Has Shipped 10K 5G Basestations Outside China", exact: true }),
    });
    assert.is(await result.locator(".excerpt").textContent(), "We hold only the facts of this story, not its text.");
    await page.close();
  });

  test("an author filter and a topic filter narrow the results together", async (context) => {
    const page = await openSearch(context, "?author=" + encodeURIComponent("Dan Jones"));
    assert.equal((await resultTitles(page)).sort(), [
      "Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases",
      "Trump Admin Reboots $50B China Tech Tariffs",
    ]);
    const status = page.locator("#search-status");
    await page.selectOption("#search-filter-topic", "security");
    await status.filter({ hasText: "1 story matches" }).waitFor();
    assert.equal(await resultTitles(page), ["Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases"]);
    assert.match(page.url(), /author=Dan\+Jones/);
    assert.match(page.url(), /topic=security/);
    await page.close();
  });

  test("sorting by date, oldest first, puts the 2012 story first", async (context) => {
    const page = await openSearch(context, "?q=huawei&sort=date:asc");
    assert.is((await resultTitles(page))[0], "US vs Huawei/ZTE: The Verdict");
    // Ten results come first; the rest follow on "Show more", still oldest first.
    await page.click("#search-results .more button");
    await page.locator("#search-results > li > a").nth(10).waitFor();
    const titles = await resultTitles(page);
    assert.ok(titles.length >= 11, `expected most stories to mention Huawei, got ${titles.length}`);
    assert.is(titles[0], "US vs Huawei/ZTE: The Verdict");
    assert.is(titles.at(-1), SEED_TITLE);
    await page.close();
  });

  test("results show the date and byline of each story", async (context) => {
    const page = await openSearch(context, "?q=" + encodeURIComponent("Trade Storm"));
    const first = page.locator("#search-results > li").first();
    assert.is(await first.locator("a").textContent(), "Huawei, ZTE in the Eye of a Trade Storm");
    assert.is(await first.locator("time").getAttribute("datetime"), "2018-04-26");
    assert.match((await first.locator(".meta").textContent()) ?? "", /26 April 2018 · Robert Clark · Light Reading/);
    await page.close();
  });

  test("the header's search form on any page leads to the search page with the query", async (context) => {
    const page = await context.browser.context.newPage();
    watchForProblems(page, context.problems);
    await page.goto(context.server.url);
    await page.fill("#site-search-q", "Pentagon");
    await page.press("#site-search-q", "Enter");
    await page.waitForSelector("html[data-search-ready]");
    assert.match(page.url(), new RegExp(`${pathPrefix.replace(/\//g, "\\/")}search/\\?q=Pentagon$`));
    assert.ok((await resultTitles(page)).includes("Pentagon Blocks Huawei & ZTE Phone Sales on Military Bases"));
    await page.close();
  });

  test("every result link opens a page with that headline", async (context) => {
    const page = await openSearch(context, "?q=huawei");
    await page.click("#search-results .more button");
    await page.locator("#search-results > li > a").nth(10).waitFor();
    const links = await page
      .locator("#search-results > li > a")
      .evaluateAll((anchors) => anchors.map((anchor) => ({ href: (anchor as HTMLAnchorElement).href, title: anchor.textContent })));
    assert.ok(links.length >= 10);
    for (const link of links) {
      assert.ok(new URL(link.href).pathname.startsWith(pathPrefix), `${link.href} is outside ${pathPrefix}`);
      const response = await page.request.get(link.href);
      assert.is(response.status(), 200, link.href);
      const body = await response.text();
      assert.ok(body.includes(`<h1 data-pagefind-meta="title">`), link.href);
    }
    await page.close();
  });

  test("no console error and no failed request while searching", (context) => {
    assert.equal(context.problems, []);
  });

  test.run();
}

searchSuite("search, at the domain root", "/");
searchSuite("search, under the sub-path /news/", "/news/");
