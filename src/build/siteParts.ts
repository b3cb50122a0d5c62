import type { SearchShard } from "../search/searchShards.ts";

/**
 * A site too big for one process is built in parts, each by a process (or machine) of its own,
 * and assembled by copying the parts' folders side by side. A part is a search shard's run of
 * years, with everything under `/<year>/` of those years (stories, day, month and year pages)
 * and that shard's search index; the common part is every page that spans years (home, authors,
 * topics, search, feeds, sitemaps). No two parts write the same file.
 */
export const COMMON_PART = "common";

/** Part names: one per search shard, newest first, then the common part. */
export function siteParts(shards: readonly SearchShard[]): string[] {
  return [...shards.map((shard) => shard.name), COMMON_PART];
}

/** Which part writes the page at `url`. */
export function partOfUrl(shards: readonly SearchShard[]): (url: string) => string {
  const partOfYear = new Map(shards.flatMap((shard) => shard.years.map((year) => [year, shard.name] as const)));
  return (url) => {
    const year = /^\/(\d{4})\//.exec(url)?.[1];
    return (year !== undefined && partOfYear.get(Number(year))) || COMMON_PART;
  };
}
