/**
 * Which indexer writes the search shards. Our writer copies Pagefind's file format, so it is
 * used only with the Pagefind version it was proven against; with any other, Pagefind's own indexer writes the shards (issue 19). Pagefind's
 * search script warns of a version mismatch the same way (`entry_json.version !== this.version`,
 * pagefind_web_js/lib/coupled_search.ts).
 */
import { PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST, pagefindVersion } from "./pagefindVersion.ts";

export type SearchIndexer = { name: "ours" } | { name: "pagefind"; why: string };

export function chooseSearchIndexer(
  installedPagefind: string,
  provenAgainst: string = PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST,
): SearchIndexer {
  if (installedPagefind === provenAgainst) return { name: "ours" };
  return {
    name: "pagefind",
    why:
      `Pagefind ${installedPagefind} is installed, but our search index writer was proven against Pagefind ${provenAgainst}: ` +
      `using Pagefind's own indexer, which is slower (pin pagefind to ${provenAgainst} in package.json, or prove the writer ` +
      `against ${installedPagefind} with test/search/our-search-index-equals-pagefinds-own.test.ts).`,
  };
}

/** The indexer a build uses: the one it was given, else the one the installed Pagefind allows. */
export function searchIndexerOf(given: SearchIndexer | undefined): SearchIndexer {
  return given ?? chooseSearchIndexer(pagefindVersion);
}
