import * as pagefind from "pagefind";
import type { PhaseTimings } from "../build/phaseTimings.ts";

export interface IndexedPage {
  /** The site-relative URL a result links to; Pagefind's script adds the path prefix it is served under. */
  url: string;
  /** The page's HTML; only its `data-pagefind-body` element is indexed. */
  html: string;
}

export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`the search index could not be built:\n${messages.join("\n")}`);
    this.name = "SearchIndexError";
  }
}

/**
 * Indexes the story pages with Pagefind and writes the bundle to `bundleDir`. Pagefind reports
 * problems as `errors` arrays rather than throwing, so each is checked, and so is the count of
 * indexed pages: a story missing from search fails the build.
 */
export async function writeSearchIndex(pages: readonly IndexedPage[], bundleDir: string, language: string, timings?: PhaseTimings): Promise<{ pageCount: number }> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  if (!created.index) throw new SearchIndexError(created.errors);
  const index = created.index;
  try {
    const errors: string[] = [...created.errors];
    let pageCount = 0;
    const batchSize = 64;
    for (let start = 0; start < pages.length; start += batchSize) {
      const added = await Promise.all(pages.slice(start, start + batchSize).map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
      for (const [offset, result] of added.entries()) {
        if (result.errors.length > 0) errors.push(...result.errors.map((error) => `${pages[start + offset].url}: ${error}`));
        else pageCount++;
      }
    }
    if (pageCount !== pages.length) errors.push(`${pages.length} story pages were given to the search index but ${pageCount} were indexed`);
    timings?.mark("searchAdd");
    if (errors.length === 0) {
      const written = await index.writeFiles({ outputPath: bundleDir });
      errors.push(...written.errors);
    }
    timings?.mark("searchWrite");
    if (errors.length > 0) throw new SearchIndexError(errors);
    return { pageCount };
  } finally {
    await index.deleteIndex();
  }
}
