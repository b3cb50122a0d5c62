/** Pagefind reports problems as `errors` arrays rather than throwing: the build collects them into this. */
export class SearchIndexError extends Error {
  constructor(messages: string[]) {
    super(`the search index could not be built:\n${messages.join("\n")}`);
    this.name = "SearchIndexError";
  }
}
