import { nameSlug } from "../slugRules.ts";
import type { Warning } from "../problems.ts";
import type { Story } from "./story.ts";

/** A byline or a topic: one page of the archive, with every story filed under it. */
export interface IndexEntry {
  slug: string;
  /** The spelling most stories use ("5G" over "5g"); ties go to the first in code-point order. */
  name: string;
  /** Newest first. */
  stories: Story[];
  /** The years with stories, newest first, each with its stories (newest first). */
  years: YearGroup[];
}

export interface YearGroup {
  year: number;
  stories: Story[];
}

export interface DayGroup {
  year: number;
  month: number;
  day: number;
  stories: Story[];
}

export interface MonthGroup {
  year: number;
  month: number;
  stories: Story[];
  days: DayGroup[];
}

export interface YearIndex {
  year: number;
  stories: Story[];
  months: MonthGroup[];
}

export interface ArchiveIndexes {
  /** Sorted by name. */
  authors: IndexEntry[];
  /** Sorted by name. */
  topics: IndexEntry[];
  /** Newest year first. */
  years: YearIndex[];
}

/**
 * Groups stories (already sorted newest first) by byline, topic and date, in one pass each:
 * every list keeps the stories' order, so no list is sorted again and the cost grows linearly.
 */
export function buildIndexes(storiesNewestFirst: readonly Story[]): ArchiveIndexes {
  return {
    authors: groupByName(storiesNewestFirst, "author", (story) => story.byline.map((byline) => byline.name)),
    topics: groupByName(storiesNewestFirst, "topic", (story) => story.topics),
    years: groupByDate(storiesNewestFirst),
  };
}

function groupByName(stories: readonly Story[], kind: "author" | "topic", namesOf: (story: Story) => readonly string[]): IndexEntry[] {
  const entries = new Map<string, { stories: Story[]; spellings: Map<string, number> }>();
  for (const story of stories) {
    const seenInStory = new Set<string>();
    for (const name of namesOf(story)) {
      const slug = nameSlug(name, kind);
      if (slug === "" || seenInStory.has(slug)) continue;
      seenInStory.add(slug);
      let entry = entries.get(slug);
      if (!entry) entries.set(slug, (entry = { stories: [], spellings: new Map() }));
      entry.stories.push(story);
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    }
  }
  const result: IndexEntry[] = [];
  for (const [slug, entry] of entries) {
    result.push({ slug, name: preferredSpelling(entry.spellings), stories: entry.stories, years: groupByYear(entry.stories) });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.slug < b.slug ? -1 : 1));
}

function preferredSpelling(spellings: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

export function groupByYear(stories: readonly Story[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const story of stories) {
    const year = story.date.local.year;
    const last = groups.at(-1);
    if (last && last.year === year) last.stories.push(story);
    else groups.push({ year, stories: [story] });
  }
  return groups;
}

function groupByDate(stories: readonly Story[]): YearIndex[] {
  const years: YearIndex[] = [];
  for (const story of stories) {
    const { year, month, day } = story.date.local;
    let yearIndex = years.at(-1);
    if (!yearIndex || yearIndex.year !== year) years.push((yearIndex = { year, stories: [], months: [] }));
    yearIndex.stories.push(story);
    let monthGroup = yearIndex.months.at(-1);
    if (!monthGroup || monthGroup.month !== month) yearIndex.months.push((monthGroup = { year, month, stories: [], days: [] }));
    monthGroup.stories.push(story);
    let dayGroup = monthGroup.days.at(-1);
    if (!dayGroup || dayGroup.day !== day) monthGroup.days.push((dayGroup = { year, month, day, stories: [] }));
    dayGroup.stories.push(story);
  }
  return years;
}

/**
 * Names that share an address (one author or topic page) though they differ beyond letter case
 * and spacing ("Café" and "Cafe", "R&D" and "R and D"): nothing may change silently (issue 22),
 * so each other spelling is a warning naming the first story that uses it and the spelling shown.
 */
export function sharedAddressSpellings(indexes: ArchiveIndexes): Warning[] {
  const warnings: Warning[] = [];
  const kinds = [
    {
      kind: "byline",
      slugKind: "author" as const,
      entries: indexes.authors,
      namesOf: (story: Story) => story.byline.map((byline) => byline.name),
    },
    { kind: "topic", slugKind: "topic" as const, entries: indexes.topics, namesOf: (story: Story) => story.topics },
  ];
  for (const { kind, slugKind, entries, namesOf } of kinds) {
    for (const entry of entries) {
      const shown = sameSpelling(entry.name);
      const firstUse = new Map<string, { spelling: string; story: Story }>();
      for (const story of entry.stories) {
        for (const spelling of namesOf(story)) {
          const key = sameSpelling(spelling);
          if (key !== shown && !firstUse.has(key) && nameSlug(spelling, slugKind) === entry.slug) firstUse.set(key, { spelling, story });
        }
      }
      for (const { spelling, story } of firstUse.values())
        warnings.push({
          file: story.file,
          message: `the ${kind} ${JSON.stringify(spelling)} shares one page with ${JSON.stringify(entry.name)}, as their addresses are the same (${entry.slug})`,
          hint: `spell them the same if they are one ${kind}; if they are two, tell them apart in words (e.g. "${spelling} (…)")`,
        });
    }
  }
  return warnings;
}

/** Two spellings are the same one when they differ only in letter case and spacing. */
const sameSpelling = (name: string) => name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
