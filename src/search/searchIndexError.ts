import { BuildError } from "../problems.ts";

/** Pagefind reports problems as `errors` arrays rather than throwing: the build collects them into this. */
export class SearchIndexError extends BuildError {
  constructor(messages: string[]) {
    super({
      title: "the search index could not be built",
      details: messages.join("\n"),
      hint: "if a cached search shard is to blame, delete the cache folder (.cache/news-archive/search) and build again",
    });
  }
}
