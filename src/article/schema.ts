import { leadImageField } from "../images/leadImageField.ts";
import { parseStoryDate, restoreStoryDate, storeStoryDate, type StoredStoryDate, type StoryDate } from "../dates.ts";
import { slugProblem } from "../slugRules.ts";
import { findControlCharacter } from "./controlCharacters.ts";
import { MAX_BYLINES_PER_STORY, MAX_TOPICS_PER_STORY } from "./storyLimits.ts";
import { readAliases } from "./aliasPaths.ts";

/**
 * The story front matter: every field is declared here once, with how it is read and what an
 * editor is told when it is wrong, its value when absent, how it is kept between builds and its
 * row in the README. The front matter's type, the `Story`'s facts, the parse cache's entries, the
 * key every page that shows a story is fingerprinted by, and the README's table follow from
 * these declarations (issue 19: a field added later cannot leave a page stale).
 */

export interface Byline {
  name: string;
  role?: string;
}

/** What a field reader gets: the raw YAML value and the site's zone (for dates). */
export interface FieldContext {
  timeZone: string;
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

export interface FieldSpec<T, Stored = T> {
  required: boolean;
  read(raw: unknown, context: FieldContext): FieldResult<T>;
  /** The story's value when its front matter has no such line; without it, the field may be absent. */
  absent?: T;
  /**
   * For a value that is not plain data (a date): the plain data it is kept as between builds and
   * hashed as into the story's key, and how it is made again in the zone it was read in.
   */
  store?(value: T): Stored;
  restore?(stored: Stored, context: FieldContext): T;
  /** Another field without which this one is never shown: a story with this field and not that one is a problem. */
  needs?: string;
  /** Its row in the README's article format: a value as written after "name:" (also used in hints), and what it means. */
  doc: { example: string; note: string };
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

function text(name: string, example: string, note: string): FieldSpec<string> {
  return {
    required: false,
    doc: { example, note },
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

/** A field shown only with `other` (see `FieldSpec.needs`). */
function shownWith<T, Stored>(other: string, spec: FieldSpec<T, Stored>): FieldSpec<T, Stored> {
  return { ...spec, needs: other };
}

/** `slug:` as written, if it can name a folder (see slugRules.ts). */
const slugText = text("slug", "a-shorter-address", "replaces the slug made from the title; letters, digits and hyphens");
const slugSpec: FieldSpec<string> = {
  ...slugText,
  read(raw, context) {
    const result = slugText.read(raw, context);
    if (!result.ok) return result;
    const problem = slugProblem(result.value);
    if (problem === undefined) return result;
    return wrong(
      `slug: ${JSON.stringify(result.value)} ${problem}`,
      "write a few words in lower case joined by hyphens, e.g. slug: my-story (see README, The article format)",
    );
  },
};

function required<T, Stored>(spec: FieldSpec<T, Stored>): FieldSpec<T, Stored> & { required: true } {
  return { ...spec, required: true };
}

/** A field every story has: `value` when its front matter has no such line. */
function absentMeans<T, Stored>(value: T, spec: FieldSpec<T, Stored>): FieldSpec<T, Stored> & { absent: T } {
  return { ...spec, absent: value };
}

function flag(name: string, note: string): FieldSpec<boolean> {
  return {
    required: false,
    doc: { example: "true", note },
    read(raw) {
      if (typeof raw === "boolean") return ok(raw);
      return wrong(`${name}: expected true or false, received ${describeValue(raw)}`, `write ${name}: true, or remove the line`);
    },
  };
}

function date(name: string, example: string, note: string): FieldSpec<StoryDate, StoredStoryDate> {
  return {
    required: false,
    doc: { example, note },
    store: storeStoryDate,
    restore: (stored, { timeZone }) => restoreStoryDate(stored, timeZone),
    read(raw, { timeZone }) {
      // A YAML timestamp comes as its text (see parse.ts): a Date would have lost the written time.
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
  doc: { example: "https://www.lightreading.com/...", note: "the story's original address" },
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
  doc: { example: "\n  - name: Ray Le Maistre\n    role: Editor-in-Chief", note: "a list of names, or of { name, role }" },
  read(raw) {
    const hint =
      "write a list of names, or of { name, role }: byline: [Ray Le Maistre] or byline:\\n  - name: Ray Le Maistre\\n    role: Editor-in-Chief";
    if (typeof raw === "string") raw = [raw];
    if (!Array.isArray(raw)) return wrong(`byline: expected a list of names, received ${describeValue(raw)}`, hint);
    if (raw.length > MAX_BYLINES_PER_STORY)
      return wrong(
        `byline: ${raw.length} names, more than the ${MAX_BYLINES_PER_STORY} a story may have`,
        "name the people who wrote the story; credit a larger team in its text",
      );
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
  doc: { example: "[Huawei, ZTE, 5G, Security]", note: "matched without regard to case" },
  read(raw) {
    const hint = "write a list of topics: topics: [Huawei, 5G, Security]";
    if (typeof raw === "string") raw = [raw];
    if (!Array.isArray(raw)) return wrong(`topics: expected a list of topics, received ${describeValue(raw)}`, hint);
    if (raw.length > MAX_TOPICS_PER_STORY)
      return wrong(
        `topics: ${raw.length} topics, more than the ${MAX_TOPICS_PER_STORY} a story may have`,
        "keep the topics the story is about; every name it mentions is found by the search anyway",
      );
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

// `any`: a table of fields of every type; each field's own type is kept by `satisfies` below.
type AnyFieldSpec = FieldSpec<any, any>;

/** Every field a story file may have, by name: what `readFrontMatter` reads (a test may add some). */
export type FieldDeclarations = Record<string, AnyFieldSpec>;

export const storyFields = {
  title: required(text("title", '"Huawei Faces Further Heat From US Administration – Report"', "")),
  date: required(date("date", "2018-11-23", "a day, or a date-time such as 2018-11-23T23:30:00-05:00")),
  dateInferred: absentMeans(false, flag("dateInferred", "the day was worked out, not read off the story")),
  byline: absentMeans([], bylineSpec),
  publication: text("publication", "Light Reading", ""),
  topics: absentMeans([], topicsSpec),
  source: url,
  slug: slugSpec,
  summary: text("summary", '"One sentence on the story."', "used as the page's description"),
  draft: absentMeans(false, flag("draft", "shown by npm start, left out of npm run build")),
  updated: date("updated", "2018-12-02", 'with correction, shown as "Updated 2 December 2018: ..."'),
  correction: shownWith("updated", text("correction", '"An earlier version misspelled a name."', "shown with updated, which it needs")),
  aliases: absentMeans([], {
    required: false,
    read: readAliases,
    doc: { example: "[/2018/11/old-address/, /blog/old-story.html]", note: "old addresses of this story, redirected here" },
  }),
  image: leadImageField,
} satisfies FieldDeclarations;

export type FieldName = keyof typeof storyFields;
type Spec<K extends FieldName> = (typeof storyFields)[K];
type FieldValue<K extends FieldName> = Spec<K> extends FieldSpec<infer T, infer _Stored> ? T : never;
/** A field every story has: a required one, or one with a value when absent. */
type Always<K extends FieldName> = Spec<K> extends { required: true } | { absent: unknown } ? true : false;
type StoredValue<K extends FieldName> = Spec<K> extends { store(value: never): infer Stored } ? Stored : FieldValue<K>;

/** The front matter once read: every field a story always has is present, the others possibly absent. */
export type StoryFrontMatter = { [K in FieldName as Always<K> extends true ? K : never]: FieldValue<K> } & {
  [K in FieldName as Always<K> extends true ? never : K]?: FieldValue<K>;
};

/** The front matter as plain data: kept between builds, and hashed into the story's key. */
export type StoredFrontMatter = { [K in FieldName as Always<K> extends true ? K : never]: StoredValue<K> } & {
  [K in FieldName as Always<K> extends true ? never : K]?: StoredValue<K>;
};

export const fieldNames = Object.keys(storyFields) as FieldName[];

/** The front matter as plain data, field by field as declared (see `FieldSpec.store`). */
export function storeFrontMatter(frontMatter: StoryFrontMatter, fields: FieldDeclarations = storyFields): StoredFrontMatter {
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(frontMatter)) {
    const store = fields[name]?.store;
    stored[name] = store ? store(value) : value;
  }
  return stored as StoredFrontMatter;
}

/** The front matter `storeFrontMatter` kept, in the context (zone) it was read in. */
export function restoreFrontMatter(
  stored: StoredFrontMatter,
  context: FieldContext,
  fields: FieldDeclarations = storyFields,
): StoryFrontMatter {
  const frontMatter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(stored)) {
    const restore = fields[name]?.restore;
    frontMatter[name] = restore ? restore(value, context) : value;
  }
  return frontMatter as StoryFrontMatter;
}

export interface FieldProblem {
  field: string;
  message: string;
  hint: string;
}

/**
 * Reads the YAML map of one story into typed front matter, collecting every field problem.
 * `fields`: the declarations to read by (the archive's own, unless a test adds some).
 */
export function readFrontMatter(
  data: Record<string, unknown>,
  context: FieldContext,
  fields: FieldDeclarations = storyFields,
): { frontMatter?: StoryFrontMatter; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  const fieldNames = Object.keys(fields);
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(fields, key)) {
      const suggestion = closestFieldName(key, fieldNames);
      problems.push({
        field: key,
        message: `unknown field "${key}"`,
        hint: suggestion ? `did you mean ${suggestion}?` : `known fields: ${fieldNames.join(", ")}`,
      });
    }
  }
  for (const name of fieldNames) {
    const spec: AnyFieldSpec = fields[name];
    const raw = data[name];
    if (raw === undefined || raw === null) {
      // A copy: stories never share a list.
      if (spec.absent !== undefined) values[name] = structuredClone(spec.absent);
      // `title:` with nothing after it is YAML null: the line is there, its value is not.
      if (spec.required && raw === null)
        problems.push({ field: name, message: `${name}: is empty`, hint: `every story needs a ${name}: write it after the colon` });
      else if (spec.required) problems.push({ field: name, message: `${name}: is missing`, hint: `every story needs a ${name}` });
      continue;
    }
    // Here, before any reader: no field, declared now or later, takes a control character in.
    const control = findControlCharacter(raw);
    if (control) {
      problems.push({
        field: name,
        message: `${name}: holds ${control.name} (character ${control.index} of the value)`,
        hint: "delete it: it is no text, most editors do not show it (it comes in with a paste), and it would make the feeds ill-formed XML",
      });
      continue;
    }
    const result = spec.read(raw, context);
    if (result.ok) values[name] = result.value;
    else problems.push({ field: name, message: result.message, hint: result.hint });
  }
  for (const name of fieldNames) {
    const other = fields[name].needs;
    if (other === undefined || values[name] === undefined || (data[other] ?? null) !== null) continue;
    problems.push({
      field: name,
      message: `${name}: is shown only with ${other}:, and this story has no ${other}: line`,
      hint: `add ${other}: ${fields[other]?.doc.example.trim() ?? "…"} (the day of the ${name}), or remove the ${name}: line`,
    });
  }
  if (problems.length > 0) return { problems };
  return { frontMatter: values as StoryFrontMatter, problems };
}

function closestFieldName(key: string, fieldNames: readonly string[]): string | undefined {
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
