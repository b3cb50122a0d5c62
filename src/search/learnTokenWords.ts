/**
 * Which words Pagefind indexes for a token (a run of text between spaces): its lower-cased,
 * stemmed form without punctuation, its parts at a fraction of the weight ("news-archive's"
 * gives "newsarch", "news" and "archiv"), accented forms as variants of the plain word. These
 * rules are Pagefind's own, so rather than copy them they are asked of Pagefind: every
 * distinct token a shard holds goes to Pagefind's indexer once, as one record, token after
 * token, and where each word lands says which token it came from. That run's bundle also
 * gives the scripts, styles and WebAssembly of the Pagefind version installed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { decodeCbor, unpackFile, type CborValue } from "./pagefindFormat.ts";

/** One word a token gives: the word indexed, its accented original if any, and its weight (24 is a whole word). */
export interface WordOfToken {
  word: string;
  variant?: string;
  weight: number;
}

/** Pagefind's text between spaces: Rust's `split_whitespace`, whose spaces differ from JavaScript's `\s`. */
export const PAGEFIND_SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** Tokens Pagefind reads as instructions (weights, anchors) rather than text. */
export const isPagefindInstruction = (token: string) => token.startsWith("___PAGEFIND_") || token.startsWith("___END_PAGEFIND_");

/**
 * For each token, in order, the words it gives. Pagefind's whole bundle for that one record is
 * left in `bundleDir`: its scripts, styles, WebAssembly and pagefind-entry.json.
 */
export async function learnTokenWords(tokens: readonly string[], language: string, bundleDir: string): Promise<WordOfToken[][]> {
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
