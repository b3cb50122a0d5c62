import type { StoryDate } from "../dates.ts";
import type { Byline } from "../article/schema.ts";

/** A story as the archive holds it: front matter read and checked, URL decided, body rendered. */
export interface Story {
  /** Path of the source file relative to the articles folder, with "/" separators: the story's identity. */
  sourcePath: string;
  /**
   * A hash of the file's bytes (and the zone they were read in) with its path: everything the
   * story is made of. Two builds' stories with the same key are equal.
   */
  inputKey: string;
  /** A hash of the file's bytes and the zone: how the parse cache knows the file (see parseStoryFile). */
  fileKey: string;
  /** The file as an editor would open it, for messages. */
  file: string;
  title: string;
  date: StoryDate;
  dateInferred: boolean;
  bylines: Byline[];
  publication?: string;
  topics: string[];
  source?: string;
  summary?: string;
  updated?: StoryDate;
  correction?: string;
  draft: boolean;
  slug: string;
  /** The line that decides the address: the `slug:` line if there is one, else the title's. */
  slugLine: number;
  url: string;
  /** The Markdown body; "" when we hold only the story's facts. */
  body: string;
  /** We hold only the story's facts, not its text (no body). */
  referenceOnly: boolean;
  bodyStartLine: number;
  /**
   * Rendered body, safe to print: raw HTML in Markdown is off. Undefined for a reference-only
   * story. Made when first read (from the cache, if the story's file is unchanged).
   */
  bodyHtml?: string;
  /** Source paths of the stories this one links to, in order of first mention. */
  references: string[];
}

/**
 * Newest first; on the same moment by title, then by file, so every list of stories in the archive
 * has one stable order and two builds print the same pages.
 */
export function compareNewestFirst(a: Story, b: Story): number {
  return (
    b.date.local.toMillis() - a.date.local.toMillis() ||
    a.title.localeCompare(b.title, "en") ||
    (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0)
  );
}
