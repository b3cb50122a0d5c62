import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { IANAZone } from "luxon";
import { parse as parseYaml } from "yaml";
import { SETTINGS_FILE, type SiteSettings } from "../site.ts";
import { writeFileWhole } from "../writeWhole.ts";

/**
 * The site settings an old site's configuration proposes (issue 21: `import` proposes them), in
 * the archive's terms: a base URL of the host alone (a sub-path is the build's --pathprefix), a
 * BCP 47 language, an IANA zone. A value the archive cannot take is left out with a note.
 */
export interface ProposedSettings {
  /** The configuration they were read from, as the editor knows it ("_config.yml", "the export's channel"). */
  from: string;
  settings: Partial<Pick<SiteSettings, "title" | "description" | "baseUrl" | "language" | "timeZone">>;
  notes: string[];
}

/** What a source's configuration says, as it says it. */
export interface SourceSettings {
  title?: unknown;
  description?: unknown;
  /** The site's address, a sub-path included (Jekyll's url + baseurl, Hugo's baseURL, WordPress's link). */
  url?: unknown;
  language?: unknown;
  timeZone?: unknown;
}

export function proposeSettings(from: string, source: SourceSettings): ProposedSettings {
  const settings: ProposedSettings["settings"] = {};
  const notes: string[] = [];
  const textOf = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  const title = textOf(source.title);
  if (title) settings.title = title;
  const description = textOf(source.description);
  if (description) settings.description = description;
  const url = textOf(source.url);
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      notes.push(`the old site's address ${JSON.stringify(url)} is not an address: baseUrl left as it is`);
    }
    if (parsed && (parsed.protocol === "https:" || parsed.protocol === "http:")) {
      settings.baseUrl = parsed.origin;
      const prefix = parsed.pathname.replace(/\/+$/, "");
      if (prefix !== "") notes.push(`the old site was served under ${prefix}/: to keep it there, npm run build -- --pathprefix=${prefix}/`);
    }
  }
  const language = textOf(source.language)?.replace(/_/g, "-");
  if (language) {
    try {
      settings.language = Intl.getCanonicalLocales(language)[0];
    } catch {
      notes.push(`the language ${JSON.stringify(language)} is not a BCP 47 tag: language left as it is`);
    }
  }
  const timeZone = textOf(source.timeZone);
  if (timeZone) {
    if (IANAZone.isValidZone(timeZone)) settings.timeZone = timeZone;
    else notes.push(`the time zone ${JSON.stringify(timeZone)} is not an IANA zone: timeZone left as it is`);
  }
  return { from, settings, notes };
}

/** The order site.json is written in: the README's. */
const ORDER = ["title", "description", "baseUrl", "language", "timeZone", "latestCount"];

/**
 * Writes the proposed settings to `site.json` in `root` when there is none (or, with `force`,
 * over the settings it names), and says what it did; with `dryRun`, or when a `site.json` with
 * other values exists, only prints what it proposes, as a diff of the settings that would change.
 */
export function applyProposedSettings(
  proposed: ProposedSettings,
  root: string,
  { dryRun, force }: { dryRun: boolean; force: boolean },
): string[] {
  const file = path.join(root, SETTINGS_FILE);
  const entries = Object.entries(proposed.settings);
  const lines = proposed.notes.map((note) => `site settings: ${note}`);
  if (entries.length === 0) return [...lines, `site settings: ${proposed.from} proposes none`];
  const existing = existsSync(file) ? ((parseYaml(readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>) : undefined;
  const setting = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  if (existing === undefined) {
    lines.push(`site settings proposed by ${proposed.from}:`, ...entries.map(([key, value]) => setting(key, value)));
    if (dryRun) return [...lines, `would write ${SETTINGS_FILE}`];
    writeSettings(file, proposed.settings);
    return [...lines, `wrote ${SETTINGS_FILE} (see "Site settings" in the README)`];
  }
  const changed = entries.filter(([key, value]) => existing[key] !== value);
  if (changed.length === 0) return [...lines, `site settings: ${SETTINGS_FILE} already holds those of ${proposed.from}`];
  lines.push(`site settings proposed by ${proposed.from}, which differ from ${SETTINGS_FILE}:`);
  for (const [key, value] of changed) {
    if (key in existing) lines.push(`- ${setting(key, existing[key]).trimStart()}`);
    lines.push(`+ ${setting(key, value).trimStart()}`);
  }
  if (dryRun) return [...lines, `${SETTINGS_FILE} is left as it is (a dry run)`];
  if (!force) return [...lines, `${SETTINGS_FILE} is left as it is: pass --force to write these settings into it`];
  writeSettings(file, { ...existing, ...proposed.settings });
  return [...lines, `wrote ${SETTINGS_FILE}`];
}

function writeSettings(file: string, settings: Record<string, unknown>): void {
  const keys = Object.keys(settings).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
  writeFileWhole(file, JSON.stringify(Object.fromEntries(keys.map((key) => [key, settings[key]])), null, 2) + "\n");
}
