import { isScalar, parseDocument } from "yaml";

/** What the tools write into a story's front matter. Absent fields are left out of the file. */
export interface StoryFields {
  title: string;
  /** The day of publication, YYYY-MM-DD. */
  date: string;
  /** True when the day was worked out rather than printed on the story. */
  dateInferred?: boolean;
  byline?: { name: string; role?: string }[];
  publication?: string;
  topics?: string[];
  source?: string;
  /** Replaces the slug made from the title (an imported story keeps its old address so). */
  slug?: string;
  summary?: string;
  draft?: boolean;
  /** Old addresses that redirect to the story (an imported story's, where they do not fit its address). */
  aliases?: string[];
  /** The lead image (issue 20): a file beside the story or an https: address, with its alt text and caption. */
  image?: { src: string; alt?: string; caption?: string };
}

/**
 * Writes a story file in the archive's house style, the one the hand-written stories use:
 *
 *     ---
 *     title: "Huawei, ZTE in the Eye of a Trade Storm"
 *     date: 2018-04-26
 *     byline:
 *       - name: Robert Clark
 *         role: Contributing Editor
 *     publication: Light Reading
 *     topics: ["US government", "China"]
 *     source: https://www.lightreading.com/…
 *     ---
 *
 * Titles and topics are always double-quoted; names, publication and source are written plain
 * unless YAML would read them as something else, and then double-quoted. A reference-only story
 * (empty body) ends right after the closing `---`.
 */
export function serializeStory(fields: StoryFields, body: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.date))
    throw new RangeError(`serializeStory: date must be YYYY-MM-DD, received ${JSON.stringify(fields.date)}`);
  const lines = ["---", `title: ${quoted(fields.title)}`, `date: ${fields.date}`];
  if (fields.dateInferred) lines.push("dateInferred: true");
  if (fields.byline && fields.byline.length > 0) {
    lines.push("byline:");
    for (const { name, role } of fields.byline) {
      lines.push(`  - name: ${scalar(name)}`);
      if (role !== undefined) lines.push(`    role: ${scalar(role)}`);
    }
  }
  if (fields.publication !== undefined) lines.push(`publication: ${scalar(fields.publication)}`);
  if (fields.topics && fields.topics.length > 0) lines.push(`topics: [${fields.topics.map(quoted).join(", ")}]`);
  if (fields.source !== undefined) lines.push(`source: ${scalar(fields.source)}`);
  if (fields.slug !== undefined) lines.push(`slug: ${scalar(fields.slug)}`);
  if (fields.summary !== undefined) lines.push(`summary: ${quoted(fields.summary)}`);
  if (fields.draft) lines.push("draft: true");
  if (fields.image) {
    lines.push("image:", `  src: ${scalar(fields.image.src)}`);
    // An empty alt is kept: it marks a decorative image (see leadImageField).
    if (fields.image.alt !== undefined) lines.push(`  alt: ${quoted(fields.image.alt)}`);
    if (fields.image.caption !== undefined) lines.push(`  caption: ${quoted(fields.image.caption)}`);
  }
  if (fields.aliases && fields.aliases.length > 0) {
    lines.push("aliases:");
    for (const alias of fields.aliases) lines.push(`  - ${scalar(alias)}`);
  }
  lines.push("---");
  const text = body.replace(/\s+$/, "");
  return lines.join("\n") + "\n" + (text === "" ? "" : text + "\n");
}

/**
 * A YAML double-quoted string. JSON's string syntax is a subset of it; JSON leaves DEL, the C1
 * controls, the byte-order mark and the Unicode line separators raw, which YAML does not allow
 * (or reads as line breaks), so those become \u escapes too.
 */
function quoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The value as written, when YAML 1.2 and 1.1 readers both read it back as that same string
 * (so "Light Reading" and "https://…" stay plain, while "No", "2018", "a: b", "x #y", "- x",
 * "[x]" or "'x'" are quoted); otherwise quoted.
 */
function scalar(value: string): string {
  if (value === "" || value !== value.trim() || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return quoted(value);
  for (const version of ["1.2", "1.1"] as const) {
    const document = parseDocument(`key: ${value}`, { version });
    if (document.errors.length > 0 || document.warnings.length > 0) return quoted(value);
    const node = document.get("key", true);
    if (!isScalar(node) || node.type !== "PLAIN" || node.tag !== undefined || node.value !== value) return quoted(value);
  }
  return value;
}
