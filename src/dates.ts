import { DateTime } from "luxon";

/**
 * A story's publication moment as the archive understands it. `hasTime` is false for a bare day
 * ("2018-11-23"), which then means that whole day in the site's zone and is printed without a time.
 */
export interface StoryDate {
  /** The moment, already in the site's zone, so `.year`/`.month`/`.day` are the local day. */
  local: DateTime;
  hasTime: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export type DateParseResult = { ok: true; date: StoryDate } | { ok: false; reason: string };

/**
 * Reads a front matter date: a day (`2018-11-23`) or a date-time (`2018-11-23T23:30:00-05:00`).
 * A date-time without an offset is taken as the site's local time.
 */
export function parseStoryDate(text: string, timeZone: string): DateParseResult {
  const trimmed = text.trim();
  if (DAY.test(trimmed)) {
    const local = DateTime.fromISO(trimmed, { zone: timeZone });
    if (!local.isValid) return { ok: false, reason: `"${trimmed}" is not a real calendar day` };
    return { ok: true, date: { local, hasTime: false } };
  }
  if (DATE_TIME.test(trimmed)) {
    const parsed = DateTime.fromISO(trimmed.replace(" ", "T"), { zone: timeZone, setZone: false });
    if (!parsed.isValid) return { ok: false, reason: `"${trimmed}" is not a real date and time` };
    return { ok: true, date: { local: parsed.setZone(timeZone), hasTime: true } };
  }
  return { ok: false, reason: `"${trimmed}" is not a date in the form YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM` };
}

/** Machine-readable value for `<time datetime>` and feeds: the day alone, or the full ISO moment. */
export function machineDate(date: StoryDate): string {
  return date.hasTime ? date.local.toISO({ suppressMilliseconds: true })! : date.local.toISODate()!;
}

/** Full ISO moment, for JSON-LD, feeds and sitemaps: a bare day is the start of that local day. */
export function isoMoment(date: StoryDate): string {
  return date.local.toISO({ suppressMilliseconds: true })!;
}

/**
 * "23 November 2018", in the site's language. Formatting through luxon is costly (a zone offset
 * and a locale per call) and a day is printed on every list that shows its stories, so each
 * day is formatted once per language.
 */
export function humanDay(date: DateTime, language: string): string {
  const key = `${date.year}-${date.month}-${date.day} ${language}`;
  let label = dayLabels.get(key);
  if (label === undefined) dayLabels.set(key, (label = date.setLocale(language).toFormat("d MMMM yyyy")));
  return label;
}
const dayLabels = new Map<string, string>();

/** "23 November 2018, 23:30" when the story has a time. */
export function humanDate(date: StoryDate, language: string): string {
  const day = humanDay(date.local, language);
  return date.hasTime ? `${day}, ${date.local.toFormat("HH:mm")}` : day;
}

export function monthName(year: number, month: number, timeZone: string, language: string): string {
  const key = `${year}-${month} ${timeZone} ${language}`;
  let name = monthNames.get(key);
  if (name === undefined) monthNames.set(key, (name = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone }).setLocale(language).toFormat("MMMM yyyy")));
  return name;
}
const monthNames = new Map<string, string>();

