import { DateTime } from "luxon";
import type { ParseArgsConfig } from "node:util";
import { slugify } from "../slug.ts";
import type { WireStoryFacts } from "../wire/ingest.ts";

/**
 * The options `new` and `ingest` share, for `util.parseArgs`, and how their values are checked.
 * Every problem is collected, so an editor sees them all after one run.
 */
export const storyOptions = {
  title: { type: "string" },
  date: { type: "string" },
  inferred: { type: "boolean", default: false },
  topic: { type: "string", multiple: true, default: [] as string[] },
  publication: { type: "string" },
  source: { type: "string" },
  articles: { type: "string", default: "articles" },
  help: { type: "boolean", short: "h", default: false },
} satisfies ParseArgsConfig["options"];

export interface StoryOptionValues {
  title?: string;
  date?: string;
  inferred?: boolean;
  topic?: string[];
  publication?: string;
  source?: string;
}

const DATE_HINT = "use YYYY-MM-DD, e.g. 2018-11-23";

/** The facts the options state, or every problem with them as one `error: …` line each. */
export function readStoryOptions(values: StoryOptionValues): { facts?: WireStoryFacts; problems: string[] } {
  const problems: string[] = [];

  const title = values.title?.trim() ?? "";
  if (values.title === undefined)
    problems.push(`--title is required (the headline as published, e.g. --title "Huawei, ZTE in the Eye of a Trade Storm")`);
  else if (title === "") problems.push(`--title is empty (give the headline as published)`);
  else if (slugify(title) === "")
    problems.push(`--title ${JSON.stringify(title)} has no letters or digits to name the file after (give the headline as published)`);

  const date = values.date?.trim() ?? "";
  if (values.date === undefined) problems.push(`--date is required (${DATE_HINT})`);
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date, { zone: "utc" }).isValid)
    problems.push(`--date ${JSON.stringify(values.date)} is not a real date (${DATE_HINT})`);

  const topics = (values.topic ?? []).map((topic) => topic.trim());
  if (topics.includes("")) problems.push(`--topic "" is empty (give one topic per --topic, e.g. --topic Huawei --topic "US government")`);

  const publication = values.publication?.trim();
  if (publication === "")
    problems.push(`--publication is empty (give the outlet's name, e.g. --publication "Light Reading", or leave the option out)`);

  const source = values.source?.trim();
  if (source !== undefined && !isWebAddress(source))
    problems.push(
      `--source ${JSON.stringify(values.source)} is not an http(s) address (give the story's original address, starting with https://)`,
    );

  if (problems.length > 0) return { problems };
  const facts: WireStoryFacts = { title, date };
  if (values.inferred) facts.dateInferred = true;
  if (topics.length > 0) facts.topics = [...new Set(topics)];
  if (publication !== undefined) facts.publication = publication;
  if (source !== undefined) facts.source = source;
  return { facts, problems };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
