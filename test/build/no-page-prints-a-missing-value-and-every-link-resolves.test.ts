import { suite } from "uvu";
import * as assert from "uvu/assert";
import { realArchive, type BuiltSite } from "../support/builtSite.ts";
import { attributeValues, textContent, texts } from "../support/html.ts";

/** Every page of the real archive with its HTML. */
async function everyPage(): Promise<{ site: BuiltSite; pages: [string, string][] }> {
  const site = await realArchive();
  return { site, pages: site.pageUrls().map((url) => [url, site.page(url)]) };
}

// ---------------------------------------------------------------------------------------------

const complete = suite("no page of the real archive prints a missing value");

complete("the build wrote the pages of the archive", async () => {
  const { pages } = await everyPage();
  // 12 stories; 2 years, 7 months, 11 days and /archive/; 4 authors, 5 author-years and /authors/;
  // 29 topics, 33 topic-years (Huawei, ZTE, security and US government span 2012 and 2018) and
  // /topics/; home, search, the 404 page and /corrections/.
  assert.is(pages.length, 12 + (2 + 7 + 11 + 1) + (4 + 5 + 1) + (29 + 33 + 1) + 4);
});

complete("no page prints undefined, NaN, null or Invalid DateTime, in its text or its attributes", async () => {
  for (const [url, html] of (await everyPage()).pages) {
    const found = /\bundefined\b|\bNaN\b|Invalid DateTime|\[object Object\]|>null</.exec(html);
    assert.not.ok(found, `${url} prints "${found?.[0]}" near: ${found ? html.slice(Math.max(0, found.index - 80), found.index + 40) : ""}`);
  }
});

complete("every page has one headline, a title and a language", async () => {
  for (const [url, html] of (await everyPage()).pages) {
    const headlines = texts(html, "h1");
    assert.is(headlines.length, 1, `${url} has ${headlines.length} <h1>`);
    assert.ok(headlines[0] !== "", `${url} has an empty <h1>`);
    assert.match(textContent(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? ""), /\S/, `${url} has no <title>`);
    assert.match(html, /<html lang="en">/, `${url} has no language`);
  }
});

complete("every <time> has a machine-readable date", async () => {
  for (const [url, html] of (await everyPage()).pages) {
    for (const [tag] of html.matchAll(/<time\b[^>]*>/g)) {
      assert.match(tag, /datetime="\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?"/, `${url}: ${tag}`);
    }
  }
});

complete.run();

// ---------------------------------------------------------------------------------------------

const resolved = suite("every link inside the real archive leads to a file of the built site");

resolved("every href, src and form action within the site resolves to a file in the output", async () => {
  const { site, pages } = await everyPage();
  const broken: string[] = [];
  let checked = 0;
  for (const [url, html] of pages) {
    for (const value of [...attributeValues(html, "href"), ...attributeValues(html, "src"), ...attributeValues(html, "action")]) {
      const target = new URL(value, `https://archive.example.com${url}`);
      if (target.origin !== "https://archive.example.com") continue;
      checked++;
      if (value.startsWith("#")) {
        if (!html.includes(`id="${value.slice(1)}"`)) broken.push(`${url}: ${value} (no element with that id)`);
      } else if (!site.has(target.pathname)) broken.push(`${url}: ${value}`);
    }
  }
  assert.equal(broken, []);
  assert.ok(checked > 1000, `only ${checked} links were checked`);
});

resolved("no story text links to a Markdown file", async () => {
  for (const [url, html] of (await everyPage()).pages) {
    assert.not.ok(
      attributeValues(html, "href").some((href) => /\.md(#|$)/.test(href)),
      `${url} links to a .md file`,
    );
  }
});

resolved.run();
