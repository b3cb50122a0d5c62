/**
 * Wire copy is plain text, but a story body is Markdown: an asterisk, an underscore, "<b>" or
 * "&amp;" in a wire line would otherwise turn into emphasis, a link or a character. This escapes
 * one line of text so markdown-it (html off, linkify off, typographer off, as the archive renders
 * bodies) shows exactly that text, and nothing more is escaped than needed to keep the Markdown
 * file readable: "AT&T", "US & Australia", "$50B", "BT's", "Huawei/ZTE: The Verdict" stay as typed.
 *
 * The text is one line without leading or trailing blanks (Markdown drops those anyway). It may
 * start a block (a paragraph, a list item) or sit inside one, for instance as a link's text.
 */

/** Characters that start an inline construct wherever they are: escape, code span, emphasis, strikethrough, link, autolink. */
const INLINE = /[\\`*_~[\]<]/g;

/** "&" only matters when it starts something markdown-it would read as a character reference (its entity rule). */
const CHARACTER_REFERENCE = /&(?=#x[0-9a-f]{1,6};|#[0-9]{1,7};|[a-z][a-z0-9]{1,31};)/gi;

/**
 * Openings of a line that make a block instead of a paragraph: an ATX heading ("# "), a block
 * quote (">"), a bullet list ("- ", "+ "; "*" is already escaped), an ordered list ("1. ", "1) "),
 * a thematic break ("---"). Fences need ``` or ~~~, already escaped; indented code and setext
 * headings need leading blanks or a second line, which one trimmed line never has. A table needs a
 * delimiter row on a second line too, so "|" is left alone.
 */
const BLOCK_OPENING: [RegExp, (match: string) => string][] = [
  [/^#{1,6}(?=[ \t]|$)/, (hashes) => `\\${hashes}`],
  [/^>/, () => "\\>"],
  [/^[-+](?=[ \t]|$)/, (marker) => `\\${marker}`],
  [/^-(?=(?:[ \t]*-){2,}[ \t]*$)/, () => "\\-"],
  [/^(\d{1,9})([.)])(?=[ \t]|$)/, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`],
];

/** Escapes one line of plain text for use anywhere in a Markdown line, including at its start. */
export function escapeMarkdown(text: string): string {
  if (/[\r\n]/.test(text)) throw new RangeError(`escapeMarkdown takes one line of text, received ${JSON.stringify(text)}`);
  const inline = text.replace(INLINE, "\\$&").replace(CHARACTER_REFERENCE, "\\&");
  for (const [pattern, escape] of BLOCK_OPENING) {
    const match = pattern.exec(inline);
    if (match) return escape(match[0]) + inline.slice(match[0].length);
  }
  return inline;
}
