import path from "node:path";
import {
  indexHeadlines,
  introducesSeeList,
  linkSeeAsides,
  linkSeeListItem,
  type KnownStory,
  type LinkedLine,
  type Piece,
  type UnmatchedReference,
} from "./crossReferences.ts";
import { escapeMarkdown } from "./escapeMarkdown.ts";
import { serializeStory, type StoryFields } from "./frontMatter.ts";
import { parseWireCopy, type WireBlock } from "./parseWireCopy.ts";

/** What the editor states about a wire story; the byline comes from the copy itself. */
export interface WireStoryFacts {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  dateInferred?: boolean;
  topics?: string[];
  /** Overrides the publication named in the byline. */
  publication?: string;
  source?: string;
}

export interface IngestResult {
  /** The whole story file: front matter and body. */
  markdown: string;
  /** Cross-references left unlinked, for the editor to resolve. */
  unmatched: UnmatchedReference[];
}

/**
 * Turns wire copy into a story file: each line a paragraph, "- " lines a list, every character
 * shown as sent (escaped for Markdown), the closing "— Name, Role, Publication" line moved into the
 * front matter, and headlines of stories already in the archive linked to their source files,
 * relative to `targetPath`. Paths are relative to the articles folder ("2018/11/story.md").
 */
export function ingestWireCopy(text: string, facts: WireStoryFacts, knownStories: readonly KnownStory[], targetPath: string): IngestResult {
  const copy = parseWireCopy(text);
  // On a re-ingest (--force) the story being replaced is in the archive too; it never links to itself.
  const index = indexHeadlines(knownStories.filter((story) => story.sourcePath !== targetPath));
  const unmatched: UnmatchedReference[] = [];
  const collect = (linked: LinkedLine): Piece[] => {
    unmatched.push(...linked.unmatched);
    return linked.pieces;
  };

  const blocks = copy.blocks.map((block, position) => {
    if (block.kind === "paragraph") return toMarkdown(collect(linkSeeAsides(block, index)), targetPath);
    const linkItems = introducesSeeListBefore(copy.blocks, position);
    return block.items
      .map((item) => {
        const pieces: Piece[] = linkItems ? collect(linkSeeListItem(item, index)) : [{ kind: "text", text: item.text }];
        return `- ${toMarkdown(pieces, targetPath)}`;
      })
      .join("\n");
  });

  const { byline } = copy;
  const fields: StoryFields = {
    title: facts.title,
    date: facts.date,
    dateInferred: facts.dateInferred,
    byline: byline ? [byline.role === undefined ? { name: byline.name } : { name: byline.name, role: byline.role }] : undefined,
    publication: facts.publication ?? byline?.publication,
    topics: facts.topics,
    source: facts.source,
  };
  return { markdown: serializeStory(fields, blocks.join("\n\n")), unmatched };
}

function introducesSeeListBefore(blocks: WireBlock[], position: number): boolean {
  const previous = blocks[position - 1];
  return previous?.kind === "paragraph" && introducesSeeList(previous.text);
}

function toMarkdown(pieces: Piece[], targetPath: string): string {
  return pieces
    .map((piece) =>
      piece.kind === "text"
        ? escapeMarkdown(piece.text)
        : `[${escapeMarkdown(piece.title)}](${relativeLink(targetPath, piece.sourcePath)})`,
    )
    .join("");
}

/** A link from one story's source file to another's, as the archive resolves them: relative to the linking file. */
export function relativeLink(fromPath: string, toPath: string): string {
  const href = path.posix.join(path.posix.relative(path.posix.dirname(fromPath), path.posix.dirname(toPath)), path.posix.basename(toPath));
  // Slugs never hold blanks or brackets; should a hand-named file, percent-encoding keeps the link whole.
  return href.replace(/[\s()<>%]/g, (char) => (char === "(" ? "%28" : char === ")" ? "%29" : encodeURIComponent(char)));
}
