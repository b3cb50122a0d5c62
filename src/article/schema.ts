import { parseStoryDate, type StoryDate } from "../dates.ts";

/**
 * The story front matter: every field is declared here once, with how it is read and what an
 * editor is told when it is wrong. The `Story` type below is derived from these declarations.
 */

export interface Byline {
  name: string;
  role?: string;
}

/** What a field reader gets: the raw YAML value and the site's zone (for dates). */
interface FieldContext {
  timeZone: string;
}

type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

interface FieldSpec<T> {
  required: boolean;
  read(raw: unknown, context: FieldContext): FieldResult<T>;
}

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const wrong = (message: string, hint: string): FieldResult<never> => ({ ok: false, message, hint });

/** How a YAML value is named in messages: "a number", "a map", "a list". */
export function describeValue(raw: unknown): string {
  if (raw === null || raw === undefined) return "nothing";
  if (Array.isArray(raw)) return "a list";
  if (raw instanceof Date) return "a date";
  if (typeof raw === "object") return "a map";
  if (typeof raw === "string") return `the text ${JSON.stringify(raw)}`;
  return `${typeof raw === "number" ? "the number" : "the value"} ${String(raw)}`;
}

function text(name: string, example: string): FieldSpec<string> {
  return {
    required: false,
    read(raw) {
      if (typeof raw === "number" || typeof raw === "boolean") raw = String(raw);
      if (typeof raw !== "string")
        return wrong(`${name}: expected text, received ${describeValue(raw)}`, `write it as ${name}: ${example}`);
      const trimmed = raw.trim();
      if (trimmed === "") return wrong(`${name}: is empty`, `give it a value, e.g. ${name}: ${example}, or remove the line`);
      return ok(trimmed);
    },
  };
}

function required<T>(spec: FieldSpec<T>): FieldSpec<T> & { required: true } {
  return { ...spec, required: true };
}

function flag(name: string): FieldSpec<boolean> {
  return {
    required: false,
    read(raw) {
      if (typeof raw === "boolean") return ok(raw);
      return wrong(`${name}: expected true or false, received ${describeValue(raw)}`, `write ${name}: true, or remove the line`);
    },
  };
}

function date(name: string): FieldSpec<StoryDate> {
  return {
    required: false,
    read(raw, { timeZone }) {
      if (raw instanceof Date) raw = raw.toISOString();
      if (typeof raw !== "string")
        return wrong(`${name}: expected a date, received ${describeValue(raw)}`, `write it as ${name}: 2018-11-23`);
      const parsed = parseStoryDate(raw, timeZone);
      if (!parsed.ok)
        return wrong(
          `${name}: ${parsed.reason}`,
          `write a real day as ${name}: 2018-11-23, or a moment as ${name}: 2018-11-23T18:30:00-05:00`,
        );
      return ok(parsed.date);
    },
  };
}

const url: FieldSpec<string> = {
  required: false,
  read(raw) {
    if (typeof raw !== "string")
      return wrong(`source: expected an address, received ${describeValue(raw)}`, "write it as source: https://…");
    const trimmed = raw.trim();
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return wrong(`source: "${trimmed}" is not a web address`, "give the story's original address, starting with https://");
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
      return wrong(`source: "${trimmed}" is not an http(s) address`, "only http:// and https:// addresses can be linked");
    return ok(trimmed);
  },
};

const bylineSpec: FieldSpec<Byline[]> = {
  required: false,
  read(raw) {
    const hint =
      "write a list of names, or of { name, role }: byline: [Ray Le Maistre] or byline:\\n  - name: Ray Le Maistre\\n    role: Editor-in-Chief";
    if (typeof raw === "string") raw = [raw];
    if (!Array.isArray(raw)) return wrong(`byline: expected a list of names, received ${describeValue(raw)}`, hint);
    const bylines: Byline[] = [];
    for (const [index, entry] of raw.entries()) {
      if (typeof entry === "string" && entry.trim() !== "") {
        bylines.push({ name: entry.trim() });
        continue;
      }
      if (entry && typeof entry === "object" && !Array.isArray(entry)) {
        const { name, role, ...rest } = entry as Record<string, unknown>;
        const extra = Object.keys(rest);
        if (extra.length > 0) return wrong(`byline ${index + 1}: unknown key "${extra[0]}"`, "a byline has only name and role");
        if (typeof name !== "string" || name.trim() === "")
          return wrong(`byline ${index + 1}: name: expected text, received ${describeValue(name)}`, hint);
        if (role !== undefined && (typeof role !== "string" || role.trim() === ""))
          return wrong(
            `byline ${index + 1}: role: expected text, received ${describeValue(role)}`,
            "write role: Editor-in-Chief, or remove it",
          );
        bylines.push(role === undefined ? { name: name.trim() } : { name: name.trim(), role: (role as string).trim() });
        continue;
      }
      return wrong(`byline ${index + 1}: expected a name, received ${describeValue(entry)}`, hint);
    }
    return ok(bylines);
  },
};

const topicsSpec: FieldSpec<string[]> = {
  required: false,
  read(raw) {
    const hint = "write a list of topics: topics: [Huawei, 5G, Security]";
    if (typeof raw === "string") raw = [raw];
    if (!Array.isArray(raw)) return wrong(`topics: expected a list of topics, received ${describeValue(raw)}`, hint);
    const topics: string[] = [];
    for (const [index, entry] of raw.entries()) {
      const value = typeof entry === "number" ? String(entry) : entry;
      if (typeof value !== "string" || value.trim() === "")
        return wrong(`topics ${index + 1}: expected a topic name, received ${describeValue(entry)}`, hint);
      topics.push(value.trim());
    }
    return ok(topics);
  },
};

export const storyFields = {
  title: required(text("title", '"Huawei Faces Further Heat From US Administration – Report"')),
  date: required(date("date")),
  dateInferred: flag("dateInferred"),
  byline: bylineSpec,
  publication: text("publication", "Light Reading"),
  topics: topicsSpec,
  source: url,
  slug: text("slug", "huawei-faces-further-heat"),
  summary: text("summary", '"One or two sentences on the story."'),
  draft: flag("draft"),
  updated: date("updated"),
  correction: text("correction", '"An earlier version misspelled a name."'),
} satisfies Record<string, FieldSpec<unknown>>;

export type FieldName = keyof typeof storyFields;
type FieldValue<K extends FieldName> = (typeof storyFields)[K] extends FieldSpec<infer T> ? T : never;

/** The front matter once read: required fields always present, optional ones possibly absent. */
export type StoryFrontMatter = {
  [K in FieldName as (typeof storyFields)[K]["required"] extends true ? K : never]: FieldValue<K>;
} & {
  [K in FieldName as (typeof storyFields)[K]["required"] extends true ? never : K]?: FieldValue<K>;
};

export const fieldNames = Object.keys(storyFields) as FieldName[];

export interface FieldProblem {
  field: string;
  message: string;
  hint: string;
}

/** Reads the YAML map of one story into typed front matter, collecting every field problem. */
export function readFrontMatter(
  data: Record<string, unknown>,
  context: FieldContext,
): { frontMatter?: StoryFrontMatter; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    if (!(fieldNames as string[]).includes(key)) {
      const suggestion = closestFieldName(key);
      problems.push({
        field: key,
        message: `unknown field "${key}"`,
        hint: suggestion ? `did you mean ${suggestion}?` : `known fields: ${fieldNames.join(", ")}`,
      });
    }
  }
  for (const name of fieldNames) {
    const spec: FieldSpec<unknown> = storyFields[name];
    const raw = data[name];
    if (raw === undefined || raw === null) {
      // `title:` with nothing after it is YAML null: the line is there, its value is not.
      if (spec.required && raw === null)
        problems.push({ field: name, message: `${name}: is empty`, hint: `every story needs a ${name}: write it after the colon` });
      else if (spec.required) problems.push({ field: name, message: `${name}: is missing`, hint: `every story needs a ${name}` });
      continue;
    }
    const result = spec.read(raw, context);
    if (result.ok) values[name] = result.value;
    else problems.push({ field: name, message: result.message, hint: result.hint });
  }
  if (problems.length > 0) return { problems };
  return { frontMatter: values as StoryFrontMatter, problems };
}

function closestFieldName(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of fieldNames) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = name;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
