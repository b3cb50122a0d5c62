import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildInto, fixturePath, snapshot, temporaryFolder } from "../support/builtSite.ts";
import { links, mainOf, sectionHeaded, textContent } from "../support/html.ts";
import { assertAnswersWithStory, followInBrowser } from "../support/oldAddresses.ts";
import { runCli } from "../support/runCli.ts";

const source = path.resolve(fixturePath("import-hugo-site"));
const project = temporaryFolder();
const articles = path.join(project, "articles");
await mkdir(articles);
const first = await runCli("import", ["--from", "hugo", source], project);
const afterFirst = snapshot(articles);
const second = await runCli("import", ["--from", "hugo", source], project);
const site = await buildInto(articles);

const DUCTS = "/2023/04/18/ducts-under-george-street/";
const CLOSES = "/2023/05/02/george-street-trench-closes/";

test("both posts are imported once, the unknown shortcode reported with its line, and a second import changes nothing", () => {
  assert.match(first.stdout, "2 new, 0 replaced, 0 unchanged, 0 skipped, 2 warnings");
  assert.match(first.stdout, /george-street-trench-closes\.md:11: the shortcode "\{\{< tweet/);
  assert.match(second.stdout, "0 new, 0 replaced, 2 unchanged");
  assert.equal(snapshot(articles), afterFirst);
});

test("TOML and YAML front matter give the title, day in the site's zone, authors, topics and description", () => {
  const ducts = textContent(mainOf(site.page(DUCTS)));
  for (const fact of ["Ducts Under George Street", "Priya Nand", "fibre", "trenching"]) assert.match(ducts, fact);
  assert.match(site.page(CLOSES), "Resurfacing finished two days early.");
});

test("a relref link is a cross-reference both ways", () => {
  assert.is(links(mainOf(site.page(CLOSES))).find((link) => link.text === "opened in April")?.href, DUCTS);
  assert.ok(links(sectionHeaded(site.page(DUCTS), "Referenced by") ?? "").some((link) => link.href === CLOSES));
});

test("Hugo's url and aliases that do not fit the archive's scheme become the story's aliases, and are reported", async () => {
  assert.match(first.stdout, "old address /2023/04/ducts-george-st/ of 2023/04/ducts-under-george-street.md redirects to it");
  assert.match(first.stdout, "old address /posts/ducts-under-george-street/ of 2023/04/ducts-under-george-street.md redirects to it");
  const text = await readFile(path.join(articles, "2023/04/ducts-under-george-street.md"), "utf8");
  assert.match(text, "\naliases:\n  - /posts/ducts-under-george-street/\n  - /2023/04/ducts-george-st/\n---\n");
});

test("every old address answers in the built site with the story, or a redirect page to it that Chromium follows", async () => {
  const oldAddresses: [string, string][] = [
    ["/posts/ducts-under-george-street/", DUCTS],
    ["/2023/04/ducts-george-st/", DUCTS],
    ["/posts/george-street-trench-closes/", CLOSES],
  ];
  for (const [oldAddress, storyUrl] of oldAddresses) assertAnswersWithStory(site, oldAddress, storyUrl);
  const landings = await followInBrowser(
    site.output,
    oldAddresses.map(([oldAddress]) => oldAddress),
  );
  assert.equal(landings, [
    { landedOn: DUCTS, heading: "Ducts Under George Street" },
    { landedOn: DUCTS, heading: "Ducts Under George Street" },
    { landedOn: CLOSES, heading: "George Street Trench Closes" },
  ]);
});

test("the first of images: is the story's image:, copied from static/; a missing one is a warning with its line", async () => {
  const text = await readFile(path.join(articles, "2023/05/george-street-trench-closes.md"), "utf8");
  assert.match(text, "\nimage:\n  src: george-street-resurfaced.png\n");
  assert.ok(afterFirst.has("2023/05/george-street-resurfaced.png"));
  const lead = /<img [^>]*src="([^"]+)"/.exec(mainOf(site.page(CLOSES)))?.[1];
  assert.ok(lead && site.has(lead), `the lead image is shown and its file is in the site: ${lead}`);
  assert.match(
    first.stdout,
    'ducts-under-george-street.md:6: the featured image of "Ducts Under George Street", "/images/duct-route-map.png", is not among the old site\'s files: imported without image:',
  );
});

test("no page shows Hugo's shortcode syntax", () => {
  for (const url of site.pageUrls()) assert.not.ok(/\{\{[<%]/.test(site.page(url)), url);
});

test.run();
