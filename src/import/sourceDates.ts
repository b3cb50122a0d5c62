import { DateTime } from "luxon";

/**
 * The day of a post in the source's zone, YYYY-MM-DD, from a date as Jekyll, Hugo or a TOML reader
 * gives it: a string with or without a time and offset, a JavaScript Date (an instant), or a TOML
 * local date-time (no zone: read in `timeZone`, as Jekyll and Hugo read zone-less dates).
 */
export function sourceDay(value: unknown, timeZone: string): string | undefined {
  if (value instanceof Date) {
    const local = (value as Date & { isLocal?: () => boolean }).isLocal?.();
    if (local) return value.toISOString().slice(0, 10);
    return DateTime.fromJSDate(value).setZone(timeZone).toISODate() ?? undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  // Jekyll's own form, "2018-03-04 10:00:00 +0100", is ISO 8601 once the spaces go.
  const iso = text.replace(
    /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i,
    (_, day, time, zone) => `${day}T${time.padStart(time.indexOf(":") === 1 ? time.length + 1 : time.length, "0")}${zone ?? ""}`,
  );
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) && iso.includes("T");
  const parsed = hasZone ? DateTime.fromISO(iso, { setZone: true }).setZone(timeZone) : DateTime.fromISO(iso, { zone: timeZone });
  if (parsed.isValid) return parsed.toISODate() ?? undefined;
  const rfc = DateTime.fromRFC2822(text, { setZone: true });
  return rfc.isValid ? (rfc.setZone(timeZone).toISODate() ?? undefined) : undefined;
}
