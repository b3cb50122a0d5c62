/**
 * A Pagefind 1.6 bundle written by our own code from the archive's search records: the same
 * files, byte for byte once inflated, as Pagefind's indexer writes for those records (a test
 * compares them), in a fraction of its time. Pagefind is still asked which words each
 * distinct token gives (learnTokenWords.ts): its tokenizing and stemming are not copied.
 *
 * Records it cannot vouch for (Pagefind's weight and anchor instructions in the text, a story
 * whose text gives no word, a sort by numbers, a language Pagefind cuts into words by a
 * dictionary rather than at spaces) are reported as `unsupported`: the caller then indexes them
 * with Pagefind itself.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  isPagefindInstruction,
  learnTokenWords,
  PAGEFIND_SPACES,
  type LearnedWords,
  type WordOfToken,
  type WordsMemo,
} from "./learnTokenWords.ts";
import { CborWriter, contentHash, encodeCbor, packFile, ShortNames, type CborValue } from "./pagefindFormat.ts";
import { PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST } from "./pagefindVersion.ts";
import type { SearchRecord } from "./searchRecords.ts";
import { locationsOf, Occurrences, sortVariants, writeWord, type IndexedWord } from "./wordOccurrences.ts";

export type PagefindIndexWritten = { indexedUrls: string[] } | { unsupported: string };

/** Pagefind closes an index chunk once its words hold this many locations: `chunk_index(word_map, 20000)` in pagefind/src/index/mod.rs. */
const CHUNK_LOCATIONS = 20_000;

/**
 * zlib levels. Compressing the index chunks was a third of the writer's time at level 6: level 4
 * takes a third of that for 5 % more bytes (level 9, as Pagefind, six times as long for 0.8 %
 * fewer). A large shard's indexing is the last thing a clean build waits for. The fragments, one
 * of about 2 KB a story, ten fetched a page of results: level 2 takes two thirds of level 6's
 * time for 1.6 % more bytes (bench/experiments/README.md, issue 19).
 */
const INDEX_COMPRESSION = 4;
const FRAGMENT_COMPRESSION = 2;
/**
 * A fragment is a few KB: zlib's default window and hash table (about 256 KB allocated and
 * cleared on every call) cost more than compressing it. These took 45 % less time for the same
 * bytes over the fragments of 10,000 bench stories (bench/experiments/README.md, issue 19).
 */
const FRAGMENT_ZLIB = { windowBits: 14, memLevel: 6 };

export async function writePagefindIndex(
  records: readonly SearchRecord[],
  options: {
    language: string;
    outputPath: string;
    scratchDir: string;
    withScripts: boolean;
    wordsMemo?: WordsMemo;
    /** What this process learned from Pagefind for the shards it indexed before (see LearnedWords). */
    learnedWords?: LearnedWords;
    /** Throws once the build that asked for the index has ended: see BuildEndedError. */
    checkBuildRunning?: () => void;
  },
): Promise<PagefindIndexWritten> {
  const { language } = options;
  if (SEGMENTED_LANGUAGES.has(language.split("-")[0].toLowerCase()))
    return { unsupported: `Pagefind cuts ${language} into words by a dictionary, not at spaces` };
  const tokensOf = (text: string) => text.split(PAGEFIND_SPACES).filter((token) => token !== "");
  const tokenIds = new Map<string, number>();
  const idsOf = (text: string) =>
    tokensOf(text).map((token) => tokenIds.get(token) ?? (tokenIds.set(token, tokenIds.size), tokenIds.size - 1));
  const metaFields = [...new Set(records.flatMap((record) => Object.keys(record.meta)))].sort(byBytes);
  const pages = records.map((record) => ({
    record,
    text: idsOf(record.content),
    meta: metaFields.map((field) => idsOf(record.meta[field] ?? "")),
  }));
  const tokens = [...tokenIds.keys()];
  const instruction = tokens.find(isPagefindInstruction);
  if (instruction !== undefined) return { unsupported: `the text holds Pagefind's instruction ${instruction}` };
  const sortKeys = [...new Set(records.flatMap((record) => Object.keys(record.sort)))].sort(byBytes);
  const numeric = sortKeys.find((key) => records.every((record) => record.sort[key] === undefined || NUMBER.test(record.sort[key])));
  if (numeric !== undefined) return { unsupported: `the sort ${numeric} is by numbers` };

  const bundleDir = options.scratchDir;
  const wordsOfToken = await learnTokenWords(tokens, language, bundleDir, options.wordsMemo, options.learnedWords);
  // The bundle of the Pagefind installed says which version its script reads, and how its language loads.
  const entry = JSON.parse(readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    version: string;
    languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
  };
  if (entry.version !== PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST)
    return {
      unsupported: `the Pagefind binary is ${entry.version}, not ${PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST}, which our writer was proven against`,
    };
  const wordless = pages.find((page) => page.text.every((id) => wordsOfToken[id].length === 0));
  if (wordless) return { unsupported: `the text of ${wordless.record.url} gives no word to index` };

  // Each token's words resolved once to the lists they add to, so that the loop over every
  // token of every story only appends.
  const words = new Map<string, IndexedWord>();
  const occurrencesOf = (found: WordOfToken): Occurrences => {
    let word = words.get(found.word);
    if (!word) words.set(found.word, (word = { word: found.word, occurrences: new Occurrences(), variants: new Map() }));
    if (found.variant === undefined) return word.occurrences;
    let variant = word.variants.get(found.variant);
    if (!variant) word.variants.set(found.variant, (variant = new Occurrences()));
    return variant;
  };
  const foundOfToken = wordsOfToken.map((found) => found.map((each) => ({ occurrences: occurrencesOf(each), weight: each.weight })));
  for (const { text, meta } of pages) {
    for (const id of text) for (const { occurrences } of foundOfToken[id]) occurrences.text.count();
    for (const ids of meta) for (const id of ids) for (const { occurrences } of foundOfToken[id]) occurrences.meta.count();
  }
  const everyList = [...words.values()].flatMap((word) =>
    [word.occurrences, ...word.variants.values()].flatMap((occurrences) => [occurrences.text, occurrences.meta]),
  );
  const room = new Int32Array(everyList.reduce((sum, list) => sum + list.counted, 0));
  let at = 0;
  for (const list of everyList) at = list.allocate(room, at);
  for (const [page, { text, meta }] of pages.entries()) {
    for (let position = 0; position < text.length; position++) {
      for (const { occurrences, weight } of foundOfToken[text[position]]) occurrences.text.add(page, weight, position);
    }
    for (const [field, ids] of meta.entries()) {
      for (let position = 0; position < ids.length; position++) {
        for (const { occurrences } of foundOfToken[ids[position]]) occurrences.meta.add(page, field, position);
      }
    }
  }

  const checkBuildRunning = options.checkBuildRunning ?? (() => undefined);
  checkBuildRunning();
  mkdirSync(path.join(options.outputPath, "fragment"), { recursive: true });
  mkdirSync(path.join(options.outputPath, "index"), { recursive: true });
  mkdirSync(path.join(options.outputPath, "filter"), { recursive: true });

  const fragmentNames = new ShortNames(language, 1);
  const pageEntries: CborValue[] = [];
  const indexedUrls: string[] = [];
  // A fragment's text is its tokens again, each spelled once for the whole shard rather than
  // split out of the text a second time for every story.
  const shownTokens = tokens.map((token) => token.replaceAll("\u200b", ""));
  for (const { record, text } of pages) {
    checkBuildRunning(); // A system call: a microsecond a story.
    const fragment = Buffer.from(JSON.stringify(fragmentOf(record, text.length, text.map((id) => shownTokens[id]).join(" "))));
    const name = fragmentNames.name(contentHash(language, fragment));
    writeFileSync(
      path.join(options.outputPath, "fragment", `${name}.pf_fragment`),
      packFile(fragment, FRAGMENT_COMPRESSION, FRAGMENT_ZLIB),
    );
    pageEntries.push([name, text.length, ""]);
    indexedUrls.push(record.url);
  }

  const filterNames = new ShortNames(language, 2);
  const filters: CborValue[] = [];
  for (const filter of [...new Set(records.flatMap((record) => Object.keys(record.filters)))].sort(byBytes)) {
    const pagesOfValue = new Map<string, number[]>();
    for (const [page, { record }] of pages.entries()) {
      for (const value of record.filters[filter] ?? []) {
        const list = pagesOfValue.get(value) ?? [];
        if (list.length === 0) pagesOfValue.set(value, list);
        list.push(page);
      }
    }
    if (pagesOfValue.size === 0) continue;
    const values = [...pagesOfValue].sort(([a], [b]) => byBytes(a, b));
    const content = encodeCbor([filter, values]);
    const name = filterNames.name(contentHash(language, content));
    writeFileSync(path.join(options.outputPath, "filter", `${name}.pf_filter`), packFile(content));
    filters.push([filter, name]);
  }

  const sorts: CborValue[] = sortKeys.map((key) => {
    const sorted = pages.flatMap(({ record }, page) => (record.sort[key] === undefined ? [] : [{ value: record.sort[key], page }]));
    sorted.sort((a, b) => byBytes(a.value, b.value)); // Stable: equal dates keep the pages' order.
    return [key, sorted.map((entry) => entry.page)];
  });

  const chunkNames = new ShortNames(language, 2);
  const chunks: Array<{ from: string; to: string; name: string }> = [];
  const sortedWords = [...words.values()].sort((a, b) => byBytes(a.word, b.word));
  for (const word of sortedWords) sortVariants(word, byBytes);
  for (const chunk of chunked(sortedWords)) {
    checkBuildRunning();
    const cbor = new CborWriter();
    cbor.array(1);
    cbor.array(chunk.length);
    for (const word of chunk) writeWord(cbor, word);
    const content = cbor.done();
    const name = chunkNames.name(contentHash(language, content));
    writeFileSync(path.join(options.outputPath, "index", `${name}.pf_index`), packFile(content, INDEX_COMPRESSION));
    chunks.push({ from: chunk[0].word, to: chunk.at(-1)!.word, name });
  }
  // Each boundary is named by the shortest beginnings of the words either side that tell them
  // apart; a chunk whose last word's beginning would sort before its first keeps the whole word.
  for (let i = 0; i + 1 < chunks.length; i++) {
    const last = chunks[i].to;
    const shortened = shortestDistinctBeginning(last, chunks[i + 1].from);
    chunks[i].to = byBytes(shortened, chunks[i].from) < 0 ? last : shortened;
    chunks[i + 1].from = shortestDistinctBeginning(chunks[i + 1].from, last);
  }

  // The fields of `MetaIndex`, in order (pagefind/src/index/index_metadata.rs).
  const meta = encodeCbor([
    entry.version,
    pageEntries,
    chunks.map((chunk) => [chunk.from, chunk.to, chunk.name]),
    filters,
    sorts,
    metaFields,
  ]);
  // `meta_hash` in pagefind/src/index/mod.rs: the language and the hash's first characters.
  const metaName = `${language}_${contentHash(language, meta).slice(language.length + 1, language.length + 11)}`;
  checkBuildRunning();
  writeFileSync(path.join(options.outputPath, `pagefind.${metaName}.pf_meta`), packFile(meta));

  const learned = entry.languages[language] ?? Object.values(entry.languages)[0];
  entry.languages = { [language]: { ...learned, hash: metaName, page_count: pages.length } };
  writeFileSync(path.join(options.outputPath, "pagefind-entry.json"), JSON.stringify(entry));
  if (options.withScripts) {
    for (const file of readdirSync(bundleDir, { withFileTypes: true })) {
      if (file.isFile() && !file.name.endsWith(".pf_meta") && file.name !== "pagefind-entry.json")
        cpSync(path.join(bundleDir, file.name), path.join(options.outputPath, file.name));
    }
  }
  return { indexedUrls };
}

/** Languages whose text Pagefind's extended build segments into words (so its positions are not tokens between spaces): `should_segment` in pagefind/src/fossick/mod.rs. */
const SEGMENTED_LANGUAGES = new Set(["zh", "ja"]);

/** Numbers as Pagefind's sort reads them (`parse_int_sort`, `parse_float_sort` in pagefind/src/index/mod.rs); such a sort is left to Pagefind. */
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$|^[+-]?(inf|infinity|nan)$/i;

/**
 * Rust orders strings by their UTF-8 bytes. JavaScript's `<` orders UTF-16 code units, which
 * agrees unless a string holds a surrogate or a character from U+E000 to U+FFFF.
 */
function byBytes(a: string, b: string): number {
  if (a === b) return 0;
  if (!BEYOND_AGREEMENT.test(a) && !BEYOND_AGREEMENT.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
const BEYOND_AGREEMENT = /[\ud800-\uffff]/;

/** A page's fragment, the JSON of `PageFragmentData` (pagefind/src/fragments/mod.rs), keys sorted. */
function fragmentOf(record: SearchRecord, wordCount: number, content: string) {
  const sortedKeys = <T>(object: Record<string, T>) =>
    Object.fromEntries(
      Object.keys(object)
        .sort(byBytes)
        .map((key) => [key, object[key]]),
    );
  return {
    url: record.url,
    content,
    word_count: wordCount,
    filters: sortedKeys(record.filters),
    meta: sortedKeys(record.meta),
    anchors: [],
  };
}

/** Words in order, cut into chunks of about CHUNK_LOCATIONS locations, as `chunk_index` in pagefind/src/index/mod.rs cuts them. */
function* chunked(words: IndexedWord[]): Generator<IndexedWord[]> {
  let chunk: IndexedWord[] = [];
  let size = 0;
  for (const word of words) {
    size += locationsOf(word);
    chunk.push(word);
    if (size >= CHUNK_LOCATIONS) {
      yield chunk;
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The shortest beginning of a chunk's first word that tells it from the previous chunk's last: `get_prefixes` in pagefind/src/index/mod.rs. */
function shortestDistinctBeginning(first: string, previousLast: string): string {
  const a = Array.from(first);
  const b = Array.from(previousLast);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return a.slice(0, common + 1).join("");
}
