import { readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST, pagefindVersion } from "../../src/search/pagefindVersion.ts";
import { chooseSearchIndexer } from "../../src/search/searchIndexer.ts";
import type { SearchRecord } from "../../src/search/searchRecords.ts";
import { writeSearchShards, type ShardInput } from "../../src/search/writeSearchShards.ts";
import { launchBrowser } from "../support/browser.ts";
import { temporaryFolder } from "../support/builtSite.ts";
import { serveSite } from "../support/serve.ts";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const ANOTHER_VERSION = "1.7.0";

const choice = suite("search: which indexer the installed Pagefind's version allows");

choice("the version our writer was proven against selects our writer", () => {
  assert.equal(chooseSearchIndexer(PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST), { name: "ours" });
});

choice("any other version selects Pagefind's own indexer, saying both versions and that it is slower", () => {
  const chosen = chooseSearchIndexer(ANOTHER_VERSION, "1.6.0");
  assert.is(chosen.name, "pagefind");
  assert.match(
    chosen.name === "pagefind" ? chosen.why : "",
    /Pagefind 1\.7\.0 is installed.*proven against Pagefind 1\.6\.0.*Pagefind's own indexer.*slower/,
  );
  assert.is(chooseSearchIndexer("1.6.1", "1.6.0").name, "pagefind");
});

choice("package.json and its lock pin Pagefind to exactly the version installed and proven", () => {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const lock = JSON.parse(readFileSync(path.join(projectRoot, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dependencies?: Record<string, string> }>;
  };
  assert.is(manifest.dependencies.pagefind, PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST);
  assert.is(lock.packages[""].dependencies?.pagefind, PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST);
  assert.is(pagefindVersion, PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST);
});

choice.run();

const shards = suite("search: the indexer chosen writes every shard");

function twoShards(): ShardInput[] {
  return [2024, 2023].map((year) => {
    const records: SearchRecord[] = [1, 2].map((number) => ({
      url: `/${year}/03/0${number}/tower-${number}/`,
      content: `The council approved mast ${number} in ${year}, after the operator's second appeal.`,
      meta: { title: `Mast ${number} approved` },
      filters: { year: [String(year)] },
      sort: { date: `${year}-03-0${number}` },
    }));
    return {
      shard: { name: String(year), years: [year] },
      urls: records.map((record) => record.url),
      fingerprint: String(year),
      records: () => records,
    };
  });
}

shards("with Pagefind's indexer chosen, Pagefind indexes every shard; with ours, none", async () => {
  const byPagefind = await writeSearchShards(twoShards(), path.join(temporaryFolder(), "pagefind"), "en", {
    pagefindVersion,
    indexer: chooseSearchIndexer(ANOTHER_VERSION),
  });
  assert.equal(byPagefind.indexedByPagefind.sort(), ["2023", "2024"]);
  assert.is(byPagefind.indexedUrls.length, 4);
  const byUs = await writeSearchShards(twoShards(), path.join(temporaryFolder(), "pagefind"), "en", {
    pagefindVersion,
    indexer: chooseSearchIndexer(pagefindVersion),
  });
  assert.equal(byUs.indexedByPagefind, []);
  assert.is(byUs.indexedUrls.length, 4);
});

shards.run();

const site = suite("search: a site indexed by Pagefind's own indexer");

site("builds saying why once, and its search page finds a story in Chromium", async () => {
  const output = path.join(temporaryFolder(), "_site");
  const warned: string[] = [];
  const warn = console.warn;
  console.warn = (...lines: unknown[]) => void warned.push(lines.join(" "));
  try {
    await buildSite({ input: "articles", output, cacheDir: temporaryFolder(), searchIndexer: chooseSearchIndexer(ANOTHER_VERSION) });
  } finally {
    console.warn = warn;
  }
  assert.equal(
    warned.filter((line) => line.includes("Pagefind's own indexer")),
    [
      `Pagefind ${ANOTHER_VERSION} is installed, but our search index writer was proven against Pagefind ${PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST}: using Pagefind's own indexer, which is slower (pin pagefind to ${PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST} in package.json, or prove the writer against ${ANOTHER_VERSION} with test/search/our-search-index-equals-pagefinds-own.test.ts).`,
    ],
  );
  const server = await serveSite(output);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
    await page.goto(`${server.url}search/?q=${encodeURIComponent("Global Mobile Broadband Forum")}`);
    await page.waitForSelector("html[data-search-ready]", { timeout: 15000 });
    assert.equal(await page.locator("#search-results > li > a").allTextContents(), [
      "Huawei Faces Further Heat From US Administration – Report",
    ]);
    assert.equal(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

site.run();
