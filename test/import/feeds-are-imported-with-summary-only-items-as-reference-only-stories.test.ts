import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildInto, fixturePath, snapshot, temporaryFolder } from "../support/builtSite.ts";
import { links, mainOf, sectionHeaded, textContent } from "../support/html.ts";
import { runCli } from "../support/runCli.ts";

const fixture = path.resolve(fixturePath("import-feeds"));
const project = temporaryFolder();
const articles = path.join(project, "articles");
await mkdir(articles);
const rss = await runCli("import", ["--from", "feed", path.join(fixture, "rss.xml")], project);
const atom = await runCli("import", ["--from", "feed", path.join(fixture, "atom.xml")], project);
const afterFirst = snapshot(articles);
const again = await runCli("import", ["--from", "feed", path.join(fixture, "rss.xml")], project);
const site = await buildInto(articles);

test("every item of an RSS and an Atom feed is imported once, and a second import changes nothing", () => {
  assert.match(rss.stdout, "2 new, 0 replaced, 0 unchanged, 0 skipped, 0 warnings");
  assert.match(atom.stdout, "1 new, 0 replaced, 0 unchanged, 0 skipped, 0 warnings");
  assert.match(again.stdout, "0 new, 0 replaced, 2 unchanged");
  assert.equal(snapshot(articles), afterFirst);
});

test("a summary-only item becomes a reference-only story whose summary is that text", async () => {
  assert.is(
    await readFile(path.join(articles, "2021/09/cable-lit.md"), "utf8"),
    `---\ntitle: "Cable Lit for Service"\ndate: 2021-09-14\nbyline:\n  - name: Nia Pryce\nsource: https://bulletin.example.com/2021/09/14/cable-lit/\nslug: cable-lit\nsummary: "Engineers lit the first fibre pair on Tuesday."\n---\n`,
  );
});

test("a link between items is a cross-reference both ways, at the items' old addresses", () => {
  const from = "/2021/09/07/subsea-cable-lands/";
  const to = "/2021/09/14/cable-lit/";
  assert.is(links(mainOf(site.page(from))).find((link) => link.text === "lighting of the cable")?.href, to);
  assert.ok(links(sectionHeaded(site.page(to), "Referenced by") ?? "").some((link) => link.href === from));
});

test("an Atom entry keeps its author, category and day", () => {
  const page = textContent(mainOf(site.page("/2022/02/01/rural-towers-solar/")));
  for (const fact of ["Rural Towers Switch to Solar", "Tomás Ruiz", "Energy", "Twelve towers now run on panels and batteries."])
    assert.match(page, fact);
});

test("an item's Media RSS image and an Atom entry's image enclosure become the story's lead image, at their addresses", () => {
  // A feed holds no image files: the image stays where the old site (or its CDN) serves it.
  const leadOf = (page: string) => /<figure class="lead-image"[^>]*>[\s\S]*?<img [^>]*>/.exec(page)?.[0] ?? "";
  const rssLead = leadOf(site.page("/2021/09/07/subsea-cable-lands/"));
  assert.match(rssLead, 'src="https://bulletin.example.com/wp-content/uploads/2021/09/porth-bay-landing.jpg"');
  assert.match(rssLead, `alt="The cable's shore end hauled up the beach at Porth Bay"`);
  const atomLead = leadOf(site.page("/2022/02/01/rural-towers-solar/"));
  assert.match(atomLead, 'src="https://media.fieldwork-cdn.example.net/2022/02/solar-tower.jpg"');
  assert.is(leadOf(site.page("/2021/09/14/cable-lit/")), "", "the item without an image has none");
});

test.run();
