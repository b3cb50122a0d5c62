import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { loadSite } from "../../src/build/loadSite.ts";
import type { StoryPage } from "../../src/pages/pageModels.ts";
import { unpackFile } from "../../src/search/pagefindFormat.ts";
import { searchRecord, type SearchRecord } from "../../src/search/searchRecords.ts";
import { writePagefindIndex } from "../../src/search/writePagefindIndex.ts";
import { site } from "../../src/site.ts";
import { temporaryFolder } from "../support/builtSite.ts";

const test = suite("search: our index writer writes what Pagefind's own indexer writes");

const projectRoot = path.resolve(import.meta.dirname, "../..");

async function recordsOf(articlesDir: string): Promise<SearchRecord[]> {
  const loaded = await loadSite(articlesDir, site, false);
  return loaded.pages.filter((page): page is StoryPage => page.kind === "story").map(searchRecord);
}

/** Text that exercises Pagefind's word rules: punctuation, compounds, accents, scripts, spaces. */
const awkwardRecords: SearchRecord[] = [
  {
    url: "/2024/01/02/awkward/",
    content:
      "Light Reading\nThe CEO's news-archive e-mail: café, Café and cafè (“quoted” — ‘single’ dash…) it's rock-and-roll 3.5GHz 5G, 1,000 U.S. x.y.z 9/11 $5 50% " +
      "ABC123def iPhone naïve résumé Ünïcödé 日本語 Привет мир x🙂 x～ zero\u200bwidth non\u00a0breaking next\u0085line <b>bold</b> &amp; " +
      "news news-archive news (see above) e.g. a+b x&y @user #tag",
    meta: {
      title: "The CEO's café & <b>news</b>",
      date: "2024-01-02T09:30:00-05:00",
      byline: "Ann Émile, Bob",
      dated: "January 2, 2024",
      topics: "5G, Café",
      // A lead image's thumbnail (issue 20): an address and an alt text, in the metadata like the rest.
      image: "/images/0a1b2c3d4e5f60718293-thumb-320.webp",
      image_alt: "The café's terrace & <its> awning",
    },
    filters: { author: ["Zed", "Ann Émile"], topic: ["5G", "Café"], year: ["2024"] },
    sort: { date: "2024-01-02T09:30:00-05:00" },
  },
  {
    url: "/2023/05/06/plain/",
    content: "Hello again world. Café news and the archive's résumé, with one more café.",
    meta: { title: "Plain", date: "2023-05-06T00:00:00-04:00", byline: "", dated: "May 6, 2023 (date inferred)" },
    filters: { author: [], topic: ["Café"], year: ["2023"] },
    sort: { date: "2023-05-06T00:00:00-04:00" },
  },
];

async function indexWithPagefind(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  assert.equal(errors, []);
  for (const record of records) assert.equal((await index!.addCustomRecord({ ...record, language: "en" })).errors, []);
  assert.equal((await index!.writeFiles({ outputPath })).errors, []);
  await pagefind.close();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .sort();
}

/** Every file's content, inflated where Pagefind gzips it: the bytes its script reads. */
function contentOf(dir: string, file: string): Buffer {
  const bytes = readFileSync(path.join(dir, file));
  return /\.pf_(meta|index|filter|fragment)$/.test(file) ? unpackFile(bytes) : bytes;
}

async function assertSameIndex(records: SearchRecord[]): Promise<void> {
  const theirs = temporaryFolder();
  const ours = temporaryFolder();
  await indexWithPagefind(records, theirs);
  const written = await writePagefindIndex(records, { language: "en", outputPath: ours, scratchDir: temporaryFolder(), withScripts: true });
  assert.equal(written, { indexedUrls: records.map((record) => record.url) });
  await pagefind.close();
  const files = filesUnder(theirs);
  assert.equal(filesUnder(ours), files, "the same files, under the same names (the names are hashes of the content)");
  for (const file of files) assert.ok(contentOf(ours, file).equals(contentOf(theirs, file)), `${file} holds the same bytes`);
}

test("the twelve stories of the seed archive, one by one as written", async () => {
  await assertSameIndex(await recordsOf(path.join(projectRoot, "articles")));
});

test("four hundred generated stories: many index chunks, filters and sorted dates", async () => {
  const articles = path.join(temporaryFolder(), "articles");
  generateArchive({ articles: 400, out: articles, seed: "search index" });
  const records = await recordsOf(articles);
  assert.ok(records.length >= 380, `the generated archive gives stories to index (${records.length})`);
  await assertSameIndex(records);
});

test("punctuation, compound words, accents, other scripts and unusual spaces", async () => {
  await assertSameIndex(awkwardRecords);
});

test("text Pagefind would read as its own instructions, a story whose text gives no word, or Japanese is left to Pagefind", async () => {
  const options = { language: "en", scratchDir: temporaryFolder(), withScripts: false };
  const instruction = await writePagefindIndex([{ ...awkwardRecords[1], content: "Weighted ___PAGEFIND_WEIGHT___2 words" }], {
    ...options,
    outputPath: temporaryFolder(),
  });
  assert.equal(instruction, { unsupported: "the text holds Pagefind's instruction ___PAGEFIND_WEIGHT___2" });
  const wordless = await writePagefindIndex([awkwardRecords[1], { ...awkwardRecords[1], url: "/dashes/", content: "— — …" }], {
    ...options,
    outputPath: temporaryFolder(),
  });
  assert.equal(wordless, { unsupported: "the text of /dashes/ gives no word to index" });
  const japanese = await writePagefindIndex([awkwardRecords[1]], { ...options, language: "ja", outputPath: temporaryFolder() });
  assert.equal(japanese, { unsupported: "Pagefind cuts ja into words by a dictionary, not at spaces" });
  await pagefind.close();
});

test("a shard indexed with the words an earlier indexing learned is the shard indexed afresh, byte for byte", async () => {
  const articles = path.join(temporaryFolder(), "articles");
  generateArchive({ articles: 40, out: articles, seed: "words memo" });
  const earlier = [...(await recordsOf(articles)), ...awkwardRecords];
  const added: SearchRecord = {
    ...awkwardRecords[1],
    url: "/2024/02/03/added/",
    content: "Zanzibarian quokkas, unheard-of words; and café news again.",
  };
  const memoDir = temporaryFolder();
  const wordsMemo = { words: path.join(memoDir, "shard.v8"), bundle: path.join(memoDir, "bundle") };
  const write = async (records: SearchRecord[], memo?: typeof wordsMemo) => {
    const outputPath = temporaryFolder();
    const written = await writePagefindIndex(records, {
      language: "en",
      outputPath,
      scratchDir: temporaryFolder(),
      withScripts: true,
      wordsMemo: memo,
    });
    assert.equal(written, { indexedUrls: records.map((record) => record.url) });
    await pagefind.close();
    return outputPath;
  };
  const assertSameFiles = (dir: string, expected: string, what: string) => {
    assert.equal(filesUnder(dir), filesUnder(expected), `${what}: the same files`);
    for (const file of filesUnder(expected))
      assert.ok(
        readFileSync(path.join(dir, file)).equals(readFileSync(path.join(expected, file))),
        `${what}: ${file} holds the same bytes`,
      );
  };
  const first = await write(earlier, wordsMemo);
  assertSameFiles(first, await write(earlier), "the first indexing, which learns the words");
  // Every token known: Pagefind is not asked, its scripts come from the memo.
  assertSameFiles(await write(earlier, wordsMemo), first, "indexed again with every word known");
  // A story added: only its new tokens are asked.
  assertSameFiles(await write([...earlier, added], wordsMemo), await write([...earlier, added]), "a story with new words added");
});

test.run();
