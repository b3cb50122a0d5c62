/** One line of wire copy, trimmed, with the 1-based line of the file it came from. */
export interface WireLine {
  line: number;
  text: string;
}

/** A paragraph (one line of the wire copy) or a run of "- " lines. */
export type WireBlock = ({ kind: "paragraph" } & WireLine) | { kind: "list"; items: WireLine[] };

/** "— Name, Role, Publication" from the last line; role and publication may be missing. */
export interface WireByline {
  line: number;
  name: string;
  role?: string;
  publication?: string;
}

export interface WireCopy {
  blocks: WireBlock[];
  byline?: WireByline;
}

const LIST_MARKER = /^- /;
const BYLINE_MARKER = /^—\s*/;

/**
 * Reads plain-text wire copy as the agencies send it: one paragraph a line (blank lines mean
 * nothing), "- " lines forming a list, and a closing "— Name, Role, Publication" line that is the
 * byline, not part of the story. A byte-order mark and Windows line ends are accepted.
 */
export function parseWireCopy(text: string): WireCopy {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter((line) => line.text !== "");

  let byline: WireByline | undefined;
  const last = lines.at(-1);
  if (last && BYLINE_MARKER.test(last.text)) {
    byline = readByline(last);
    if (byline) lines.pop();
  }

  const blocks: WireBlock[] = [];
  for (const line of lines) {
    if (LIST_MARKER.test(line.text)) {
      const item = { line: line.line, text: line.text.replace(LIST_MARKER, "").trim() };
      const previous = blocks.at(-1);
      if (previous?.kind === "list") previous.items.push(item);
      else blocks.push({ kind: "list", items: [item] });
    } else {
      blocks.push({ kind: "paragraph", ...line });
    }
  }
  return { blocks, byline };
}

/**
 * "Name, Role, Publication". With more than three parts the first is the name, the last the
 * publication and the rest the role ("Senior Editor, Europe"), since names and outlets rarely hold a
 * comma and job titles often do.
 */
function readByline({ line, text }: WireLine): WireByline | undefined {
  const parts = text
    .replace(BYLINE_MARKER, "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return undefined;
  const [name, ...rest] = parts;
  const byline: WireByline = { line, name };
  if (rest.length === 1) byline.role = rest[0];
  if (rest.length >= 2) {
    byline.role = rest.slice(0, -1).join(", ");
    byline.publication = rest.at(-1);
  }
  return byline;
}
