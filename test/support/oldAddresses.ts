import { readFileSync } from "node:fs";
import path from "node:path";
import * as assert from "uvu/assert";
import type { BuiltSite } from "./builtSite.ts";
import { launchBrowser } from "./browser.ts";
import { decodeEntities, links } from "./html.ts";
import { serveSite } from "./serve.ts";

/**
 * Whether an old address of a story answers in a built site (issue 21): the story's page itself,
 * or a page that sends the reader there by a meta refresh and a link, tells search engines the
 * story is the page to index (`rel=canonical`, `noindex`), and is a rule of `_redirects`.
 */

/** What a redirect page says, as written in its file (path prefix included). */
export interface RedirectPage {
  refreshTo?: string;
  canonical?: string;
  linksTo: string[];
  noindex: boolean;
}

export function readRedirectPage(html: string): RedirectPage {
  const attribute = (pattern: RegExp) => {
    const found = pattern.exec(html)?.[1];
    return found === undefined ? undefined : decodeEntities(found);
  };
  return {
    refreshTo: attribute(/<meta http-equiv="refresh" content="0; url=([^"]*)">/),
    canonical: attribute(/<link rel="canonical" href="([^"]*)">/),
    linksTo: links(html).map((link) => link.href),
    noindex: /<meta name="robots" content="noindex">/.test(html),
  };
}

/** The canonical address the story's own page gives itself. */
export function canonicalOf(site: BuiltSite, storyUrl: string): string | undefined {
  return readRedirectPage(site.page(storyUrl)).canonical;
}

/** The `_redirects` file's rules, one "from to status" (or "from query to status") a line, comments left out. */
export function redirectRules(site: BuiltSite): string[] {
  return readFileSync(path.join(site.output, "_redirects"), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** Asserts that `oldAddress` (site-relative, the site built at the root) answers with the story at `storyUrl`. */
export function assertAnswersWithStory(site: BuiltSite, oldAddress: string, storyUrl: string): void {
  if (oldAddress === storyUrl) {
    assert.ok(site.has(storyUrl), `${storyUrl} is a page`);
    return;
  }
  const page = readRedirectPage(site.page(oldAddress));
  assert.is(page.refreshTo, storyUrl, `${oldAddress} refreshes to the story`);
  assert.ok(page.linksTo.includes(storyUrl), `${oldAddress} links to the story`);
  assert.is(page.canonical, canonicalOf(site, storyUrl), `${oldAddress}'s canonical is the story's`);
  assert.ok(page.noindex, `${oldAddress} asks not to be indexed`);
  assert.ok(redirectRules(site).includes(`${oldAddress} ${storyUrl} 301`), `_redirects sends ${oldAddress} to ${storyUrl}`);
}

/**
 * Opens each old address in Chromium, served as a static host serves the site (under `prefix`),
 * and returns where the browser ended up and the page's heading, once the refresh has happened.
 */
export async function followInBrowser(
  siteDir: string,
  oldAddresses: readonly string[],
  prefix = "/",
): Promise<{ landedOn: string; heading: string }[]> {
  const server = await serveSite(siteDir, prefix);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const landings = [];
    for (const oldAddress of oldAddresses) {
      await page.goto(server.url + oldAddress.slice(1), { waitUntil: "load" });
      // A refresh of 0 seconds navigates once the redirect page has loaded: wait for the story.
      await page.waitForSelector("main h1", { timeout: 10_000 });
      landings.push({ landedOn: new URL(page.url()).pathname, heading: (await page.textContent("main h1"))?.trim() ?? "" });
    }
    return landings;
  } finally {
    await browser.close();
    await server.close();
  }
}
