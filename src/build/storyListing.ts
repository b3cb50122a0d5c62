import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import type { Archive, ListedStorySource, StorySource } from "../archive/buildArchive.ts";
import { readStoryFilesNamed, storyFileNames } from "../article/readStoryFiles.ts";
import { siteParts, type SitePart } from "./siteParts.ts";
import { writeFileWhole } from "../writeWhole.ts";

/**
 * What a part of a site built in parts (see siteParts.ts) needs of the stories it does not
 * print: the build of the whole site lists every story it read by its key in the parse cache,
 * with its year, and the years of each part. A part then reads the files of its own years only
 * and takes the other stories' facts (title, date, address, bylines, topics, links) from the
 * cache, as a part on a machine of its own would, given this listing and the cache instead of
 * the whole archive. The common part, whose feeds print the stories of every year, reads them all.
 */
export interface StoryListing {
  stories: { sourcePath: string; fileKey: string; year: number }[];
  /** The parts of the site, besides the common part (see siteParts). */
  parts: SitePart[];
}

export function writeStoryListing(file: string, archive: Archive, parts: readonly SitePart[]): void {
  const listing: StoryListing = {
    stories: archive.stories.map((story) => ({ sourcePath: story.sourcePath, fileKey: story.fileKey, year: story.date.local.year })),
    parts: [...parts],
  };
  writeFileWhole(file, serialize(listing));
}

export function readStoryListing(file: string): StoryListing {
  return deserialize(readFileSync(file)) as StoryListing;
}

/** The parts of the site listed, newest years first, then the common part. */
export function listedParts(listing: StoryListing): string[] {
  return siteParts(listing.parts);
}

/** The years whose stories `part` prints; undefined for the common part, which prints every year's. */
export function yearsOfPart(listing: StoryListing, part: string): number[] | undefined {
  return listing.parts.find((listed) => listed.name === part)?.years;
}

/**
 * The story files of `years` read from `articlesDir`; the others as listed. Drafts are not
 * listed: no published story may link to one, so a part has no use for them.
 */
export function listedStorySources(
  articlesDir: string,
  listing: StoryListing,
  years: readonly number[],
): (StorySource | ListedStorySource)[] {
  const reading = new Set(years);
  const read = readStoryFilesNamed(
    articlesDir,
    listing.stories.filter((story) => reading.has(story.year)).map((story) => story.sourcePath),
  );
  const fileOf = storyFileNames(articlesDir);
  const listed = listing.stories
    .filter((story) => !reading.has(story.year))
    .map(({ sourcePath, fileKey }) => ({ sourcePath, file: fileOf(sourcePath), fileKey }));
  return [...read, ...listed];
}
