/**
 * Stories a search shard holds at most, unless a build request says otherwise (a day holding
 * more stays whole). Editing one story indexes its shard again, so this bounds what an edit of
 * an old story costs; a first search fetches the newest shard's metadata, so it bounds that too
 * (issues 23 and 24; bench/experiments/README.md has the figures that chose it).
 */
export const SEARCH_SHARD_STORIES = 1_000;

/** How many stories a day of the archive holds. */
export interface StoriesOfDay {
  year: number;
  month: number;
  day: number;
  count: number;
}

/** A search index over a run of consecutive years, months of one year, or days of one month, written to its own folder. */
export interface SearchShard {
  /**
   * "2025", "2001-2003", "2025-07", "2025-01-2025-06", "2025-07-14" or "2025-07-01-2025-07-09":
   * the periods it holds, oldest to newest; also its folder under pagefind/shards/ (the first shard is pagefind/ itself).
   */
  name: string;
  /** The years it holds stories of, newest first. */
  years: number[];
  /** Its first and last day as yyyymmdd numbers (see dayNumber): a story of a day in between is in it. */
  from: number;
  to: number;
  stories: number;
}

/** A day as the number yyyymmdd, which orders as the days do. */
export const dayNumber = (year: number, month: number, day: number): number => year * 10_000 + month * 100 + day;

/** A year, a month or a day, with what it holds, oldest first. */
interface Period {
  label: string;
  year: number;
  from: number;
  to: number;
  count: number;
  finer: Period[];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The archive's years, each with its months and their days, oldest first. */
function periodsOf(storiesPerDay: readonly StoriesOfDay[]): Period[] {
  const days = [...storiesPerDay].sort((a, b) => dayNumber(a.year, a.month, a.day) - dayNumber(b.year, b.month, b.day));
  const years: Period[] = [];
  for (const { year, month, day, count } of days) {
    let yearPeriod = years.at(-1);
    if (yearPeriod?.year !== year)
      years.push(
        (yearPeriod = { label: String(year), year, from: dayNumber(year, 1, 1), to: dayNumber(year, 12, 31), count: 0, finer: [] }),
      );
    let monthPeriod = yearPeriod.finer.at(-1);
    if (monthPeriod?.from !== dayNumber(year, month, 1))
      yearPeriod.finer.push(
        (monthPeriod = {
          label: `${year}-${pad(month)}`,
          year,
          from: dayNumber(year, month, 1),
          to: dayNumber(year, month, 31),
          count: 0,
          finer: [],
        }),
      );
    const dayNumbered = dayNumber(year, month, day);
    monthPeriod.finer.push({ label: `${year}-${pad(month)}-${pad(day)}`, year, from: dayNumbered, to: dayNumbered, count, finer: [] });
    monthPeriod.count += count;
    yearPeriod.count += count;
  }
  return years;
}

/**
 * Splits the archive into search shards of at most `maxStories` stories, newest first. The
 * newest year is a shard of its own, as it is where an editor's new story lands, so adding one
 * indexes that shard alone; a year of more stories than that is split into runs of months, the
 * newest month alone, and a month of more into runs of days (a day is never split). Older
 * consecutive years (or months of a year, or days of a month) are grouped oldest first up to
 * `maxStories`, so the shards of the past stay the same as the archive grows at its newest end.
 * Depends only on the stories per day, so a rebuild and a clean build make the same shards.
 */
export function planSearchShards(storiesPerDay: readonly StoriesOfDay[], maxStories = SEARCH_SHARD_STORIES): SearchShard[] {
  const shards: SearchShard[] = [];
  const shardOf = (run: Period[]) => {
    const oldest = run[0];
    const newest = run.at(-1)!;
    shards.push({
      name: run.length === 1 ? oldest.label : `${oldest.label}-${newest.label}`,
      years: [...new Set(run.map((period) => period.year))].reverse(),
      from: oldest.from,
      to: newest.to,
      stories: run.reduce((sum, period) => sum + period.count, 0),
    });
  };
  const plan = (periods: Period[], newestAlone: boolean) => {
    let run: Period[] = [];
    let count = 0;
    const close = () => {
      if (run.length > 0) shardOf(run);
      run = [];
      count = 0;
    };
    for (const [position, period] of periods.entries()) {
      const newest = newestAlone && position === periods.length - 1;
      const tooBig = period.count > maxStories;
      if (newest || tooBig) {
        close();
        if (tooBig && period.finer.length > 0) plan(period.finer, newest);
        else shardOf([period]);
        continue;
      }
      if (count + period.count > maxStories) close();
      run.push(period);
      count += period.count;
    }
    close();
  };
  plan(periodsOf(storiesPerDay), true);
  return shards.reverse();
}

/** The position in `shards` of the shard holding a story of that day. */
export function shardOfDay(shards: readonly SearchShard[]): (year: number, month: number, day: number) => number {
  // Newest first, so the shards' first days fall.
  return (year, month, day) => {
    const wanted = dayNumber(year, month, day);
    let low = 0;
    let high = shards.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (shards[middle].from > wanted) low = middle + 1;
      else high = middle;
    }
    if (shards.length === 0 || shards[low].from > wanted || shards[low].to < wanted)
      throw new Error(`no search shard holds the day ${wanted}`);
    return low;
  };
}
