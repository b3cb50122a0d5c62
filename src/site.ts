import { readFileSync } from "node:fs";
import path from "node:path";
import { IANAZone } from "luxon";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { BuildError, formatProblem, type Problem } from "./problems.ts";

/**
 * Site settings: the one typed place for what differs between newsrooms, read from `site.json`
 * at the project's root (issue 21: settings are data, not code).
 * Every date shown or grouped goes through `timeZone`; every absolute URL starts with `baseUrl`.
 */
export interface SiteSettings {
  /** The archive's name, shown in every page's header and title. */
  title: string;
  /** One sentence that says what the archive holds. */
  description: string;
  /** Where the site is served, without the path prefix: absolute links (feeds, canonical, sitemap) start here. */
  baseUrl: string;
  /** BCP 47 language of the pages. */
  language: string;
  /** IANA zone in which a story's day is decided: a story at 23:30 local time belongs to that local day. */
  timeZone: string;
  /** Stories listed on the home page and at the head of an author's or topic's page. */
  latestCount: number;
}

/** The settings of an archive without a settings file (and of the tests' fixture archives). */
export const site: SiteSettings = {
  title: "News Archive",
  description: "A searchable archive of telecoms industry news stories, with their cross-references.",
  baseUrl: "https://archive.example.com",
  language: "en",
  timeZone: "America/New_York",
  latestCount: 20,
};

/** The settings file, at the project's root: JSON (which is YAML too, so a YAML file of this name reads as well). */
export const SETTINGS_FILE = "site.json";

/** The settings' documentation rows, one a setting: also what a problem's hint shows. */
const settingExamples: Record<keyof SiteSettings, string> = {
  title: '"title": "The Valley Courier Archive"',
  description: '"description": "Every story the Courier has published since 1998."',
  baseUrl: '"baseUrl": "https://archive.example.com"',
  language: '"language": "en"',
  timeZone: '"timeZone": "America/New_York"',
  latestCount: '"latestCount": 20',
};

/** Thrown once for every problem of the settings, instead of a problem with every story's date. */
export class SiteSettingsError extends BuildError {
  constructor(problems: readonly Problem[]) {
    super({
      title: `${problems.length} problem${problems.length === 1 ? "" : "s"} in the site settings`,
      details: problems.map(formatProblem).join("\n"),
      hint: `mend ${SETTINGS_FILE} (see "Site settings" in the README) or the environment variable named`,
    });
  }
}

/**
 * The site's settings: the defaults above, then `site.json` in `root`, then SITE_BASE_URL and
 * SITE_TIME_ZONE from `environment` (a host's deploy settings). Every problem is reported at once.
 */
export function readSiteSettings(root = process.cwd(), environment: Record<string, string | undefined> = process.env): SiteSettings {
  const file = path.join(root, SETTINGS_FILE);
  const shown = path.relative(process.cwd(), file) || SETTINGS_FILE;
  const problems: Problem[] = [];
  const settings: Record<string, unknown> = { ...site };
  const lineOf = new Map<string, number>();
  let text: string | undefined;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") problems.push({ file: shown, message: `cannot be read: ${String(error)}` });
  }
  if (text !== undefined) {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const [error] = document.errors;
    if (error) {
      problems.push({ file: shown, line: lineCounter.linePos(error.pos[0]).line, message: `is not valid JSON: ${error.message}` });
    } else if (!isMap(document.contents)) {
      problems.push({ file: shown, message: "must be one object of settings", hint: `e.g. { ${settingExamples.title} }` });
    } else {
      let values: Record<string, unknown> = {};
      try {
        values = document.toJS({ maxAliasCount: 10 }) as Record<string, unknown>;
      } catch (aliasError) {
        problems.push({ file: shown, message: `cannot be read: ${(aliasError as Error).message}`, hint: "write each setting out in full" });
      }
      for (const pair of document.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const line = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
        if (!Object.hasOwn(settingExamples, key)) {
          problems.push({
            file: shown,
            line,
            message: `${JSON.stringify(key)} is not a setting`,
            hint: `the settings are ${Object.keys(settingExamples).join(", ")}`,
          });
          continue;
        }
        settings[key] = values[key];
        if (line !== undefined) lineOf.set(key, line);
      }
    }
  }
  const from = new Map<string, string>();
  if (environment.SITE_BASE_URL !== undefined) ((settings.baseUrl = environment.SITE_BASE_URL), from.set("baseUrl", "SITE_BASE_URL"));
  if (environment.SITE_TIME_ZONE !== undefined) ((settings.timeZone = environment.SITE_TIME_ZONE), from.set("timeZone", "SITE_TIME_ZONE"));

  const check = (key: keyof SiteSettings, message: string | undefined) => {
    if (message === undefined) return;
    const variable = from.get(key);
    problems.push(
      variable
        ? {
            file: `the environment variable ${variable}`,
            message: `${message}`,
            hint: `e.g. ${variable}=${settingExamples[key].split(": ")[1].replaceAll('"', "")}`,
          }
        : { file: shown, line: lineOf.get(key), message: `${key}: ${message}`, hint: `write it as ${settingExamples[key]}` },
    );
  };
  for (const key of ["title", "description", "language"] as const)
    check(
      key,
      typeof settings[key] === "string" && settings[key].trim() !== ""
        ? undefined
        : `expected text, received ${JSON.stringify(settings[key])}`,
    );
  check("timeZone", timeZoneProblem(settings.timeZone));
  check("baseUrl", baseUrlProblem(settings.baseUrl));
  if (typeof settings.language === "string" && settings.language.trim() !== "") check("language", languageProblem(settings.language));
  const count = settings.latestCount;
  check(
    "latestCount",
    Number.isInteger(count) && (count as number) > 0 ? undefined : `expected a whole number above 0, received ${JSON.stringify(count)}`,
  );
  if (problems.length > 0) throw new SiteSettingsError(problems);
  return settings as unknown as SiteSettings;
}

function timeZoneProblem(zone: unknown): string | undefined {
  if (typeof zone !== "string" || !IANAZone.isValidZone(zone))
    return `${JSON.stringify(zone)} is not an IANA time zone (the names of https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)`;
  return undefined;
}

function baseUrlProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `expected an https: or http: address, received ${JSON.stringify(value)}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not an address`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `${JSON.stringify(value)} is not an https: or http: address`;
  // The path prefix is the build's (--pathprefix): absolute links are the base URL, the prefix, then the page.
  if (url.pathname !== "/" || url.search || url.hash || url.username)
    return `${JSON.stringify(value)} must be the host alone, e.g. https://example.com (a sub-path is given to the build as --pathprefix)`;
  return undefined;
}

function languageProblem(language: string): string | undefined {
  try {
    Intl.getCanonicalLocales(language);
    return undefined;
  } catch {
    return `${JSON.stringify(language)} is not a BCP 47 language tag, such as en, en-GB or de`;
  }
}
