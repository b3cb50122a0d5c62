import slugifyAscii from "@sindresorhus/slugify";

const options = { decamelize: false, customReplacements: [["'", ""], ["’", ""]] as [string, string][] };

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
  if (slug === undefined) cache.set(text, (slug = slugifyWords(text)));
  return slug;
}

// Names and topics recur on thousands of stories; each is worked out once.
const cache = new Map<string, string>();

function slugifyWords(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => slugifyAscii(word, options) || unicodeSlug(word))
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
