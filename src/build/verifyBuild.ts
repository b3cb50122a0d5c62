import { storyListingKey } from "../pages/views.ts";
import type { LoadedSite } from "./loadSite.ts";
import { BuildError } from "../problems.ts";
import { nameSlug } from "../slugRules.ts";
import { urls } from "../urls.ts";

/** A page as Eleventy reports it after writing (its HTML is not kept: see runEleventy.ts). */
export interface WrittenPage {
  url: string;
  outputPath: string | false;
}

export class LostStoryError extends BuildError {
  constructor(messages: string[]) {
    super({
      title: "the build lost stories",
      details: messages.join("\n"),
      hint: "this is a fault of the build, not of the story files: please report it with these lines",
    });
  }
}

/**
 * Proves that nothing was lost: every story file came out as exactly one page, is listed on its
 * day, author and topic pages, and was indexed for search. Any mismatch names the story's file.
 */
export function verifyBuild(loaded: LoadedSite, written: readonly WrittenPage[], indexedUrls: readonly string[]): void {
  const problems: string[] = [];
  const writtenCount = new Map<string, number>();
  for (const page of written) writtenCount.set(page.url, (writtenCount.get(page.url) ?? 0) + 1);

  const indexed = new Set(indexedUrls);
  const listedOn = new Map<string, Set<string>>();
  // Each story as the pages list it: by its listing key (see IndexPage, storyListingKey).
  for (const page of loaded.indexPages.map((lazy) => lazy.inputs())) {
    if (page.kind !== "list") continue;
    for (const section of page.sections) {
      for (const key of section.stories) {
        let pagesListing = listedOn.get(key);
        if (!pagesListing) listedOn.set(key, (pagesListing = new Set()));
        pagesListing.add(page.url);
      }
    }
  }

  for (const story of loaded.archive.stories) {
    const count = writtenCount.get(story.url) ?? 0;
    if (count !== 1) problems.push(`${story.file}: came out as ${count} pages at ${story.url} instead of one`);
    const listing = listedOn.get(storyListingKey(story, loaded.archive.images)) ?? new Set<string>();
    const { year, month, day } = story.date.local;
    const expected = [
      urls.day(year, month, day),
      ...story.byline.map((byline) => urls.authorYear(nameSlug(byline.name, "author"), year)),
      ...story.topics.map((topic) => urls.topicYear(nameSlug(topic, "topic"), year)),
    ];
    for (const indexUrl of expected) {
      if (!listing.has(indexUrl)) problems.push(`${story.file}: is not listed on ${indexUrl}`);
    }
    if (!indexed.has(story.url)) problems.push(`${story.file}: is not in the search index`);
  }
  if (problems.length > 0) throw new LostStoryError(problems);
}
