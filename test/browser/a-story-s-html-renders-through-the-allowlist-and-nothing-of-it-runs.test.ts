import { AxeBuilder } from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildOnce, fixturePath, type BuiltSite } from "../support/builtSite.ts";
import { launchBrowser, type Browser } from "../support/browser.ts";
import { runCli } from "../support/runCli.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

/**
 * A story as newsrooms write them (issue 20): a figure with caption and credit, a table, a
 * footnote, links to its own heading and to another story's, Markdown inside an HTML block, a
 * YouTube embed, and the attacks real archives carry (an iframe from an ad host, a script, an
 * onerror handler, javascript: links). Opened in Chromium, as a reader's browser gets it.
 */
const FIXTURE = "a-story-with-figures-tables-footnotes-and-embeds";
const STORY = "/2024/05/14/harbour-bridge-reopens-after-eight-months-of-repairs/";
const STORY_FILE = `test/fixtures/${FIXTURE}/2024/05/the-harbour-bridge-reopens.md`;

interface Context {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  page: Page;
  violations: string[];
  requestedHosts: Set<string>;
}

const story = suite<Context>("a story's HTML renders through the allowlist, and nothing of it runs");

story.before(async (context) => {
  context.site = await buildOnce(fixturePath(FIXTURE));
  context.server = await serveSite(context.site.output);
  context.browser = await launchBrowser();
  context.violations = [];
  context.requestedHosts = new Set();
  const browserContext = context.browser.context;
  // Off the network: the video player is answered here, anything else from outside is refused.
  await browserContext.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    const url = new URL(route.request().url());
    context.requestedHosts.add(url.hostname);
    if (url.hostname === "www.youtube-nocookie.com")
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>player</title>" });
    return route.abort();
  });
  context.page = await browserContext.newPage();
  context.page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) context.violations.push(message.text());
  });
  await context.page.exposeFunction("reportViolation", (text: string) => context.violations.push(text));
  await context.page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await context.page.goto(context.server.url + STORY.slice(1), { waitUntil: "load" });
  await context.page.waitForTimeout(300);
});

story.after(async (context) => {
  await context.browser?.close();
  await context.server?.close();
});

story("the figure, its caption and credit, the table and the footnotes are elements", async ({ page }) => {
  const body = page.locator(".story .body");
  assert.is(await body.locator("figure > img[alt='Cars crossing the reopened bridge at dawn']").count(), 1);
  assert.match(
    await body.locator("figure > figcaption").innerText(),
    /The first cars cross at 6 a\.m\. Photo: Jonah Reyes \/ Estuary Gazette/,
  );
  assert.equal(await body.locator("table th").allInnerTexts(), ["Work", "Budget", "Spent"]);
  assert.is(await body.locator("table tbody tr").count(), 2);
  const footnote = body.locator("section.footnotes li");
  assert.match(await footnote.innerText(), /shortage of specialist welders/);
  const reference = body.locator("sup.footnote-ref a");
  assert.ok(await page.locator(String(await reference.getAttribute("href"))).count(), "the footnote reference leads nowhere");
  const back = String(await footnote.locator("a.footnote-backref").getAttribute("href"));
  assert.is(await page.locator(back).count(), 1, `the footnote's link back, ${back}, leads nowhere`);
});

story("Markdown inside an HTML block is rendered as Markdown", async ({ page }) => {
  assert.is(await page.locator(".story .body div strong").innerText(), "Markdown inside HTML");
});

story("the link to a heading and the cross-reference with a #part lead to ids that exist", async ({ page, site }) => {
  const own = page.locator(".story .body a", { hasText: "the figures below" });
  assert.is(await own.getAttribute("href"), "#what-the-repairs-cost");
  assert.is(await page.locator("h2#what-the-repairs-cost").innerText(), "What the repairs cost");
  const other = await page.locator(".story .body a", { hasText: "the timetable" }).getAttribute("href");
  assert.is(other, "/2024/04/02/ferry-timetable-changes-while-the-bridge-is-shut/#weekday-sailings");
  assert.match(site.page(other!.split("#")[0]), /<h2 id="weekday-sailings">Weekday sailings<\/h2>/);
});

story("the YouTube embed plays from youtube-nocookie.com, with a title, in its wrapper, and no CSP violation", async (context) => {
  const frame = context.page.locator(".story .body .embed > iframe");
  assert.is(await frame.count(), 1);
  assert.is(await frame.getAttribute("src"), "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
  assert.is(await frame.getAttribute("title"), "Embedded video");
  const player = context.page.frames().find((each) => each.url().startsWith("https://www.youtube-nocookie.com/"));
  assert.is(await player?.title(), "player", "the player was not loaded into the frame");
  const box = await frame.boundingBox();
  assert.ok(box && Math.abs(box.width / box.height - 16 / 9) < 0.02, `the embed is ${box?.width}×${box?.height}, not 16:9`);
  assert.equal(context.violations, []);
});

story("the other iframe, the script, the handler and the javascript: links are gone, and nothing ran", async ({ page, requestedHosts }) => {
  assert.is(await page.locator("iframe").count(), 1);
  assert.not.ok(requestedHosts.has("ads.example.net"), "the ad host's frame was requested");
  assert.is(await page.locator(".story .body script").count(), 0);
  assert.is(await page.locator(".story .body [onerror]").count(), 0);
  assert.is(await page.locator(".story .body a[href^='javascript:' i]").count(), 0);
  assert.match(await page.locator(".story .body").innerText(), /\[report a fault\]\(javascript:alert\(1\)\)/);
  assert.is(await page.evaluate(() => (window as unknown as { storyScriptRan?: boolean }).storyScriptRan), undefined);
  const title = await page.title();
  assert.ok(title.startsWith("Harbour Bridge Reopens After Eight Months of Repairs"), title);
  await page.locator(".story .body a", { hasText: "write to the council" }).click();
  assert.is(await page.title(), title);
});

story("the page meets WCAG 2.1 AA (axe) and is valid HTML (Nu checker)", async ({ page, site }) => {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true)
    .analyze();
  assert.equal(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" ")}`),
    [],
  );
  const vnu = spawnSync("java", ["-jar", "node_modules/vnu-jar/build/dist/vnu.jar", "--errors-only", site.fileFor(STORY)], {
    encoding: "utf8",
  });
  assert.is(vnu.status, 0, vnu.stderr);
});

story("on a phone, a wide timetable and a long line of code scroll in their own boxes, not the page", async ({ browser, server }) => {
  const phone = await browser.context.newPage();
  try {
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(server.url + "2024/04/02/ferry-timetable-changes-while-the-bridge-is-shut/", { waitUntil: "load" });
    // No function is declared inside: tsx would wrap it in a helper the page does not have.
    const widths = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      boxes: [".story .body table", ".story .body pre"]
        .map((selector) => document.querySelector<HTMLElement>(selector)!)
        .map((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, right: element.getBoundingClientRect().right })),
    }));
    assert.ok(widths.page <= 360, `the page is ${widths.page} px wide on a 360 px screen`);
    for (const [name, element] of [
      ["the table", widths.boxes[0]],
      ["the code", widths.boxes[1]],
    ] as const) {
      assert.ok(element.scroll > element.client, `${name} is not wider than its box (${element.scroll} px in ${element.client} px)`);
      assert.ok(element.right <= 360, `${name}'s box ends at ${element.right} px`);
    }
  } finally {
    await phone.close();
  }
});

story.run();

const check = suite("npm run check reports each removal as a warning with its file and line, and passes");

check("every removal is a warning naming the story file and the line", async () => {
  const run = await runCli("check", ["--input", `test/fixtures/${FIXTURE}`], process.cwd());
  assert.is(run.code, 0, run.stderr);
  const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning: "));
  assert.equal(warnings, [
    `warning: ${STORY_FILE}:15: the onerror attribute of <img> removed (it would run script)`,
    `warning: ${STORY_FILE}:34: an iframe from ads.example.net removed (only www.youtube-nocookie.com and player.vimeo.com players may be embedded)`,
    `warning: ${STORY_FILE}:36: <script> removed (it would run script)`,
    `warning: ${STORY_FILE}:38: the href "javascript:document.title='link ran'" of <a> removed (only http, https, mailto and relative addresses are allowed)`,
  ]);
});

check.run();
