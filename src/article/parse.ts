import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { Problem } from "../problems.ts";
import { readFrontMatter, type StoryFrontMatter } from "./schema.ts";
import { cacheKey, type ParseCache } from "../archive/parseCache.ts";

/** One story file once read: typed front matter and the Markdown body, with where each came from. */
export interface ParsedStoryFile {
  frontMatter: StoryFrontMatter;
  /** The Markdown after the front matter; "" for a reference-only story. */
  body: string;
  /** 1-based line of the file on which the body starts, so body problems can name their line. */
  bodyStartLine: number;
  /** 1-based line of each front matter field, for messages about it. */
  fieldLines: Record<string, number>;
}

export type ParseResult = { ok: true; story: ParsedStoryFile } | { ok: false; problems: Problem[] };

const FENCE = /^---[ \t]*$/;

/**
 * Turns the bytes of one story file into typed front matter and body, or into every problem
 * found in it. `file` is only used to name the file in problems.
 */
/** With a cache, front matter parsed in an earlier build is read from `read`, and all used is put in `write`. */
export interface ParseCacheUse {
  read: ParseCache;
  write: ParseCache;
}

export function parseStoryFile(bytes: Uint8Array, file: string, timeZone: string, cache?: ParseCacheUse): ParseResult {
  const fail = (line: number | undefined, message: string, hint: string): ParseResult => ({
    ok: false,
    problems: [{ file, line, message, hint }],
  });

  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
    return fail(line, "the file is not valid UTF-8", "save it as UTF-8 text (most editors offer this under Save As… or Encoding)");
  }
  // An editor on Windows may save a byte-order mark and CRLF line ends; both mean nothing here.
  const source = decoded.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") return fail(undefined, "the file is empty", "a story starts with front matter between two --- lines; see README, The article format");

  const lines = source.split("\n");
  if (!FENCE.test(lines[0])) return fail(1, "the file does not start with front matter", "put a line --- first, then title: and date:, then another line ---");
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) return fail(1, "the front matter opened on line 1 is never closed", "add a line --- after the last field");

  const yamlText = lines.slice(1, closing).join("\n");
  const key = cache ? cacheKey(yamlText) : undefined;
  let yaml = key === undefined ? undefined : cache!.read.frontMatter.get(key);
  if (!yaml) {
    const parsed = parseYaml(yamlText, file);
    if (!parsed.ok) return parsed;
    yaml = parsed;
  }
  if (key !== undefined) cache!.write.frontMatter.set(key, { data: yaml.data, fieldLines: yaml.fieldLines });
  const { fieldLines } = yaml;
  // readFrontMatter must not change the cached data, which another build may read again.
  const data = key === undefined ? yaml.data : structuredClone(yaml.data);
  const { frontMatter, problems } = readFrontMatter(data, { timeZone });
  if (!frontMatter) {
    return {
      ok: false,
      problems: problems.map((problem) => ({
        file,
        line: fieldLines[problem.field] ?? 1,
        message: problem.message,
        hint: problem.hint,
      })),
    };
  }
  const afterFence = lines.slice(closing + 1);
  const firstTextLine = Math.max(0, afterFence.findIndex((line) => line.trim() !== ""));
  const body = afterFence.slice(firstTextLine).join("\n").trimEnd();
  const bodyStartLine = closing + 2 + firstTextLine;
  return { ok: true, story: { frontMatter, body, bodyStartLine, fieldLines } };
}

function parseYaml(yamlText: string, file: string): { ok: true; data: Record<string, unknown>; fieldLines: Record<string, number> } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line: position.line + 1,
          message: `front matter is not valid YAML: ${error.message.split("\n")[0]}`,
          hint: 'check the quotes and colons on this line; a title with ": " in it must be quoted: title: "A: B"',
        };
      }),
    };
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents))
    return { ok: false, problems: [{ file, line: 2, message: "front matter is not a list of fields", hint: "write one field a line, as title: …" }] };

  const fieldLines: Record<string, number> = {};
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && pair.key.range) fieldLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + 1;
    }
  }
  return { ok: true, data: (document.toJS() ?? {}) as Record<string, unknown>, fieldLines };
}
