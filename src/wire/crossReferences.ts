import type { WireLine } from "./parseWireCopy.ts";

/**
 * Wire copy names earlier stories by headline, in "(See A, B and C.)" asides and in a list after a
 * line ending "see:". This finds those headlines among the stories already in the archive so the
 * ingested story can link to them.
 *
 * Headlines hold ", " and " and " themselves ("Huawei, ZTE in the Eye of a Trade Storm"), so a
 * list is only ever split where known headlines match: the content is read as headlines joined by
 * ", ", " and " or ", and ", preferring the reading that covers the most text with headlines
 * (longest headline first when two readings tie). Text no headline covers is never split on a
 * guess: it stays as written and is reported, one report per stretch between matched headlines.
 *
 * Decision on "(See below for previous reporting.)" and "(See above …)": they point inside the
 * story itself, not at a headline, so they stay as text and are not reported. Only these two
 * words, in lower case as prose writes them, are treated so; any other "(See …)" that matches no
 * headline is reported, because a headline missing from the archive is what an editor must fix.
 * Reports are warnings: the story is still written, with the unmatched text left unlinked.
 */

/** A story already in the archive, as the ingest sees it. */
export interface KnownStory {
  title: string;
  /** Relative to the articles folder: "2018/08/australia-excludes-huawei-zte-from-5g-rollouts.md". */
  sourcePath: string;
}

/** A piece of a line after linking: text as written, or a link to a story. */
export type Piece = { kind: "text"; text: string } | { kind: "link"; title: string; sourcePath: string };

/** Text that names no story in the archive, or a headline several stories share. */
export interface UnmatchedReference {
  /** 1-based line of the wire copy. */
  line: number;
  text: string;
  /** Set when stories share this headline: their source paths. Nothing is linked then. */
  candidates?: string[];
}

export interface LinkedLine {
  pieces: Piece[];
  unmatched: UnmatchedReference[];
}

/** The archive's headlines, ready for matching. */
export interface HeadlineIndex {
  /** Source paths by exact headline; more than one means the headline is ambiguous. */
  sourcePaths: Map<string, string[]>;
  /** Every headline, longest first. */
  headlines: string[];
}

export function indexHeadlines(knownStories: readonly KnownStory[]): HeadlineIndex {
  const sourcePaths = new Map<string, string[]>();
  for (const { title, sourcePath } of knownStories) {
    if (title === "") continue;
    sourcePaths.set(title, [...(sourcePaths.get(title) ?? []), sourcePath]);
  }
  const headlines = [...sourcePaths.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { sourcePaths, headlines };
}

/** Longest first, so ", and " is tried before ", ". */
const SEPARATORS = [", and ", " and ", ", "];

/** Where an aside starts: "(See ", "(See also ", "(see ". */
const ASIDE_OPENING = /\((?:S|s)ee (?:also )?/g;

/** An aside that points within the story itself; see the decision above. */
const POINTS_WITHIN_STORY = /^(?:below|above)\b/;

/** Links the headlines named in every "(See …)" aside of one paragraph. */
export function linkSeeAsides({ line, text }: WireLine, index: HeadlineIndex): LinkedLine {
  const pieces: Piece[] = [];
  const unmatched: UnmatchedReference[] = [];
  let written = 0;
  for (const opening of text.matchAll(ASIDE_OPENING)) {
    const start = opening.index!;
    if (start < written) continue;
    const contentStart = start + opening[0].length;
    const close = closingParenthesis(text, start);
    if (close === undefined) continue;
    const content = text.slice(contentStart, close);
    if (POINTS_WITHIN_STORY.test(content)) continue;

    pieces.push({ kind: "text", text: text.slice(written, contentStart) });
    const linked = linkReferenceList(content, line, index);
    pieces.push(...linked.pieces);
    unmatched.push(...linked.unmatched);
    written = close;
  }
  pieces.push({ kind: "text", text: text.slice(written) });
  return { pieces: joinText(pieces), unmatched };
}

/** True for a paragraph that introduces a list of headlines: "For more on …, see:". */
export function introducesSeeList(text: string): boolean {
  return /\bsee:$/i.test(text);
}

/** Links one item of a list introduced by "see:"; the whole item is one headline or none. */
export function linkSeeListItem({ line, text }: WireLine, index: HeadlineIndex): LinkedLine {
  const withoutPeriod = text.endsWith(".") && !index.sourcePaths.has(text) ? text.slice(0, -1) : text;
  if (!index.sourcePaths.has(withoutPeriod)) return { pieces: [{ kind: "text", text }], unmatched: [{ line, text }] };
  const linked = headlinePiece(withoutPeriod, line, index);
  const pieces: Piece[] = [linked.piece];
  if (withoutPeriod !== text) pieces.push({ kind: "text", text: "." });
  return { pieces: joinText(pieces), unmatched: linked.unmatched };
}

/** The index of the ")" that closes the "(" at `open`, or undefined if it is never closed. */
function closingParenthesis(text: string, open: number): number | undefined {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === "(") depth++;
    if (text[at] === ")" && --depth === 0) return at;
  }
  return undefined;
}

type Segment = { kind: "headline"; title: string } | { kind: "separator"; text: string } | { kind: "unknown"; text: string };

interface Reading {
  /** Characters covered by headlines: the reading with most wins. */
  covered: number;
  segments: Segment[];
}

/**
 * The content of an aside, such as "A, B and C." (its closing period is punctuation unless a
 * headline ends with it).
 */
function linkReferenceList(content: string, line: number, index: HeadlineIndex): LinkedLine {
  const asWritten = readReferenceList(content, index);
  let reading = asWritten;
  let trailing = "";
  const period = /\.\s*$/.exec(content);
  if (period) {
    const withoutPeriod = readReferenceList(content.slice(0, period.index), index);
    if (withoutPeriod.covered >= asWritten.covered) {
      reading = withoutPeriod;
      trailing = period[0];
    }
  }

  const pieces: Piece[] = [];
  const unmatched: UnmatchedReference[] = [];
  for (const segment of mergeUnknown(reading.segments)) {
    if (segment.kind === "headline") {
      const linked = headlinePiece(segment.title, line, index);
      pieces.push(linked.piece);
      unmatched.push(...linked.unmatched);
    } else {
      pieces.push({ kind: "text", text: segment.text });
      if (segment.kind === "unknown") unmatched.push({ line, text: segment.text });
    }
  }
  if (trailing !== "") pieces.push({ kind: "text", text: trailing });
  return { pieces, unmatched };
}

/** The best reading of a whole list as headlines, separators and unknown stretches. */
function readReferenceList(content: string, index: HeadlineIndex): Reading {
  const memo = new Map<number, Reading>();

  const readFrom = (start: number): Reading => {
    const remembered = memo.get(start);
    if (remembered) return remembered;
    let best: Reading | undefined;
    const consider = (reading: Reading) => {
      if (!best || reading.covered > best.covered) best = reading;
    };
    const continueAfter = (first: Segment, covered: number, end: number) => {
      if (end === content.length) return consider({ covered, segments: [first] });
      for (const separator of SEPARATORS) {
        if (!content.startsWith(separator, end) || end + separator.length === content.length) continue;
        const rest = readFrom(end + separator.length);
        consider({ covered: covered + rest.covered, segments: [first, { kind: "separator", text: separator }, ...rest.segments] });
      }
    };

    for (const title of index.headlines) {
      if (content.startsWith(title, start)) continueAfter({ kind: "headline", title }, title.length, start + title.length);
    }
    const nextSeparator = firstSeparatorAfter(content, start);
    continueAfter({ kind: "unknown", text: content.slice(start, nextSeparator) }, 0, nextSeparator);
    consider({ covered: 0, segments: [{ kind: "unknown", text: content.slice(start) }] });

    memo.set(start, best!);
    return best!;
  };

  return content === "" ? { covered: 0, segments: [] } : readFrom(0);
}

function firstSeparatorAfter(content: string, start: number): number {
  for (let at = start + 1; at < content.length; at++) {
    if (SEPARATORS.some((separator) => content.startsWith(separator, at))) return at;
  }
  return content.length;
}

/** An unknown stretch stays whole, separators included: "X, Y and Z" is one report, not three guesses. */
function mergeUnknown(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    const beforePrevious = merged.at(-2);
    if (segment.kind === "unknown" && previous?.kind === "separator" && beforePrevious?.kind === "unknown") {
      merged.splice(-2, 2, { kind: "unknown", text: beforePrevious.text + previous.text + segment.text });
    } else {
      merged.push(segment);
    }
  }
  return merged;
}

function headlinePiece(title: string, line: number, index: HeadlineIndex): { piece: Piece; unmatched: UnmatchedReference[] } {
  const sourcePaths = index.sourcePaths.get(title) ?? [];
  if (sourcePaths.length === 1) return { piece: { kind: "link", title, sourcePath: sourcePaths[0] }, unmatched: [] };
  return { piece: { kind: "text", text: title }, unmatched: [{ line, text: title, candidates: sourcePaths }] };
}

function joinText(pieces: Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const previous = joined.at(-1);
    if (piece.kind === "text" && piece.text === "") continue;
    if (piece.kind === "text" && previous?.kind === "text") previous.text += piece.text;
    else joined.push({ ...piece });
  }
  return joined;
}
