/**
 * Just enough HTML reading for assertions on built pages: what a reader sees (text with entities
 * decoded) and where links go. Regular expressions over our own, well-formed output; not a parser.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** The text a reader sees: tags dropped, entities decoded, runs of white space made one space. */
export function textContent(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

/** The inner HTML of every `<tag …>…</tag>` (elements of that tag must not nest). */
export function elements(html: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "gi");
  return [...html.matchAll(pattern)].map((match) => match[1]);
}

/** The text of every `<tag>`: e.g. every paragraph of a page as a reader reads it. */
export function texts(html: string, tag: string): string[] {
  return elements(html, tag).map(textContent);
}

/** The page's one `<main>`; the header, navigation and footer around it are the same on every page. */
export function mainOf(html: string): string {
  const found = elements(html, "main");
  if (found.length !== 1) throw new Error(`expected one <main> in the page, found ${found.length}`);
  return found[0];
}

export interface Link {
  href: string;
  text: string;
}

/** Every `<a href>`, with its href as written (entities decoded) and its text. */
export function links(html: string): Link[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi)].map((match) => ({
    href: decodeEntities(match[1]),
    text: textContent(match[2]),
  }));
}

/** Every value of an attribute in the page (href, src, action…), entities decoded. */
export function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, "gi"))].map((match) => decodeEntities(match[1]));
}

/**
 * The part of the page under the heading with this text: from the heading to the end of the
 * `<section>` that holds it, or undefined when no heading says it.
 */
export function sectionHeaded(html: string, heading: string): string | undefined {
  for (const match of html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi)) {
    if (textContent(match[2]) !== heading) continue;
    const start = match.index! + match[0].length;
    const end = html.indexOf("</section>", start);
    return html.slice(start, end === -1 ? undefined : end);
  }
  return undefined;
}

/** The text of the innermost paragraph, list item or heading holding the first match of `pattern`. */
export function textAround(html: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(html);
  if (!match) return undefined;
  const openings = [...html.slice(0, match.index).matchAll(/<(p|li|h[1-6]|div|dd|td)(?:\s[^>]*)?>/gi)].reverse();
  for (const opening of openings) {
    const close = html.indexOf(`</${opening[1]}>`, opening.index! + opening[0].length);
    if (close > match.index) return textContent(html.slice(opening.index! + opening[0].length, close));
  }
  return undefined;
}
