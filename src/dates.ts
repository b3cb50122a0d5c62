import { DateTime, IANAZone } from "luxon";

/**
 * A story's publication moment as the archive understands it. `hasTime` is false for a bare day
 * ("2018-11-23"), which then means that whole day in the site's zone and is printed without a time.
 */
export interface StoryDate {
  /** The moment, already in the site's zone, so `.year`/`.month`/`.day` are the local day. */
  local: DateTime;
  hasTime: boolean;
}

/**
 * The site's zone, remembering each offset it has worked out. Luxon asks the zone for the
 * offset of every moment it makes, and Intl answers slowly (tens of microseconds): a story's date,
 * read again in a later build, gets its offset from that build's cache instead (see
 * `storeStoryDate`). Still an IANA zone to luxon, so formatting and comparing are unchanged.
 */
class RememberingZone extends IANAZone {
  private readonly known = new Map<number, number>();

  override offset(ts: number): number {
    let offset = this.known.get(ts);
    if (offset === undefined) this.known.set(ts, (offset = super.offset(ts)));
    return offset;
  }

  remember(ts: number, offset: number): void {
    this.known.set(ts, offset);
  }
}

const zones = new Map<string, RememberingZone>();

function zoneNamed(timeZone: string): RememberingZone {
  let zone = zones.get(timeZone);
  if (zone === undefined) zones.set(timeZone, (zone = new RememberingZone(timeZone)));
  return zone;
}

/** A story date as kept between builds (plain data): the moment, its offset in the site's zone, and whether it has a time. */
export interface StoredStoryDate {
  millis: number;
  offset: number;
  hasTime: boolean;
}

export function storeStoryDate(date: StoryDate): StoredStoryDate {
  return { millis: date.local.toMillis(), offset: date.local.offset, hasTime: date.hasTime };
}

/** The date `storeStoryDate` kept, in `timeZone`, which must be the zone it was read in. */
export function restoreStoryDate(stored: StoredStoryDate, timeZone: string): StoryDate {
  const zone = zoneNamed(timeZone);
  zone.remember(stored.millis, stored.offset);
  return { local: DateTime.fromMillis(stored.millis, { zone }), hasTime: stored.hasTime };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * ISO 8601, and YAML's timestamp as written (`2018-11-23 23:30:00 -5`, yaml.org/type/timestamp):
 * spaces before the offset, and an offset of whole hours with one digit.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T| +)(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?: *(Z)| *([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

/** Years an archive can hold: four digits, and the Gregorian calendar's first year on (issue 22). */
function outOfRange(year: number, written: string): { ok: false; reason: string } | undefined {
  return year >= 1 && year <= 9999 ? undefined : { ok: false, reason: `"${written}" is outside the years 1 to 9999 that an archive holds` };
}

export type DateParseResult = { ok: true; date: StoryDate } | { ok: false; reason: string };

/**
 * Reads a front matter date: a day (`2018-11-23`) or a date-time (`2018-11-23T23:30:00-05:00`).
 * A date-time without an offset is taken as the site's local time.
 */
export function parseStoryDate(text: string, timeZone: string): DateParseResult {
  const trimmed = text.trim();
  if (DAY.test(trimmed)) {
    const local = DateTime.fromISO(trimmed, { zone: zoneNamed(timeZone) });
    if (!local.isValid) return { ok: false, reason: `"${trimmed}" is not a real calendar day` };
    const yearProblem = outOfRange(local.year, trimmed);
    if (yearProblem) return yearProblem;
    return { ok: true, date: { local, hasTime: false } };
  }
  const dateTime = DATE_TIME.exec(trimmed);
  if (dateTime) {
    const [, day, time, utc, sign, hours, minutes] = dateTime;
    const offset = utc ? "Z" : sign ? `${sign}${hours.padStart(2, "0")}:${minutes ?? "00"}` : "";
    const written = `${day}T${time}${offset}`;
    const parsed = DateTime.fromISO(written, { zone: timeZone, setZone: false });
    if (!parsed.isValid) return { ok: false, reason: `"${trimmed}" is not a real date and time` };
    const yearProblem = outOfRange(parsed.year, trimmed);
    if (yearProblem) return yearProblem;
    // Luxon moves a local time in a daylight-saving gap forward by the gap; a story's time is
    // read exactly as written or refused (issue 22).
    if (offset === "" && parsed.toFormat("HH:mm") !== written.slice(11, 16))
      return {
        ok: false,
        reason: `"${trimmed}" does not exist in ${timeZone}: the clocks went forward over it (write the time with its offset, e.g. ${parsed.toISO({ suppressMilliseconds: true })})`,
      };
    return { ok: true, date: { local: parsed.setZone(zoneNamed(timeZone)), hasTime: true } };
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

/** "23 November 2018", in the site's language: the local day of `date`. */
export function humanDay(date: DateTime, language: string): string {
  return dayLabel(date.year, date.month, date.day, language);
}

/**
 * "23 November 2018", in `language`: luxon's "d MMMM yyyy". Luxon formats each of those tokens
 * on its own, so in a language whose calendar is the Gregorian one, each day number, month and
 * year is formatted once and the label put together from them: an archive has thousands of
 * days, and formatting one takes luxon tens of microseconds. Other calendars (Persian, Buddhist)
 * name a day from all of it.
 */
export function dayLabel(year: number, month: number, day: number, language: string): string {
  if (!isGregorian(language)) return datePart(language, "d MMMM yyyy", year, month, day);
  return `${datePart(language, "d", 2000, 1, day)} ${datePart(language, "MMMM", 2000, month, 1)} ${datePart(language, "yyyy", year, 1, 1)}`;
}

function isGregorian(language: string): boolean {
  let gregorian = gregorianLanguages.get(language);
  if (gregorian === undefined)
    gregorianLanguages.set(language, (gregorian = new Intl.DateTimeFormat(language).resolvedOptions().calendar === "gregory"));
  return gregorian;
}
const gregorianLanguages = new Map<string, boolean>();

/** One token of a calendar day's format (in UTC, where luxon needs no zone offset from Intl, which is slow). */
function datePart(language: string, token: string, year: number, month: number, day: number): string {
  const key = `${language} ${token} ${year}-${month}-${day}`;
  let part = dateParts.get(key);
  if (part === undefined)
    dateParts.set(key, (part = DateTime.fromObject({ year, month, day }, { zone: "utc", locale: language }).toFormat(token)));
  return part;
}
const dateParts = new Map<string, string>();

/** "23 November 2018, 23:30" when the story has a time. */
export function humanDate(date: StoryDate, language: string): string {
  const day = humanDay(date.local, language);
  return date.hasTime ? `${day}, ${date.local.toFormat("HH:mm")}` : day;
}

export function monthName(year: number, month: number, timeZone: string, language: string): string {
  const key = `${year}-${month} ${timeZone} ${language}`;
  let name = monthNames.get(key);
  if (name === undefined)
    monthNames.set(
      key,
      (name = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone }).setLocale(language).toFormat("MMMM yyyy")),
    );
  return name;
}
const monthNames = new Map<string, string>();
