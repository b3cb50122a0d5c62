import type { SearchShard } from "../search/searchShards.ts";

/**
 * A site too big for one process is built in parts, each by a process (or machine) of its own,
 * and assembled by copying the parts' folders side by side. A part is a run of whole years,
 * with everything under `/<year>/` of those years (stories, day, month and year pages) and the
 * search shards of those years; the common part is every page that spans years (home, authors,
 * topics, search, feeds, sitemaps). No two parts write the same file.
 */
export const COMMON_PART = "common";

/**
 * Stories a part holds at most, unless one year holds more. Search shards are small (see
 * SEARCH_SHARD_STORIES), but each part has a process's overhead and a CI job of its own (a
 * GitHub matrix runs at most 256), so a part is a run of shards of about 10,000 stories (issue 24).
 */
export const PART_STORIES = 10_000;

/** A part of the site: its name ("2025", "2001-2024"), its years, newest first, and its search shards. */
export interface SitePart {
  name: string;
  years: number[];
  shards: string[];
}

/**
 * Groups the search shards (newest first) into parts: the shards of the newest year alone,
 * then runs of older years of at most `maxStories` stories, a year never split between two
 * parts (its pages under `/<year>/` are one part's). Depends only on the shards.
 */
export function planSiteParts(shards: readonly SearchShard[], maxStories = PART_STORIES): SitePart[] {
  // Runs of shards sharing a year (the months or days of a split year) are not split.
  const blocks: { years: number[]; shards: string[]; stories: number }[] = [];
  for (const shard of shards) {
    const last = blocks.at(-1);
    if (last && last.years.includes(shard.years[0])) {
      last.shards.push(shard.name);
      last.stories += shard.stories;
      for (const year of shard.years) if (!last.years.includes(year)) last.years.push(year);
    } else blocks.push({ years: [...shard.years], shards: [shard.name], stories: shard.stories });
  }
  const parts: SitePart[] = [];
  let current: (typeof blocks)[number] | undefined;
  const close = () => {
    if (current) {
      const newest = current.years[0];
      const oldest = current.years.at(-1)!;
      parts.push({ name: newest === oldest ? String(newest) : `${oldest}-${newest}`, years: current.years, shards: current.shards });
    }
    current = undefined;
  };
  for (const [position, block] of blocks.entries()) {
    if (position === 1) close();
    if (current && current.stories + block.stories > maxStories) close();
    current ??= { years: [], shards: [], stories: 0 };
    current.years.push(...block.years);
    current.shards.push(...block.shards);
    current.stories += block.stories;
  }
  close();
  return parts;
}

/** Part names: newest years first, then the common part. */
export function siteParts(parts: readonly SitePart[]): string[] {
  return [...parts.map((part) => part.name), COMMON_PART];
}

/** Which part writes the page at `url`. */
export function partOfUrl(parts: readonly SitePart[]): (url: string) => string {
  const partOfYear = new Map(parts.flatMap((part) => part.years.map((year) => [year, part.name] as const)));
  return (url) => {
    const year = /^\/(\d{4})\//.exec(url)?.[1];
    return (year !== undefined && partOfYear.get(Number(year))) || COMMON_PART;
  };
}
