import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildInto, fixturePath, snapshot, temporaryFolder } from "../support/builtSite.ts";
import { links, mainOf, sectionHeaded, textContent } from "../support/html.ts";
import { assertAnswersWithStory, followInBrowser } from "../support/oldAddresses.ts";
import { runCli } from "../support/runCli.ts";

const source = path.resolve(fixturePath("import-jekyll-site"));
const project = temporaryFolder();
const articles = path.join(project, "articles");
await mkdir(articles);
const first = await runCli("import", ["--from", "jekyll", source], project);
const afterFirst = snapshot(articles);
const second = await runCli("import", ["--from", "jekyll", source], project);
const site = await buildInto(articles);

const OPENS = "/2019/03/04/spectrum-auction-opens/";
const ROUND_TWO = "/2019/03/11/auction-round-two/";

test("every post is imported once, and the report names the Liquid it removed with its file and line", () => {
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, "2 new, 0 replaced, 0 unchanged, 0 skipped");
  assert.match(first.stdout, /_posts\/2019-03-04-spectrum-auction-opens\.md:17: the Liquid "\{% include newsletter-signup\.html %\}"/);
  assert.equal([...afterFirst.keys()], ["2019/03/auction-hall.png", "2019/03/auction-round-two.md", "2019/03/spectrum-auction-opens.md"]);
});

test("a second import of the same site changes nothing", () => {
  assert.is(second.code, 0, second.stderr);
  assert.match(second.stdout, "0 new, 0 replaced, 2 unchanged");
  assert.equal(snapshot(articles), afterFirst);
});

test("a post's page shows its title, file-name date, author's full name, topics and its multi-line excerpt", async () => {
  const page = site.page(OPENS);
  const main = textContent(mainOf(page));
  assert.match(main, "Spectrum Auction Opens: Three Bidders Qualify");
  assert.match(main, "Marta Faria");
  assert.match(main, "4 March 2019");
  for (const topic of ["Spectrum", "auctions", "3.6 GHz"]) assert.match(main, topic);
  assert.match(page, "The regulator named three qualified bidders for the 3.6 GHz band, and a fourth withdrew.");
  const text = await readFile(path.join(articles, "2019/03/spectrum-auction-opens.md"), "utf8");
  assert.match(text, "![The auction hall](auction-hall.png)");
  // jekyll-seo-tag's image: { path, alt } is the story's lead image, the same file as the body's.
  assert.match(text, '\nimage:\n  src: auction-hall.png\n  alt: "Bidders\' tables in the auction hall"\n');
  assert.match(mainOf(page), /<img [^>]*alt="Bidders&#39; tables in the auction hall"|<img [^>]*alt="Bidders' tables in the auction hall"/);
});

test("links written with post_url and as absolute addresses are cross-references both ways", () => {
  const linksOut = links(mainOf(site.page(ROUND_TWO)));
  for (const text of ["the auction opened", "the first day's report"])
    assert.equal(linksOut.find((link) => link.text === text)?.href, OPENS, text);
  const referencedBy = sectionHeaded(site.page(OPENS), "Referenced by");
  assert.ok(referencedBy, "the first post has a Referenced by section");
  assert.ok(links(referencedBy!).some((link) => link.href === ROUND_TWO));
});

test("a link to a page of the old site that is not a post goes to the old site's address and is reported", () => {
  assert.ok(links(mainOf(site.page(ROUND_TWO))).some((link) => link.href === "https://notes.example.org/blog/about/spectrum/"));
  assert.match(first.stdout, /auction-round-two\.md:8: links to "\/about\/spectrum\/"/);
});

test("the old permalink is the story's address, and no page shows template syntax", () => {
  assert.ok(site.has(OPENS) && site.has(ROUND_TWO));
  for (const url of site.pageUrls()) {
    const text = textContent(site.page(url));
    for (const syntax of ["{%", "{{", "[caption", "<!-- wp:"]) assert.not.match(text, syntax, `${url} shows ${syntax}`);
  }
});

test("every old address answers: the permalink is the story's page, redirect_from a redirect page that Chromium follows", async () => {
  assert.match(first.stdout, "old address /news/spectrum-auction-opens.html of 2019/03/spectrum-auction-opens.md redirects to it");
  const text = await readFile(path.join(articles, "2019/03/spectrum-auction-opens.md"), "utf8");
  assert.match(text, "\naliases:\n  - /news/spectrum-auction-opens.html\n---\n");
  assertAnswersWithStory(site, OPENS, OPENS);
  assertAnswersWithStory(site, ROUND_TWO, ROUND_TWO);
  assertAnswersWithStory(site, "/news/spectrum-auction-opens.html", OPENS);
  assert.equal(await followInBrowser(site.output, ["/news/spectrum-auction-opens.html"]), [
    { landedOn: OPENS, heading: "Spectrum Auction Opens: Three Bidders Qualify" },
  ]);
});

test.run();
