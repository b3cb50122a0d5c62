import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { setUpOrFailEveryTest } from "./setUpOrFailEveryTest.ts";
import { buildVariant, type BuiltVariant } from "./builtVariant.ts";
import { checkInternalLinks, type LinkReport } from "./internalLinks.ts";

// ---------------------------------------------------------------------------------------------

const checker = suite<{ dir: string }>("the link checker reports every kind of broken internal link");

setUpOrFailEveryTest(checker, (context) => {
  // A three-file site for /news/: a page, its stylesheet, and a page that exists only as a folder.
  context.dir = mkdtempSync(path.join(tmpdir(), "news-archive-linkcheck-"));
  mkdirSync(path.join(context.dir, "assets"));
  mkdirSync(path.join(context.dir, "folder-only"));
  writeFileSync(path.join(context.dir, "assets", "style.css"), "");
  writeFileSync(
    path.join(context.dir, "index.html"),
    `<!doctype html><html><head><link rel="stylesheet" href="/news/assets/style.css"></head><body>
<h1 id="top">Home</h1>
<a href="#top">fine</a> <a href="/news/">fine</a> <a href="https://elsewhere.example.org/x">external</a>
<a href="/news/missing/">missing page</a> <img src="/news/assets/missing.png" alt="">
<a href="/news/#nowhere">missing fragment</a> <a href="/assets/style.css">outside the prefix</a>
<script src="/news/assets/app.js"></script> <form action="/news/folder-only"></form>
<a href="https://archive.example.com/news/gone.html">absolute, on the site's own origin</a>
</body></html>`,
  );
});

checker.after((context) => rmSync(context.dir, { recursive: true, force: true }));

checker("a missing page, asset, script, fragment, a link outside the prefix and a folder without a slash are each reported", (context) => {
  const report = checkInternalLinks({ dir: context.dir, root: "https://archive.example.com/news/", htmlFiles: ["index.html"] });
  assert.equal(report.broken, [
    'index.html: <a href="/news/missing/"> (no file missing/index.html)',
    'index.html: <img src="/news/assets/missing.png"> (no file assets/missing.png)',
    'index.html: <a href="/news/#nowhere"> (no element with id "nowhere" in index.html)',
    'index.html: <a href="/assets/style.css"> (outside the site\'s path prefix /news/)',
    'index.html: <script src="/news/assets/app.js"> (no file assets/app.js)',
    'index.html: <form action="/news/folder-only"> (no file folder-only)',
    'index.html: <a href="https://archive.example.com/news/gone.html"> (no file gone.html)',
  ]);
  // The stylesheet, "#top", "/news/" and the seven broken ones; the external link is not followed.
  assert.is(report.checked, 10);
});

checker.run();

// ---------------------------------------------------------------------------------------------

interface Context {
  site: BuiltVariant;
  report: LinkReport;
}

/** An address no page has, where a host would serve 404.html. */
const DEEP_MISSING_ADDRESS = "no/such/section/or/story/";

function linksSuite(prefix: string) {
  const resolved = suite<Context>(`every internal link and asset of every page resolves to a file of the site built for ${prefix}`);

  setUpOrFailEveryTest(resolved, async (context) => {
    context.site = await buildVariant(prefix);
    context.report = checkInternalLinks({
      dir: context.site.dir,
      root: context.site.root,
      htmlFiles: context.site.htmlFiles(),
      alsoServedAt: { "404.html": [context.site.root + DEEP_MISSING_ADDRESS] },
    });
  });

  resolved.after((context) => context.site?.remove());

  resolved("no href, src or form action of any page is broken", (context) => {
    const { broken, checked } = context.report;
    assert.ok(broken.length === 0, `${broken.length} broken of ${checked} internal references:\n${broken.join("\n")}`);
  });

  resolved("the check followed the links, stylesheet, icon, feeds, canonical address, script and search form of the pages", (context) => {
    const home = context.site.document("/");
    const search = context.site.document("/search/");
    const story = context.site.document("/2018/11/23/huawei-faces-further-heat-from-us-administration-report/");
    const sitePaths = [
      home.querySelector('link[rel="stylesheet"]')?.getAttribute("href"),
      home.querySelector('link[rel="icon"]')?.getAttribute("href"),
      home.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"),
      home.querySelector('form[role="search"]')?.getAttribute("action"),
      search.querySelector("script[src]")?.getAttribute("src"),
    ];
    // Each of these is written with the prefix, so a build that forgot it would fail the check above.
    for (const sitePath of sitePaths) assert.ok(sitePath?.startsWith(prefix), `${sitePath} does not start with ${prefix}`);
    assert.ok(story.querySelector('link[rel="canonical"]')?.getAttribute("href")?.startsWith(context.site.root));
    assert.ok(context.report.checked > 2000, `only ${context.report.checked} internal references were followed`);
  });

  resolved("the 404 page's links also resolve when a host serves it at a deep missing address", (context) => {
    const fromDeep = context.report.broken.filter((line) => line.includes(DEEP_MISSING_ADDRESS));
    assert.equal(fromDeep, []);
    const links = [...context.site.document("/404.html").querySelectorAll("a[href], link[href], form[action]")];
    assert.ok(links.length > 5, "the 404 page has almost no links");
  });

  resolved.run();
}

linksSuite("/");
linksSuite("/news/");
