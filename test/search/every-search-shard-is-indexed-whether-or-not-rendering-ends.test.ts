import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { SearchRecord } from "../../src/search/searchRecords.ts";
import { writeSearchShards, type ShardInput } from "../../src/search/writeSearchShards.ts";
import { temporaryFolder } from "../support/builtSite.ts";

const test = suite("search: the worker processes index every queued shard");

/** Five shards of two stories each, one year a shard, newest first. */
function shards(): ShardInput[] {
  return [2024, 2023, 2022, 2021, 2020].map((year) => {
    const records: SearchRecord[] = [1, 2].map((number) => ({
      url: `/${year}/01/0${number}/story-${number}/`,
      content: `Story ${number} of ${year}. The regulator said the network review would finish in ${year}.`,
      meta: { title: `Story ${number} of ${year}` },
      filters: { year: [String(year)] },
      sort: { date: `${year}-01-0${number}` },
    }));
    return {
      shard: { name: String(year), years: [year] },
      urls: records.map((record) => record.url),
      fingerprint: String(year),
      records: () => records,
    };
  });
}

function bundlesWritten(bundleDir: string): string[] {
  const merged = existsSync(path.join(bundleDir, "shards")) ? readdirSync(path.join(bundleDir, "shards")).sort() : [];
  return [
    ...(existsSync(path.join(bundleDir, "pagefind-entry.json")) ? ["first"] : []),
    ...merged.filter((name) => existsSync(path.join(bundleDir, "shards", name, "pagefind-entry.json"))),
  ];
}

test("with one worker until rendering ends, and rendering ending meanwhile, all five shards are written", async () => {
  const bundleDir = path.join(temporaryFolder(), "pagefind");
  let renderingEnded = () => {};
  const rendering = new Promise<void>((resolve) => (renderingEnded = resolve));
  const writing = writeSearchShards(shards(), bundleDir, "en", {
    pagefindVersion: "test",
    renderingEnded: rendering,
    oneCoreFewerWhileRenderingFrom: 0,
  });
  setTimeout(renderingEnded, 500);
  const written = await writing;
  assert.equal(written.indexed.sort(), ["2020", "2021", "2022", "2023", "2024"]);
  assert.is(written.indexedUrls.length, 10);
  assert.equal(bundlesWritten(bundleDir), ["first", "2020", "2021", "2022", "2023"]);
});

test("if rendering never ends (Eleventy failed), the first worker still empties the queue and the build is not left waiting", async () => {
  const bundleDir = path.join(temporaryFolder(), "pagefind");
  const never = new Promise<void>(() => {});
  const written = await writeSearchShards(shards(), bundleDir, "en", {
    pagefindVersion: "test",
    renderingEnded: never,
    oneCoreFewerWhileRenderingFrom: 0,
  });
  assert.is(written.indexedUrls.length, 10);
  assert.equal(bundlesWritten(bundleDir), ["first", "2020", "2021", "2022", "2023"]);
});

test("a shard our index writer cannot vouch for (Pagefind's own instructions in a story) is indexed by Pagefind instead", async () => {
  const bundleDir = path.join(temporaryFolder(), "pagefind");
  const [newest, ...older] = shards();
  const instructed: SearchRecord = { ...newest.records()[0], content: "Weighted ___PAGEFIND_WEIGHT___2 regulator words" };
  const withInstruction = { ...newest, records: () => [instructed, newest.records()[1]] };
  const written = await writeSearchShards([withInstruction, ...older], bundleDir, "en", { pagefindVersion: "test" });
  assert.is(written.indexedUrls.length, 10);
  assert.equal(bundlesWritten(bundleDir), ["first", "2020", "2021", "2022", "2023"]);
  const entry = JSON.parse(readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: { en: { page_count: number } };
  };
  assert.is(entry.languages.en.page_count, 2);
});

test.run();
