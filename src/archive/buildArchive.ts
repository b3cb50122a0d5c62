import { hash } from "node:crypto";
import path from "node:path";
import { parseListedStoryFile, parseStoryFile } from "../article/parse.ts";
import { createStoryMarkdown, findCrossReferences, findRemovals, idsIn } from "../markdown/storyMarkdown.ts";
import { safeMarkdownHtml } from "../markdown/safeMarkdownHtml.ts";
import type { Problem, Warning } from "../problems.ts";
import { slugify } from "../slug.ts";
import { slugProblem } from "../slugRules.ts";
import { urls } from "../urls.ts";
import { buildIndexes, sharedAddressSpellings, type ArchiveIndexes } from "./indexes.ts";
import { findRelatedStories } from "./related.ts";
import {
  ParseCacheChangedError,
  REFERENCE_PLACEHOLDER,
  referencePlaceholder,
  type RenderedBody,
  type StoryParseCache,
} from "./parseCache.ts";
import type { ParseCacheUse, ParseResult } from "../article/parse.ts";
import { storyFields, type FieldDeclarations } from "../article/schema.ts";
import { compareNewestFirst, type Story } from "./story.ts";
import { markBodyImages } from "../images/bodyImages.ts";
import { ArchiveImages } from "../images/storyImages.ts";

/** A story file as read from disk, or as listed by another process that read it. */
export interface StorySource {
  /** Relative to the articles folder, "/"-separated. */
  sourcePath: string;
  /** As an editor would open it (relative to the project root), for messages. */
  file: string;
  bytes: Uint8Array;
}

/** A story file read by another process, known by its key in the parse cache (see parseListedStoryFile). */
export interface ListedStorySource {
  sourcePath: string;
  file: string;
  fileKey: string;
}

/**
 * A file in the articles folder that the listing found but cannot read as a story (a link that
 * points nowhere or outside the folder, a `.markdown` file), with what to do (issue 22).
 */
export interface UnlistedStorySource {
  sourcePath: string;
  file: string;
  unlisted: Omit<Problem, "file">;
}

export interface ArchiveOptions {
  timeZone: string;
  /** Drafts are shown by the dev server and left out of a production build. */
  includeDrafts: boolean;
  /** Story files read and bodies rendered by an earlier build; what this build uses is kept for the next. */
  cache?: Pick<StoryParseCache, "usedFor">;
  /** The fields a story file may have: `storyFields`, unless a test declares more (see parseStoryFile). */
  fields?: FieldDeclarations;
  /** The folder the story files were read from, where their images are looked for; without it, images are left as written. */
  articlesDir?: string;
}

export interface Archive extends ArchiveIndexes {
  /** Every published story, newest first. */
  stories: Story[];
  bySourcePath: Map<string, Story>;
  /** For each story, the stories that link to it, newest first. */
  referencedBy: Map<string, Story[]>;
  /** Source paths of the story files that are drafts and left out of this build. */
  draftsLeftOut: string[];
  /** Topic slug to the spelling shown for it. */
  topicNames: Map<string, string>;
  /** For each story, up to five related stories, most related first. */
  related: Map<string, Story[]>;
  /** The fields its stories were read by: each story has each of them (see StoryFacts). */
  fields: FieldDeclarations;
  /** The images its stories show, to process before a body is printed (see ArchiveImages). */
  images: ArchiveImages;
}

/**
 * Builds the whole archive model from story files: reads and checks every file, decides URLs,
 * renders bodies with their cross-references resolved, and groups stories by byline, date and
 * topic. Returns every problem found; the archive is only usable when there are none.
 */
export function buildArchive(
  sources: readonly (StorySource | ListedStorySource | UnlistedStorySource)[],
  options: ArchiveOptions,
): { archive: Archive; problems: Problem[]; warnings: Warning[] } {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const stories: Story[] = [];
  const draftsLeftOut: string[] = [];
  const draftPaths = new Set<string>();
  const fields = options.fields ?? storyFields;
  const images = new ArchiveImages(options.articlesDir, sources.length > 0 ? articlesFolderOf(sources[0]) : "");

  for (const source of sources) {
    const cache = options.cache?.usedFor(source.sourcePath);
    if ("unlisted" in source) {
      problems.push({ file: source.file, ...source.unlisted });
      continue;
    }
    const parsed = parsedStoryFile(source, options.timeZone, cache, fields);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    // Not the body: read from the cache, it is decoded only if asked for.
    const { frontMatter, referenceOnly, bodyStartLine, fieldLines } = parsed.story;
    if (frontMatter.draft && !options.includeDrafts) {
      draftsLeftOut.push(source.sourcePath);
      draftPaths.add(source.sourcePath);
      continue;
    }
    const slug = frontMatter.slug ?? slugify(frontMatter.title);
    // A `slug:` line was checked as it was read; one made from the title may still be a name Windows reserves ("Con").
    const unservable = slugProblem(slug);
    if (unservable !== undefined) {
      problems.push({
        file: source.file,
        line: fieldLines[frontMatter.slug ? "slug" : "title"],
        message: frontMatter.slug
          ? `slug: ${JSON.stringify(frontMatter.slug)} ${unservable}`
          : slug === ""
            ? `the title gives no letters or digits for the story's address`
            : `the title gives the address ${JSON.stringify(slug)}, which ${unservable}`,
        hint: "add a line slug: with a few words in lower case joined by hyphens, e.g. slug: my-story",
      });
      continue;
    }
    for (const [field, names] of [
      ["byline", frontMatter.byline.map((byline) => byline.name)],
      ["topics", frontMatter.topics],
    ] as const) {
      const unnamable = names.find((name) => slugify(name) === "");
      if (unnamable !== undefined)
        problems.push({
          file: source.file,
          line: fieldLines[field],
          message: `${field}: "${unnamable}" has no letters or digits to make its page's address`,
          hint: "use a name with at least one letter or digit",
        });
    }
    const story: Story = {
      sourcePath: source.sourcePath,
      // Relative links in the body resolve from the file's folder: the path is part of the input.
      // Hashed again to be short: pages list stories by it, and the page cache hashes those lists.
      inputKey: hash("sha1", `${parsed.story.factsKey}\0${source.sourcePath}`, "base64"),
      fileKey: parsed.fileKey,
      file: source.file,
      // Every declared field, as read: a field added to the declarations is the story's too.
      ...frontMatter,
      topics: dedupeCaseInsensitive(frontMatter.topics),
      slug,
      slugLine: fieldLines[frontMatter.slug ? "slug" : "title"] ?? 1,
      fieldLines,
      url: urls.story(frontMatter.date, slug),
      get body() {
        return parsed.story.body;
      },
      referenceOnly,
      bodyStartLine,
      references: [],
    };
    if (frontMatter.image) {
      const imageHashes = images.resolveLead(story, frontMatter.image, fieldLines.image ?? 1, problems, warnings);
      story.inputKey = withImageHashes(story.inputKey, imageHashes);
    }
    stories.push(story);
  }

  stories.sort(compareNewestFirst);
  problems.push(...findSharedUrls(stories));

  const bySourcePath = new Map(stories.map((story) => [story.sourcePath, story]));
  const markdown = createStoryMarkdown();
  // Every body first: a link to `other.md#part` needs the other story's ids.
  const renderedBodies = new Map<Story, RenderedBody>();
  for (const story of stories) {
    if (story.referenceOnly) continue;
    const rendering = readingOneStory(story.file, () => ({
      ok: true as const,
      rendered: renderBody(story, markdown, options.cache && { use: options.cache.usedFor(story.sourcePath), key: story.inputKey }),
    }));
    if (!rendering.ok) {
      problems.push(...rendering.problems);
      continue;
    }
    const { rendered } = rendering;
    renderedBodies.set(story, rendered);
    // The image files' bytes are part of the story: a changed image changes every fingerprint showing the story.
    const imageHashes = images.resolve(story, rendered.images, problems, warnings);
    story.inputKey = withImageHashes(story.inputKey, imageHashes);
    for (const removal of rendered.removals)
      warnings.push({
        file: story.file,
        line: story.bodyStartLine + removal.bodyLine - 1,
        message: `${removal.what} removed (${removal.why})`,
      });
  }
  for (const [story, rendered] of renderedBodies) {
    const targets = new Set<string>();
    const addresses: string[] = [];
    for (const reference of rendered.references) {
      const target = reference.undecodable ? undefined : bySourcePath.get(reference.targetSourcePath);
      if (reference.undecodable) {
        problems.push({
          file: story.file,
          line: story.bodyStartLine + reference.bodyLine - 1,
          // The href as written: markdown-it wrote the stray "%" of `%A.md` as "%25".
          message: `links to "${reference.href.replaceAll("%25", "%")}", whose %-escapes are not UTF-8, so it names no file`,
          hint: "write the story's file name as it is, e.g. [text](../10/a-story.md)",
        });
        addresses.push(markdown.utils.escapeHtml(reference.href));
        continue;
      }
      if (!target) {
        const isDraft = draftPaths.has(reference.targetSourcePath);
        problems.push({
          file: story.file,
          line: story.bodyStartLine + reference.bodyLine - 1,
          message: isDraft
            ? `links to "${reference.href}", a draft that is not published`
            : `links to "${reference.href}", but there is no story file ${articlesFolderOf(story)}${reference.targetSourcePath}`,
          hint: isDraft ? "publish it (remove draft: true) or remove the link" : "check the file name, or add the story with npm run new",
        });
        addresses.push(markdown.utils.escapeHtml(reference.href));
        continue;
      }
      if (reference.fragment !== undefined && !renderedBodies.get(target)?.ids.includes(reference.fragment)) {
        problems.push({
          file: story.file,
          line: story.bodyStartLine + reference.bodyLine - 1,
          message: `links to "${reference.href}", but ${target.file} has no heading or footnote with the id "${reference.fragment}"`,
          hint: "link to a heading's id as the archive makes it (its text in lower case, words joined by hyphens), or remove the #part",
        });
      }
      const fragment = reference.href.includes("#") ? "#" + reference.href.split("#")[1] : "";
      addresses.push(markdown.utils.escapeHtml(target.url + fragment));
      if (target !== story) targets.add(target.sourcePath);
    }
    story.references = [...targets];
    // Made when first printed: a rebuild prints a few stories, and reads only their HTML from the cache.
    let bodyHtml: string | undefined;
    Object.defineProperty(story, "bodyHtml", {
      enumerable: true,
      get: () => (bodyHtml ??= images.bodyHtml(story, withAddresses(htmlOf(rendered, story, markdown), addresses), rendered.images)),
    });
  }

  const referencedBy = new Map<string, Story[]>();
  for (const story of stories) {
    for (const target of story.references) {
      const list = referencedBy.get(target) ?? [];
      list.push(story);
      referencedBy.set(target, list);
    }
  }

  const indexes = buildIndexes(stories);
  warnings.push(...sharedAddressSpellings(indexes));
  return {
    archive: {
      stories,
      bySourcePath,
      referencedBy,
      draftsLeftOut,
      topicNames: new Map(indexes.topics.map((topic) => [topic.slug, topic.name])),
      related: findRelatedStories(stories, indexes),
      fields,
      images,
      ...indexes,
    },
    problems,
    warnings,
  };
}

/**
 * Runs one story's reading or rendering so that an exception nobody foresaw becomes that file's
 * problem, naming it, while every other file is still read and reported (issue 22).
 */
/**
 * A story file parsed. Apart from the loop of buildArchive so that no closure there holds the
 * source: the story's `body` getter keeps its scope alive, and with it the file's bytes, a
 * second copy of every story held for the whole build (issue 24).
 */
function parsedStoryFile(
  source: StorySource | ListedStorySource,
  timeZone: string,
  cache: ParseCacheUse | undefined,
  fields: FieldDeclarations,
): ParseResult {
  return readingOneStory(source.file, () =>
    "bytes" in source
      ? parseStoryFile(source.bytes, source.file, timeZone, cache, fields)
      : parseListedStoryFile(source.fileKey, source.file, timeZone, cache, fields),
  );
}

function readingOneStory<T extends { ok: true } | { ok: false; problems: Problem[] }>(
  file: string,
  read: () => T,
): T | { ok: false; problems: Problem[] } {
  try {
    return read();
  } catch (error) {
    if (error instanceof ParseCacheChangedError) throw error;
    return {
      ok: false,
      problems: [
        {
          file,
          message: `could not be read: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          hint: "this is a fault in news-archive, not in the story: please report it with this file",
        },
      ],
    };
  }
}

/** A story's key with the bytes of the images it shows: unchanged when it shows none. */
function withImageHashes(inputKey: string, imageHashes: readonly string[]): string {
  return imageHashes.length === 0 ? inputKey : hash("sha1", `${inputKey}\0${imageHashes.join("\0")}`, "base64");
}

/** The articles folder as the editor sees it ("articles/"), from a story's file and source path. */
function articlesFolderOf(story: Pick<Story, "file" | "sourcePath">): string {
  const file = story.file.split(path.sep).join("/");
  return file.slice(0, file.length - story.sourcePath.length);
}

/**
 * A body rendered with a placeholder where each cross-reference's address goes (filled in by the
 * caller, as the story linked to decides its address), from the cache when the same file was at
 * the same path before (relative links resolve from the file's folder).
 */
function renderBody(story: Story, markdown: StoryMarkdown, cache: { use: ParseCacheUse; key: string } | undefined): RenderedBody {
  const rendered = cache?.use.read.bodies.get(cache.key) ?? renderWithPlaceholders(story, markdown);
  cache?.use.write.bodies.set(cache.key, rendered);
  return rendered;
}

type StoryMarkdown = ReturnType<typeof createStoryMarkdown>;

function renderWithPlaceholders(story: Story, markdown: StoryMarkdown): RenderedBody {
  // One env for parsing and rendering: footnotes are collected into it.
  const env = {};
  const tokens = markdown.parse(story.body, env);
  const references = [...findCrossReferences(tokens, story.sourcePath)];
  const images = markBodyImages(tokens);
  for (const [index, [token]] of references.entries()) token.attrSet("href", referencePlaceholder(index));
  const html = safeMarkdownHtml(markdown, tokens, env);
  return { html, references: references.map(([, reference]) => reference), ids: idsIn(html), removals: findRemovals(tokens), images };
}

/** The body's HTML; rendered again should another build have replaced the cache's file meanwhile. */
function htmlOf(rendered: RenderedBody, story: Story, markdown: StoryMarkdown): string {
  try {
    return rendered.html;
  } catch (error) {
    if (error instanceof ParseCacheChangedError) return renderWithPlaceholders(story, markdown).html;
    throw error;
  }
}

function withAddresses(html: string, addresses: readonly string[]): string {
  return addresses.length === 0 ? html : html.replace(REFERENCE_PLACEHOLDER, (_, index: string) => addresses[Number(index)]);
}

function dedupeCaseInsensitive(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = slugify(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Two stories at one address would overwrite each other's page: both files are named. Addresses
 * that differ only in letter case are one address on case-insensitive disks and hosts (macOS,
 * Windows, some object stores), so they count as the same (issue 22).
 */
function findSharedUrls(stories: readonly Story[]): Problem[] {
  const byUrl = new Map<string, Story[]>();
  for (const story of stories) {
    const key = story.url.toLowerCase();
    const sharing = byUrl.get(key);
    if (sharing) sharing.push(story);
    else byUrl.set(key, [story]);
  }
  const problems: Problem[] = [];
  for (const sharing of byUrl.values()) {
    if (sharing.length < 2) continue;
    for (const story of sharing) {
      const others = sharing.filter((other) => other !== story);
      const sameCase = others.every((other) => other.url === story.url);
      problems.push({
        file: story.file,
        line: story.slugLine,
        message: sameCase
          ? `has the same address ${story.url} as ${others.map((other) => other.file).join(", ")}`
          : `has the address ${story.url}, which differs only in letter case from ${others.map((other) => `${other.url} (${other.file})`).join(", ")}: one address on case-insensitive disks and hosts`,
        hint: "give one of them a different title or a slug: line",
      });
    }
  }
  return problems;
}
