import { MAX_SLUG_BYTES, slugify } from "./slug.ts";

/**
 * What a slug may be, so that every story that builds is reachable (issue 22): it names a folder
 * of the site on the build's disk, on the host's, and on an editor's Windows or macOS checkout.
 *
 * Allowed: letters and digits of any script (with their combining marks, which Hindi or Thai
 * words need), in words joined by single hyphens or underscores, within MAX_SLUG_BYTES. That is
 * what `slugify` makes of a title, plus capitals and underscores an older site's addresses may
 * have. Each such character is sent as itself in a URL path and is legal in a file name on every
 * common file system; everything else (a dot, `%`, `/`, `\`, spaces, control characters,
 * punctuation) is either decoded by a browser or server into something else (`%2e%2e` is `..`),
 * hidden (`.name`), a folder separator, or refused by some file system.
 */
const SLUG_SHAPE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-_][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*$/u;

/** Device names Windows reserves in every folder, with or without an extension, in any case. */
const RESERVED_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$/i;

/**
 * The address segment of an author's or a topic's pages. A name whose slug is a device name
 * Windows reserves (a topic "Aux", an author "Con") gets its kind after it ("aux-topic"), since
 * no folder can be called "aux" on an editor's Windows checkout and the name, unlike a story's
 * title, has no `slug:` field to choose another (issue 22).
 */
export function nameSlug(name: string, kind: "author" | "topic"): string {
  const slug = slugify(name);
  return RESERVED_NAME.test(slug) ? `${slug}-${kind}` : slug;
}

/** Why `slug` cannot name a story's folder, as the end of a sentence; undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (slug === "") return "has no letters or digits";
  if (slug === "." || slug === "..") return "names this folder or the one above it, not a story's";
  if (slug.startsWith(".")) return "starts with a dot: a hidden file, which many hosts refuse to serve";
  if (slug.includes("%")) return 'holds "%", which a browser decodes as an escape ("%2e%2e" is "..")';
  if (/[/\\]/.test(slug)) return 'holds "/" or "\\", which separate folders';
  if (RESERVED_NAME.test(slug))
    return `is a device name Windows reserves (${slug.split(".")[0].toUpperCase()}): no folder can be called so`;
  if (/[. ]$/.test(slug)) return "ends with a dot or a space, which Windows drops from a folder name";
  const bytes = Buffer.byteLength(slug);
  if (bytes > MAX_SLUG_BYTES) return `is ${bytes} bytes long, more than the ${MAX_SLUG_BYTES} a folder name of the archive may have`;
  if (!SLUG_SHAPE.test(slug)) {
    const odd = [...slug].find((character) => !/[\p{L}\p{M}\p{N}_-]/u.test(character));
    return odd === undefined
      ? "has a hyphen or underscore at its start or end, or two together"
      : `holds ${describeCharacter(odd)}, and a slug holds only letters, digits, and hyphens or underscores between words`;
  }
  return undefined;
}

function describeCharacter(character: string): string {
  if (character === " ") return "a space";
  const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(character) ? `"${character}" (${code})` : code;
}
