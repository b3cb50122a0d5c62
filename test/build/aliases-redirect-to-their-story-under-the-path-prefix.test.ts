import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { BuiltSite, fixturePath, temporaryFolder } from "../support/builtSite.ts";
import { followInBrowser, readRedirectPage, redirectRules } from "../support/oldAddresses.ts";

/** A story with old addresses (a folder written without its "/", an .html file, a WordPress ?p=), built for /news/. */
const output = path.join(temporaryFolder(), "site");
await buildSite({ input: fixturePath("aliases-redirect-to-their-story"), output, pathPrefix: "/news/" });
const site = new BuiltSite(output);

const STORY = "/news/2019/06/12/council-approves-fibre-plan/";
const CANONICAL = readRedirectPage(site.page("/2019/06/12/council-approves-fibre-plan/")).canonical;

test("the story's own canonical address carries the path prefix", () => {
  assert.is(CANONICAL, `https://archive.example.com${STORY}`);
});

test("each alias, a folder or an .html file, is a page that refreshes to the story and links to it, under the prefix", () => {
  for (const alias of ["/stories/fibre-plan/", "/stories/fibre-plan.html"]) {
    const html = site.page(alias);
    const page = readRedirectPage(html);
    assert.is(page.refreshTo, STORY, alias);
    assert.equal(page.linksTo, [STORY], alias);
    assert.is(page.canonical, CANONICAL, alias);
    assert.ok(page.noindex, alias);
    assert.not.match(html, "<script", `${alias} has no script, inline or not`);
    assert.match(html, "Council Approves Fibre Plan for the Old Mill Quarter");
  }
});

test("an alias written without its closing / is the folder's address", () => {
  assert.not.ok(site.has("/stories/fibre-plan"), "no file named fibre-plan");
  assert.ok(site.has("/stories/fibre-plan/"));
});

test("_redirects sends every alias to the story with the prefix on both sides; ?p= is a rule of its own", () => {
  assert.equal(redirectRules(site), [
    `/news/ p=118 ${STORY} 301!`,
    `/news/stories/fibre-plan.html ${STORY} 301`,
    `/news/stories/fibre-plan/ ${STORY} 301`,
  ]);
});

test("redirect pages are left out of the sitemap and the search index", () => {
  assert.not.match(readFileSync(path.join(output, "sitemap.xml"), "utf8"), "stories/fibre-plan");
  const entry = JSON.parse(readFileSync(path.join(output, "pagefind", "pagefind-entry.json"), "utf8"));
  assert.equal(
    Object.values(entry.languages as Record<string, { page_count: number }>).map((language) => language.page_count),
    [2],
  );
});

test("in Chromium, served under /news/, each alias lands on the story", async () => {
  const landings = await followInBrowser(output, ["/stories/fibre-plan/", "/stories/fibre-plan.html"], "/news/");
  const heading = "Council Approves Fibre Plan for the Old Mill Quarter";
  assert.equal(landings, [
    { landedOn: STORY, heading },
    { landedOn: STORY, heading },
  ]);
});

test.run();
