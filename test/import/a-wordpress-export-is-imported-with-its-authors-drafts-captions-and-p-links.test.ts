import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildInto, fixturePath, snapshot, temporaryFolder } from "../support/builtSite.ts";
import { links, mainOf, sectionHeaded, textContent } from "../support/html.ts";
import { assertAnswersWithStory, followInBrowser, redirectRules } from "../support/oldAddresses.ts";
import { runCli } from "../support/runCli.ts";

const fixture = path.resolve(fixturePath("import-wordpress-export"));
const args = ["--from", "wordpress", path.join(fixture, "export.xml"), "--uploads", path.join(fixture, "uploads")];
const project = temporaryFolder();
const articles = path.join(project, "articles");
await mkdir(articles);
const first = await runCli("import", args, project);
const afterFirst = snapshot(articles);
const second = await runCli("import", args, project);
const site = await buildInto(articles);

const RAISED = "/2020/05/12/crews-raise-the-ridge-mast/";
const FIRST_CALLS = "/2020/05/19/ridge-mast-carries-its-first-calls/";

test("posts are imported once each; the page is skipped with its reason and the unknown shortcode is reported", () => {
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, "3 new, 0 replaced, 0 unchanged, 1 skipped");
  assert.match(first.stdout, /export\.xml:65: "About Us" is a page, not a post/);
  assert.match(first.stdout, /export\.xml:\d+: the shortcode "\[gallery ids=\\"31,32\\"\]"/);
});

test("a second import of the same export changes nothing", () => {
  assert.match(second.stdout, "0 new, 0 replaced, 3 unchanged");
  assert.equal(snapshot(articles), afterFirst);
});

test("each post shows its author's display name, its local day, its categories and tags", () => {
  const raised = textContent(mainOf(site.page(RAISED)));
  for (const fact of ["Crews Raise the Ridge Mast", "Joy Okafor", "12 May 2020", "Masts", "Ridge Road"]) assert.match(raised, fact);
  assert.match(textContent(mainOf(site.page(FIRST_CALLS))), "Dag Lindqvist");
});

test("the draft is imported as a draft and left out of the build", async () => {
  assert.match(await readFile(path.join(articles, "2020/06/second-mast-planned-notes.md"), "utf8"), "\ndraft: true\n");
  assert.not.ok(site.pageUrls().some((url) => url.includes("second-mast")));
});

test("the caption becomes a figure around the copied upload", async () => {
  const text = await readFile(path.join(articles, "2020/05/crews-raise-the-ridge-mast.md"), "utf8");
  assert.match(
    text,
    '<figure><img src="mast-crew.png" alt="Two riggers on the mast" /><figcaption>Riggers at the top of the mast.</figcaption></figure>',
  );
  assert.ok(afterFirst.has("2020/05/mast-crew.png"));
});

test("a featured image (_thumbnail_id) is the story's image:, copied beside it, with the attachment's alt and caption", async () => {
  const text = await readFile(path.join(articles, "2020/05/crews-raise-the-ridge-mast.md"), "utf8");
  assert.match(
    text,
    '\nimage:\n  src: mast-crew.png\n  alt: "Two riggers on the mast"\n  caption: "Riggers fix the last antenna at the top of the ridge mast."\n',
  );
  const page = site.page(RAISED);
  const lead = /<img [^>]*alt="Two riggers on the mast"[^>]*>/.exec(mainOf(page))?.[0] ?? "";
  const src = /src="([^"]+)"/.exec(lead)?.[1];
  assert.ok(src && site.has(src), `the lead image is shown and its file is in the site: ${lead}`);
  assert.match(textContent(mainOf(page)), "Riggers fix the last antenna at the top of the ridge mast.");
  assert.match(page, /<meta property="og:image" content="https:\/\/[^"]+"/);
});

test("a featured image whose file is not among the uploads is a warning with its line, and the story is imported without it", async () => {
  assert.match(
    first.stdout,
    'export.xml:94: the featured image of "Ridge Mast Carries Its First Calls", "https://valleywireless.example.net/wp-content/uploads/2020/05/ridge-mast-at-dusk.jpg", is not among the old site\'s files: imported without image:',
  );
  assert.not.match(await readFile(path.join(articles, "2020/05/ridge-mast-carries-its-first-calls.md"), "utf8"), "image:");
});

test("a ?p= link is a cross-reference both ways; a link to a page is absolute on the old site", () => {
  const body = links(mainOf(site.page(FIRST_CALLS)));
  assert.is(body.find((link) => link.text === "raised last week")?.href, RAISED);
  const referencedBy = sectionHeaded(site.page(RAISED), "Referenced by");
  assert.ok(referencedBy && links(referencedBy).some((link) => link.href === FIRST_CALLS));
  assert.match(
    first.stdout,
    'links to "/coverage/", a page of the old site that is not an imported post: kept as https://valleywireless.example.net/coverage/',
  );
});

test("no page shows WordPress's shortcodes or block comments", () => {
  for (const url of site.pageUrls()) {
    const html = site.page(url);
    for (const syntax of ["[caption", "[gallery", "<!-- wp:", "{{", "{%"])
      assert.not.ok(html.includes(syntax) || textContent(html).includes(syntax), `${url} shows ${syntax}`);
  }
});

test("a <link> that does not fit the archive's scheme becomes an alias whose redirect page Chromium follows", async () => {
  assert.match(first.stdout, "old address /archives/40 of 2020/05/ridge-mast-carries-its-first-calls.md redirects to it");
  const text = await readFile(path.join(articles, "2020/05/ridge-mast-carries-its-first-calls.md"), "utf8");
  assert.match(text, "\naliases:\n  - /archives/40/\n  - /?p=40\n---\n");
  assertAnswersWithStory(site, RAISED, RAISED);
  assertAnswersWithStory(site, "/archives/40/", FIRST_CALLS);
  assert.equal(await followInBrowser(site.output, ["/archives/40/"]), [
    { landedOn: FIRST_CALLS, heading: "Ridge Mast Carries Its First Calls" },
  ]);
});

test("each published post's /?p=ID is a rule of _redirects only (a static page cannot answer a query); a draft's is not", () => {
  const rules = redirectRules(site);
  assert.ok(rules.includes(`/ p=30 ${RAISED} 301!`), rules.join("\n"));
  assert.ok(rules.includes(`/ p=40 ${FIRST_CALLS} 301!`), rules.join("\n"));
  assert.not.ok(rules.some((rule) => rule.includes("p=50")));
});

test.run();
