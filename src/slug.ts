import slugifyAscii from "@sindresorhus/slugify";

const options = {
  decamelize: false,
  customReplacements: [
    ["'", ""],
    ["’", ""],
  ] as [string, string][],
};

/**
 * The one way this archive turns a title, a name or a topic into a URL segment.
 *
 * ASCII transliteration first ("José" → "jose", "AT&T" → "at-and-t"); camel case is kept
 * together ("McRae" → "mcrae", "5G" → "5g") so names stay readable. Words in scripts with no
 * Latin transliteration (Hebrew, Chinese) keep their own letters rather than vanishing, so
 * "5G בישראל" and "5G באירופה" get different addresses.
 */
export function slugify(text: string): string {
  let slug = cache.get(text);
  if (slug === undefined) cache.set(text, (slug = shortened(slugifyWords(text))));
  return slug;
}

/**
 * A slug names a folder of the site and a story's file, and file systems refuse names over 255
 * bytes: a 300-character headline would fail the build. Longer slugs end at the last whole word
 * within this many UTF-8 bytes (a byte count, since Hebrew or Chinese letters take two or three).
 */
export const MAX_SLUG_BYTES = 100;

function shortened(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  let kept = "";
  for (const word of slug.split("-")) {
    const longer = kept === "" ? word : `${kept}-${word}`;
    if (Buffer.byteLength(longer) > MAX_SLUG_BYTES) break;
    kept = longer;
  }
  if (kept !== "") return kept;
  // One word longer than the limit: as many of its characters as fit.
  for (const character of slug) {
    if (Buffer.byteLength(kept + character) > MAX_SLUG_BYTES) break;
    kept += character;
  }
  return kept;
}

// Names and topics recur on thousands of stories; each is worked out once.
const cache = new Map<string, string>();

// Headlines are unique, their words are not: each word is transliterated once.
const wordCache = new Map<string, string>();

function slugifyWord(word: string): string {
  let slug = wordCache.get(word);
  if (slug === undefined) {
    const spoken = word.replace(TRAILING_SYMBOLS, (_, letter: string, symbols: string) => `${letter}${SPOKEN_SYMBOLS[symbols]}`);
    wordCache.set(word, (slug = slugifyAscii(spoken, options) || unicodeSlug(word)));
  }
  return slug;
}

/**
 * "C", "C++" and "C#" are three topics (issue 22): a `+` or `#` ending a word after a letter
 * is said as a word, as people say it, instead of being dropped ("C++" → "c-plus-plus").
 */
const TRAILING_SYMBOLS = /(\p{L})(\+\+|\+|#)(?=[^\p{L}\p{N}]*$)/u;
const SPOKEN_SYMBOLS: Record<string, string> = { "++": " plus plus", "+": " plus", "#": " sharp" };

function slugifyWords(text: string): string {
  return text
    .split(/\s+/)
    .map(slugifyWord)
    .filter((part) => part !== "")
    .join("-");
}

function unicodeSlug(word: string): string {
  return word
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
