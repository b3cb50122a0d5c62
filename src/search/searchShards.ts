/**
 * Stories a search shard holds at most, unless a build request says otherwise. A first search
 * fetches every shard's metadata and an index chunk of each for every word searched, so fewer
 * shards are fewer bytes, and one shard is what our writer indexes in one process's memory
 * (bench/README.md has the figures).
 */
export const SEARCH_SHARD_STORIES = 10_000;

/** A search index over a run of consecutive years, written to its own folder. */
export interface SearchShard {
  /** "2025" or "2001-2024"; also its folder under pagefind/shards/ (the first shard is pagefind/ itself). */
  name: string;
  years: number[];
}

/**
 * Splits the archive's years (newest first) into search shards: the newest year alone, as it
 * is where an editor's new story lands, so a rebuild re-indexes only it; then runs of older
 * years holding at most `maxStories` stories each, so that no single Pagefind index outgrows
 * the machine (about 2.4 GB for 10,000 stories). Depends only on the stories per year, so a
 * rebuild and a clean build make the same shards.
 */
export function planSearchShards(storiesPerYear: ReadonlyArray<{ year: number; count: number }>, maxStories = 10_000): SearchShard[] {
  const shards: SearchShard[] = [];
  let current: { years: number[]; count: number } | undefined;
  const close = () => {
    if (current && current.years.length > 0) {
      const newest = current.years[0];
      const oldest = current.years.at(-1)!;
      shards.push({ name: newest === oldest ? String(newest) : `${oldest}-${newest}`, years: current.years });
    }
    current = undefined;
  };
  for (const [position, { year, count }] of storiesPerYear.entries()) {
    if (position === 1) close();
    if (current && current.count + count > maxStories) close();
    current ??= { years: [], count: 0 };
    current.years.push(year);
    current.count += count;
  }
  close();
  return shards;
}
