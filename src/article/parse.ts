import { createHash } from "node:crypto";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { ParseCache } from "../archive/parseCache.ts";
import type { Problem } from "../problems.ts";
import { readPlainFrontMatter } from "./plainFrontMatter.ts";
import { findControlCharacter } from "./controlCharacters.ts";
import { MAX_BODY_BYTES } from "./storyLimits.ts";
import {
  readFrontMatter,
  restoreFrontMatter,
  storeFrontMatter,
  storyFields,
  type FieldDeclarations,
  type StoredFrontMatter,
  type StoryFrontMatter,
} from "./schema.ts";

/** One story file once read: typed front matter and the Markdown body, with where each came from. */
export interface ParsedStoryFile {
  frontMatter: StoryFrontMatter;
  /** The Markdown after the front matter; "" for a reference-only story. */
  body: string;
  /** No body: we hold only the story's facts. */
  referenceOnly: boolean;
  /** 1-based line of the file on which the body starts, so body problems can name their line. */
  bodyStartLine: number;
  /** 1-based line of each front matter field, for messages about it. */
  fieldLines: Record<string, number>;
  /**
   * A hash of every declared field's value as read (as plain data, see `FieldSpec.store`) and of
   * the body: all of the file that a page can show. Equal keys, equal facts and text, however
   * the front matter was written.
   */
  factsKey: string;
}

/** `fileKey`: a hash of the file's bytes and the zone they were read in. Equal keys, equal story. */
export type ParseResult = { ok: true; story: ParsedStoryFile; fileKey: string } | { ok: false; problems: Problem[] };

/**
 * A story file read without problems, as kept between builds: plain data, its dates stored, and
 * instead of its body where the body starts in its text (the file is read in every build anyway).
 */
export type StoredStoryFile = Omit<ParsedStoryFile, "frontMatter" | "body"> & {
  frontMatter: StoredFrontMatter;
  bodyOffset: number;
};

const FENCE = /^---[ \t]*$/;

/** With a cache, files read in an earlier build are taken from `read`, and all used is put in `write`. */
export interface ParseCacheUse {
  read: ParseCache;
  write: ParseCache;
}

/**
 * Turns the bytes of one story file into typed front matter and body, or into every problem
 * found in it. `file` is only used to name the file in problems. With a cache, a file whose
 * bytes were read without problems in an earlier build (in the same zone) is not read again:
 * the cache's entries are found by the result's `fileKey`. `fields`: the declarations to read
 * by; the cache holds files read by the archive's own (the code's), so a test passing others
 * passes no cache it shares with builds.
 */
export function parseStoryFile(
  bytes: Uint8Array,
  file: string,
  timeZone: string,
  cache?: ParseCacheUse,
  fields: FieldDeclarations = storyFields,
): ParseResult {
  const fileKey = createHash("sha1").update(timeZone).update("\0").update(bytes).digest("base64");
  const stored = cache?.read.files.get(fileKey);
  if (stored) {
    cache!.write.files.set(fileKey, stored);
    // The same bytes as before: they decode as they did then.
    let story = cache!.read.restored?.get(stored);
    if (story === undefined) {
      story = restoreStoryFile(stored, () => (storyText(bytes) as string).slice(stored.bodyOffset).trimEnd(), timeZone, fields);
      cache!.read.restored?.set(stored, story);
    }
    return { ok: true, story, fileKey };
  }
  const result = readStoryFile(bytes, file, timeZone, fields);
  if (!result.ok) return result;
  cache?.write.files.set(fileKey, storeStoryFile(result.story, result.bodyOffset, result.storedFrontMatter));
  return { ok: true, story: result.story, fileKey };
}

/**
 * A story file this process does not read, as another read it (`fileKey`, see `parseStoryFile`):
 * a part of a site built in parts takes the stories of other years from the parse cache that
 * the whole site's build filled, by a listing of their keys (see storyListing.ts). Its facts
 * are there; its Markdown is not, and asking for it is an error.
 */
export function parseListedStoryFile(
  fileKey: string,
  file: string,
  timeZone: string,
  cache: ParseCacheUse | undefined,
  fields: FieldDeclarations = storyFields,
): ParseResult {
  const stored = cache?.read.files.get(fileKey);
  if (!stored)
    return {
      ok: false,
      problems: [
        {
          file,
          message: "is listed as read by the build of the whole site, but the cache of parsed stories does not hold it",
          hint: "build the parts again from the start (npm run build -- --parts)",
        },
      ],
    };
  cache!.write.files.set(fileKey, stored);
  const unread = () => {
    throw new Error(`${file}: the text of a story of another part of the site is not read by this one`);
  };
  return { ok: true, story: restoreStoryFile(stored, unread, timeZone, fields), fileKey };
}

function storeStoryFile(story: ParsedStoryFile, bodyOffset: number, frontMatter: StoredFrontMatter): StoredStoryFile {
  const { body: _kept, ...facts } = story;
  return { ...facts, bodyOffset, frontMatter };
}

/**
 * The body is decoded when first read: a story read from the cache has its page and its search
 * record made again only when it changed, and most of an archive does not.
 */
function restoreStoryFile(stored: StoredStoryFile, readBody: () => string, timeZone: string, fields: FieldDeclarations): ParsedStoryFile {
  let body: string | undefined;
  // Let go once decoded: it holds the file's bytes, a second copy of the story (issue 24).
  let unread: (() => string) | undefined = readBody;
  return {
    frontMatter: restoreFrontMatter(stored.frontMatter, { timeZone }, fields),
    get body() {
      if (body === undefined) {
        body = unread!();
        unread = undefined;
      }
      return body;
    },
    referenceOnly: stored.referenceOnly,
    bodyStartLine: stored.bodyStartLine,
    fieldLines: stored.fieldLines,
    factsKey: stored.factsKey,
  };
}

/** The file's text with line ends made "\n", or `undefined` when its bytes are not UTF-8. */
function storyText(bytes: Uint8Array): string | undefined {
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // An editor on Windows may save a byte-order mark and CRLF line ends; both mean nothing here.
  return decoded.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** `bodyOffset`: where the body starts in the file's text. */
function readStoryFile(
  bytes: Uint8Array,
  file: string,
  timeZone: string,
  fields: FieldDeclarations,
): { ok: true; story: ParsedStoryFile; bodyOffset: number; storedFrontMatter: StoredFrontMatter } | { ok: false; problems: Problem[] } {
  const fail = (line: number | undefined, message: string, hint: string): { ok: false; problems: Problem[] } => ({
    ok: false,
    problems: [{ file, line, message, hint }],
  });

  const source = storyText(bytes);
  if (source === undefined) {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
    return fail(line, "the file is not valid UTF-8", "save it as UTF-8 text (most editors offer this under Save As… or Encoding)");
  }
  if (source.trim() === "")
    return fail(undefined, "the file is empty", "a story starts with front matter between two --- lines; see README, The article format");

  const lines = source.split("\n");
  if (!FENCE.test(lines[0]))
    return fail(1, "the file does not start with front matter", "put a line --- first, then title: and date:, then another line ---");
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) return fail(1, "the front matter opened on line 1 is never closed", "add a line --- after the last field");

  const frontMatterLines = lines.slice(1, closing);
  const plain = readPlainFrontMatter(frontMatterLines);
  const yaml = plain ? { ok: true as const, ...plain } : parseYaml(frontMatterLines.join("\n"), file);
  if (!yaml.ok) return yaml;
  const { fieldLines } = yaml;
  const { frontMatter, problems } = readFrontMatter(yaml.data, { timeZone }, fields);
  if (!frontMatter) {
    return {
      ok: false,
      problems: problems.map((problem) => ({
        file,
        line: (Object.hasOwn(fieldLines, problem.field) ? fieldLines[problem.field] : undefined) ?? 1,
        message: problem.message,
        hint: problem.hint,
      })),
    };
  }
  const afterFence = lines.slice(closing + 1);
  const firstTextLine = Math.max(
    0,
    afterFence.findIndex((line) => line.trim() !== ""),
  );
  const bodyLines = closing + 1 + firstTextLine;
  // The text is its lines joined by "\n": the body starts after the lines before it and their ends.
  const bodyOffset = lines.slice(0, bodyLines).reduce((offset, line) => offset + line.length + 1, 0);
  const body = source.slice(bodyOffset).trimEnd();
  const bodyBytes = Buffer.byteLength(body);
  if (bodyBytes > MAX_BODY_BYTES)
    return fail(
      bodyLines + 1,
      `the body is ${bodyBytes.toLocaleString("en")} bytes, more than the ${MAX_BODY_BYTES.toLocaleString("en")} (2 MB) a story may hold`,
      "split it into stories that link to each other, or link to a large table or file instead of pasting it in",
    );
  // A carriage return ends lines written on Windows; any other control character is no text (issue 22).
  const control = findControlCharacter(body.replaceAll("\r", ""));
  if (control) {
    const before = body.replaceAll("\r", "").slice(0, [...body.replaceAll("\r", "")].slice(0, control.index - 1).join("").length);
    return fail(
      bodyLines + 1 + (before.match(/\n/g)?.length ?? 0),
      `the text holds ${control.name}, which is no text and would be written into the page and the feeds`,
      "delete it: most editors do not show it (it comes in with a paste)",
    );
  }
  const storedFrontMatter = storeFrontMatter(frontMatter, fields);
  return {
    ok: true,
    story: {
      frontMatter,
      body,
      referenceOnly: body === "",
      bodyStartLine: bodyLines + 1,
      fieldLines,
      factsKey: factsKeyOf(storedFrontMatter, body),
    },
    bodyOffset,
    storedFrontMatter,
  };
}

/**
 * The fields in the order read (the declarations' order, which is the code's) and the body. One-shot
 * SHA-1, as for the file's key: not chosen by an adversary.
 */
function factsKeyOf(frontMatter: StoredFrontMatter, body: string): string {
  return createHash("sha1").update(JSON.stringify(frontMatter)).update("\0").update(body).digest("base64");
}

function parseYaml(
  yamlText: string,
  file: string,
): { ok: true; data: Record<string, unknown>; fieldLines: Record<string, number> } | { ok: false; problems: Problem[] } {
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
    return {
      ok: false,
      problems: [{ file, line: 2, message: "front matter is not a list of fields", hint: "write one field a line, as title: …" }],
    };

  // No prototype: a field named `__proto__` or `constructor` has a line like any other (issue 22).
  const fieldLines: Record<string, number> = Object.create(null);
  const keyProblems: Problem[] = [];
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const line = (node: unknown) => {
        const range = (node as { range?: [number, number, number] } | null)?.range;
        return range ? lineCounter.linePos(range[0]).line + 1 : 2;
      };
      if (
        isScalar(pair.key) &&
        (typeof pair.key.value === "string" || typeof pair.key.value === "number" || typeof pair.key.value === "boolean")
      )
        fieldLines[String(pair.key.value)] = line(pair.key);
      else
        keyProblems.push({
          file,
          line: line(pair.key ?? pair.value),
          message: `a field's name must be a word, not ${keyKind(pair.key)}`,
          hint: "write one field a line, as title: …",
        });
    }
  }
  if (keyProblems.length > 0) return { ok: false, problems: keyProblems };
  keepTimestampsAsWritten(document);
  let data: Record<string, unknown>;
  try {
    data = (document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // `yaml` refuses a document whose aliases expand past the count ("billion laughs").
    if (!(error instanceof ReferenceError)) throw error;
    let aliasLine = 2;
    visit(document, {
      Alias(_key, node) {
        if (node.range) aliasLine = lineCounter.linePos(node.range[0]).line + 1;
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      problems: [
        {
          file,
          line: aliasLine,
          message: "front matter's aliases (*name) expand to too much data",
          hint: "write the values out instead of using anchors (&name) and aliases (*name)",
        },
      ],
    };
  }
  return { ok: true, data, fieldLines };
}

function keyKind(key: unknown): string {
  if (key === null || (isScalar(key) && key.value === null)) return "nothing";
  if (isSeq(key)) return "a list";
  if (isMap(key)) return "a map";
  if (isAlias(key)) return "an alias (*name)";
  return "a value of another kind";
}

/** More alias uses than any front matter needs, few enough that expanding them is cheap. */
const MAX_ALIAS_COUNT = 100;

/**
 * A YAML timestamp (`!!timestamp 2018-11-23 23:30:00 -5`) becomes its text as written: `yaml`
 * makes it a Date in UTC, losing the written local time and offset, and a bare day would become
 * midnight UTC, the evening before in the Americas (issue 22). The date fields read the text.
 */
function keepTimestampsAsWritten(document: Document): void {
  visit(document, {
    Scalar(_key, node) {
      if (node.value instanceof Date && typeof node.source === "string") {
        node.value = node.source;
        node.tag = undefined;
      }
    },
  });
}
