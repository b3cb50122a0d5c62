/**
 * Front matter in the plain shape our commands write and newsrooms copy (`key: "text"`,
 * `key: text`, `key: ["a", "b"]`, and a list of `- name: …` / `role: …` maps), read without a
 * YAML parser: on a large archive the parser was a third of reading the stories. Anything
 * outside that shape (comments, blank lines, other escapes, numbers, flow maps, odd indentation,
 * a repeated key…) is declined, and the caller reads the text with `yaml`, whose results these
 * equal wherever they are given (a test compares both on generated archives and awkward text).
 */

/** The fields as YAML would give them, and the line of the file (front matter from line 2) of each. */
export interface PlainFrontMatter {
  data: Record<string, unknown>;
  fieldLines: Record<string, number>;
}

const FIELD = /^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/;
const ITEM = /^( +)- (.*)$/;
const QUOTED = /^"(?:[^"\\\t]|\\.)*"$/;
// A plain scalar that YAML's core schema reads as text: no indicator first, no comment, no
// ": ", no flow brackets, no tab; and not a number or null (checked below; booleans are read).
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:\t[\]{}]|:(?! |$))*$/;
const NOT_TEXT =
  /^(?:~|null|Null|NULL|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const BOOLEAN: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
const TRAILING_SPACE = /[ \t]+$/;
const DECLINED = Symbol("declined");

/** `frontMatter`: its lines, between the fences. Undefined when the shape is not plain. */
export function readPlainFrontMatter(frontMatter: readonly string[]): PlainFrontMatter | undefined {
  // Spaces and tabs at the end of a line are no part of its value.
  const lines = frontMatter.map((line) => line.replace(TRAILING_SPACE, ""));
  const data: Record<string, unknown> = {};
  const fieldLines: Record<string, number> = {};
  for (let index = 0; index < lines.length;) {
    const field = FIELD.exec(lines[index]);
    if (!field || Object.hasOwn(data, field[1]) || field[1] === "__proto__") return undefined;
    const [, key, rest] = field;
    fieldLines[key] = index + 2;
    index++;
    if (rest !== undefined) {
      const value = rest.startsWith("[") ? flowList(rest) : scalar(rest);
      if (value === DECLINED) return undefined;
      data[key] = value;
      continue;
    }
    const items: unknown[] = [];
    let indent: string | undefined;
    for (let item = ITEM.exec(lines[index] ?? ""); item && (indent ?? item[1]) === item[1]; item = ITEM.exec(lines[index] ?? "")) {
      indent = item[1];
      index++;
      const entry = FIELD.exec(item[2]);
      if (!entry) {
        const value = scalar(item[2]);
        if (value === DECLINED) return undefined;
        items.push(value);
        continue;
      }
      // A map: its first key on the item's line, the others below it, aligned with it.
      const map: Record<string, unknown> = {};
      const inner = `${indent}  `;
      for (let pair: RegExpExecArray | null = entry; pair;) {
        const value = pair[2] === undefined ? DECLINED : scalar(pair[2]);
        if (value === DECLINED || Object.hasOwn(map, pair[1]) || pair[1] === "__proto__") return undefined;
        map[pair[1]] = value;
        const next = lines[index];
        pair = next !== undefined && next.startsWith(inner) && next[inner.length] !== " " ? FIELD.exec(next.slice(inner.length)) : null;
        if (pair) index++;
      }
      items.push(map);
    }
    if (indent === undefined) return undefined; // `key:` alone is null, or a block this does not read.
    data[key] = items;
  }
  return { data, fieldLines };
}

function scalar(text: string): unknown {
  if (text.startsWith('"')) {
    if (!QUOTED.test(text)) return DECLINED;
    try {
      // YAML's double-quoted escapes include every escape of JSON, with the same meaning.
      return JSON.parse(text) as string;
    } catch {
      return DECLINED;
    }
  }
  if (Object.hasOwn(BOOLEAN, text)) return BOOLEAN[text];
  return PLAIN.test(text) && !NOT_TEXT.test(text) && text.trimEnd() === text ? text : DECLINED;
}

/** `["a", "b", plain]` on one line. */
function flowList(text: string): unknown {
  if (!text.endsWith("]")) return DECLINED;
  const inside = trimSpaces(text.slice(1, -1));
  if (inside === "") return [];
  const items: unknown[] = [];
  for (const part of splitFlowItems(inside)) {
    // A plain item holds no comma: one here was inside a quote opened in the middle of an item.
    const value = !part.startsWith('"') && part.includes(",") ? DECLINED : scalar(part);
    if (value === DECLINED) return DECLINED;
    items.push(value);
  }
  return items;
}

/** The items between `[` and `]`, split at commas outside quotes, each trimmed. */
function splitFlowItems(inside: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < inside.length; index++) {
    const char = inside[index];
    if (quoted) {
      if (char === "\\") index++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      parts.push(trimSpaces(inside.slice(start, index)));
      start = index + 1;
    }
  }
  parts.push(trimSpaces(inside.slice(start)));
  return parts;
}

/** Spaces and tabs only: YAML keeps other white space (no-break spaces, separators) as text. */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, "");
}
