import type { FieldDeclarations, StoryFrontMatter } from "../article/schema.ts";

/**
 * Every field declared in `storyFields` as the archive settled it: the slug decided (from the
 * title when the front matter gives none), topics without case-only repeats, absent fields with
 * their declared value. Derived from the declarations, so a field added there is a story's too.
 */
export type StoryFacts = Omit<StoryFrontMatter, "slug"> & { slug: string };

/** A story as the archive holds it: front matter read and checked, URL decided, body rendered. */
export interface Story extends StoryFacts {
  /** Path of the source file relative to the articles folder, with "/" separators: the story's identity. */
  sourcePath: string;
  /**
   * A hash of every declared field's value and of the body (`factsKey`, see ParsedStoryFile)
   * with the file's path: everything the story is made of. Two builds' stories with the same key
   * are equal; every page and feed that shows a story is fingerprinted by it (see storyPageInputs).
   */
  inputKey: string;
  /** A hash of the file's bytes and the zone: how the parse cache knows the file (see parseStoryFile). */
  fileKey: string;
  /** The file as an editor would open it, for messages. */
  file: string;
  /** The line that decides the address: the `slug:` line if there is one, else the title's. */
  slugLine: number;
  /** The line of each front-matter field, for problems found once every story is read (an alias taken twice). */
  fieldLines: Readonly<Record<string, number>>;
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

/** A story's declared fields alone, by the declarations it was read by (see Archive.fields). */
export function storyFacts(story: Story, fields: FieldDeclarations): StoryFacts {
  const facts: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) if (story[name as keyof Story] !== undefined) facts[name] = story[name as keyof Story];
  return facts as StoryFacts;
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
