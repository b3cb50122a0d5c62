/**
 * Which words Pagefind indexes for a token (a run of text between spaces): its lower-cased,
 * stemmed form without punctuation, its parts at a fraction of the weight ("news-archive's"
 * gives "newsarch", "news" and "archiv"), accented forms as variants of the plain word. These
 * rules are Pagefind's own, so rather than copy them they are asked of Pagefind: every
 * distinct token a shard holds (that an earlier build did not ask about, see WordsMemo) goes to
 * Pagefind's indexer once, as one record, token after token, and where each word lands says
 * which token it came from. That run's bundle also gives the scripts, styles and WebAssembly of
 * the Pagefind version installed.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import * as pagefind from "pagefind";
import { entryIntact, sealEntry } from "../cacheIntegrity.ts";
import { writeFileWhole, writeFolderWhole } from "../writeWhole.ts";
import { decodeCbor, unpackFile, type CborValue } from "./pagefindFormat.ts";

/** One word a token gives: the word indexed, its accented original if any, and its weight (24 is a whole word: `weight_multiplier` in pagefind/src/fossick/mod.rs). */
export interface WordOfToken {
  word: string;
  variant?: string;
  weight: number;
}

/** Pagefind's text between spaces: Rust's `split_whitespace` in `parse_digest` (pagefind/src/fossick/mod.rs), whose spaces differ from JavaScript's `\s`. */
export const PAGEFIND_SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** Tokens Pagefind reads as instructions (weights, anchors) rather than text: `track_word` in pagefind/src/fossick/mod.rs. */
export const isPagefindInstruction = (token: string) => token.startsWith("___PAGEFIND_") || token.startsWith("___END_PAGEFIND_");

/**
 * What an earlier indexing of a shard learned, kept between builds: a shard indexed again (the
 * newest year, after each story added) asks Pagefind only about the tokens new to it, or, with
 * none new, does not start Pagefind at all (a few tenths of a second of a rebuild). Each file is
 * the build's own for one code and Pagefind version (see writeSearchShards).
 */
export interface WordsMemo {
  /** The words of each token of the shard, as last indexed. */
  words: string;
  /** A bundle of Pagefind's (scripts, styles, WebAssembly, pagefind-entry.json). */
  bundle: string;
}

/**
 * What an indexing process has learned from Pagefind so far, by language and token, for the
 * next shard it indexes: a token's words depend on the token, the language and Pagefind's
 * version alone, and small shards share most of their words (at 10,000 stories in 1,000-story
 * shards, the 13 shards asked about 191,000 tokens apart and 41,000 so; issue 19).
 */
export type LearnedWords = Map<string, Map<string, WordOfToken[]>>;

/**
 * For each token, in order, the words it gives. A Pagefind bundle is left in `bundleDir`: its
 * scripts, styles, WebAssembly and pagefind-entry.json.
 */
export async function learnTokenWords(
  tokens: readonly string[],
  language: string,
  bundleDir: string,
  memo?: WordsMemo,
  learnedBefore?: LearnedWords,
): Promise<WordOfToken[][]> {
  const memoIntact = memo !== undefined && entryIntact(memo.words) && entryIntact(memo.bundle);
  const known =
    // A memo damaged since it was written (see cacheIntegrity.ts) is removed and learned again.
    memoIntact ? (deserialize(readFileSync(memo.words)) as Map<string, WordOfToken[]>) : new Map<string, WordOfToken[]>();
  let learnedInLanguage = learnedBefore?.get(language);
  if (learnedBefore && !learnedInLanguage) learnedBefore.set(language, (learnedInLanguage = new Map()));
  if (learnedInLanguage)
    for (const token of tokens) {
      const words = known.has(token) ? undefined : learnedInLanguage.get(token);
      if (words) known.set(token, words);
    }
  const unknown = tokens.filter((token) => !known.has(token));
  if (memoIntact && unknown.length === 0) cpSync(memo.bundle, bundleDir, { recursive: true });
  else {
    // Pagefind writes the bundle (scripts, WebAssembly) only when asked about something.
    const asked = unknown.length > 0 ? unknown : tokens.slice(0, 1);
    const learned = await askPagefind(asked, language, bundleDir);
    asked.forEach((token, position) => known.set(token, learned[position]));
    if (learnedInLanguage) asked.forEach((token, position) => learnedInLanguage.set(token, learned[position]));
    if (memo && !existsSync(memo.bundle))
      writeFolderWhole(memo.bundle, (partial) => {
        cpSync(bundleDir, partial, { recursive: true, filter: (source) => !/\.pf_meta$|\/(index|fragment|filter)$/.test(source) });
        // Sealed before it takes its name: another indexing process may look at it at once.
        sealEntry(partial, memo.bundle);
      });
  }
  const words = tokens.map((token) => known.get(token)!);
  if (memo) {
    writeFileWhole(memo.words, serialize(new Map(tokens.map((token, position) => [token, words[position]]))));
    sealEntry(memo.words);
  }
  return words;
}

/** Pagefind's words for each token, by indexing them as one record; its bundle is left in `bundleDir`. */
async function askPagefind(tokens: readonly string[], language: string, bundleDir: string): Promise<WordOfToken[][]> {
  const words: WordOfToken[][] = tokens.map(() => []);
  const created = await pagefind.createIndex({ forceLanguage: language });
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const added = await created.index.addCustomRecord({ url: "/", content: tokens.join(" "), language, meta: {} });
  if (added.errors.length > 0) throw new Error(`Pagefind could not read the archive's words: ${added.errors.join("; ")}`);
  const written = await created.index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the archive's words: ${written.errors.join("; ")}`);
  await created.index.deleteIndex();
  const indexDir = path.join(bundleDir, "index");
  for (const name of existsSync(indexDir) ? readdirSync(indexDir) : []) {
    const [entries] = decodeCbor(unpackFile(readFileSync(path.join(indexDir, name)))) as [CborValue[]];
    for (const [word, pages, variants] of entries as [string, CborValue[], [string, CborValue[]][]][]) {
      for (const [weight, position] of positionsOf(pages)) words[position].push({ word, weight });
      for (const [variant, variantPages] of variants) {
        for (const [weight, position] of positionsOf(variantPages)) words[position].push({ word, variant, weight });
      }
    }
  }
  return words;
}

/** The (weight, position) pairs of the one page's locations: see `encodeLocations` in writePagefindIndex.ts. */
function positionsOf(pages: CborValue[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const [, locations] of pages as [number, number[], number[]][]) {
    let weight = 0;
    let position = 0;
    for (const location of locations) {
      if (location < 0) {
        weight = -1 - location;
        position = 0;
      } else {
        position += location;
        found.push([weight, position]);
      }
    }
  }
  return found;
}
