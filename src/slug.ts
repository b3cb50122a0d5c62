import slugifyAscii from "@sindresorhus/slugify";

/**
 * The one way this archive turns a title, a name or a topic into a URL segment.
 *
 * ASCII transliteration first ("José" → "jose", "AT&T" → "at-and-t"); camel case is kept
 * together ("McRae" → "mcrae", "5G" → "5g") so names stay readable. Scripts with no Latin
 * transliteration (Hebrew, Chinese) keep their own letters rather than collapsing to "".
 */
export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) slugs.set(text, (slug = slugifyUncached(text)));
  return slug;
}

/**
 * Every byline and topic is slugified many times a build (grouping, each story page, each list,
 * the build's own checks), and transliteration is costly: each distinct text is slugified once.
 */
const slugs = new Map<string, string>();

function slugifyUncached(text: string): string {
  const ascii = slugifyAscii(text, { decamelize: false, customReplacements: [["'", ""], ["’", ""]] });
  if (ascii !== "") return ascii;
  const unicode = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return unicode;
}
