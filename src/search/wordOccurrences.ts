/**
 * Where each word of a search index occurs, and how Pagefind 1.6's script reads that from an
 * index chunk. Kept as flat lists of numbers appended page after page: a shard of 10,000
 * stories holds millions of occurrences, which objects per page would make the garbage
 * collector's main work.
 */
import type { CborWriter } from "./pagefindFormat.ts";

/**
 * Numbers in threes, counted first, then filled: a list of exactly its size outside the
 * JavaScript heap, where lists grown by `push` were copied as they grew and then by the garbage
 * collector (issue 19).
 */
export class Triples {
  list: Int32Array = new Int32Array(0);
  private filled = 0;

  /** First pass: one more triple. */
  count(): void {
    this.filled += 3;
  }

  /** How many numbers `allocate` needs room for. */
  get counted(): number {
    return this.filled;
  }

  /**
   * Between the passes: room for every triple counted, in `room` from `at` on; returns where the
   * next list's room begins. One list for every word of a shard, where a list each (about 15,000
   * of them a shard of 1,000 stories) cost more to allocate than to fill.
   */
  allocate(room: Int32Array, at: number): number {
    this.list = room.subarray(at, at + this.filled);
    this.filled = 0;
    return at + this.list.length;
  }

  /** Second pass: the triples, in the order counted. */
  add(first: number, second: number, third: number): void {
    const at = this.filled;
    this.list[at] = first;
    this.list[at + 1] = second;
    this.list[at + 2] = third;
    this.filled = at + 3;
  }
}

/** The places one word (or one accented variant of it) occurs, pages in index order. */
export class Occurrences {
  /** (page, weight, position) triples in the text. */
  readonly text = new Triples();
  /** (page, field, position) triples in the metadata, fields in index order. */
  readonly meta = new Triples();
}

export interface IndexedWord {
  word: string;
  occurrences: Occurrences;
  /** Accented forms of the word, by their spelling, in UTF-8 byte order once `sortVariants` ran. */
  variants: Map<string, Occurrences>;
}

/**
 * A word as Pagefind's script reads it: the word, its pages, then each accented variant and
 * its pages. A page is its number (as a step from the previous page's), its positions in the
 * text grouped by weight (lightest first; each group opened by -(weight + 1), its positions
 * given as steps from the previous), then the same for the metadata, by field: `PackedWord` in
 * pagefind/src/index/index_words.rs, weights as `weighted_positions` in pagefind/src/index/mod.rs.
 */
export function writeWord(cbor: CborWriter, word: IndexedWord): void {
  cbor.array(3);
  cbor.text(word.word);
  writePages(cbor, word.occurrences);
  cbor.array(word.variants.size);
  for (const [variant, occurrences] of word.variants) {
    cbor.array(2);
    cbor.text(variant);
    writePages(cbor, occurrences);
  }
}

/** What a word counts towards the size of its index chunk: for each page (and variant page), its encoded locations and one more. */
export function locationsOf(word: IndexedWord): number {
  let locations = 0;
  for (const occurrences of [word.occurrences, ...word.variants.values()]) {
    forEachPage(occurrences, (_page, text, meta) => {
      locations += text.length / 2 + groupCount(text) + meta.length / 2 + groupCount(meta) + 1;
    });
  }
  return locations;
}

export function sortVariants(word: IndexedWord, byBytes: (a: string, b: string) => number): void {
  if (word.variants.size < 2) return;
  const sorted = [...word.variants].sort(([a], [b]) => byBytes(a, b));
  word.variants.clear();
  for (const [variant, occurrences] of sorted) word.variants.set(variant, occurrences);
}

function writePages(cbor: CborWriter, occurrences: Occurrences): void {
  let pages = 0;
  forEachPage(occurrences, () => pages++);
  cbor.array(pages);
  let previous = 0;
  forEachPage(occurrences, (page, text, meta) => {
    cbor.array(3);
    cbor.integer(page - previous);
    previous = page;
    writeGroups(cbor, text);
    writeGroups(cbor, meta);
  });
}

/**
 * Calls `visit` for each page in order with its (group, position) pairs: the text's ordered by
 * weight, lightest first, in the order found within a weight; the metadata's as found.
 */
function forEachPage(occurrences: Occurrences, visit: (page: number, text: number[], meta: number[]) => void): void {
  const text = occurrences.text.list;
  const meta = occurrences.meta.list;
  let t = 0;
  let m = 0;
  while (t < text.length || m < meta.length) {
    const page = Math.min(t < text.length ? text[t] : Infinity, m < meta.length ? meta[m] : Infinity);
    const textPairs: number[] = [];
    for (; t < text.length && text[t] === page; t += 3) textPairs.push(text[t + 1], text[t + 2]);
    const metaPairs: number[] = [];
    for (; m < meta.length && meta[m] === page; m += 3) metaPairs.push(meta[m + 1], meta[m + 2]);
    visit(page, byGroup(textPairs), metaPairs);
  }
}

function byGroup(pairs: number[]): number[] {
  let mixed = false;
  for (let i = 2; i < pairs.length && !mixed; i += 2) mixed = pairs[i] !== pairs[0];
  if (!mixed) return pairs;
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => pairs[2 * a] - pairs[2 * b] || a - b);
  return order.flatMap((i) => [pairs[2 * i], pairs[2 * i + 1]]);
}

function groupCount(pairs: number[]): number {
  let groups = 0;
  for (let i = 0; i < pairs.length; i += 2) if (i === 0 || pairs[i] !== pairs[i - 2]) groups++;
  return groups;
}

function writeGroups(cbor: CborWriter, pairs: number[]): void {
  cbor.array(pairs.length / 2 + groupCount(pairs));
  let previous = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (i === 0 || pairs[i] !== pairs[i - 2]) {
      cbor.integer(-1 - pairs[i]);
      previous = 0;
    }
    cbor.integer(pairs[i + 1] - previous);
    previous = pairs[i + 1];
  }
}
