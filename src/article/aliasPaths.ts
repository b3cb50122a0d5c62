import { describeValue, type FieldResult } from "./schema.ts";

/**
 * Reads `aliases:`, the old addresses of a story that keep working (issue 21): site-relative
 * paths, each made to end in "/" unless it names a file ("/old.html"). One form with a query is
 * read, `/?p=123` (a single name=value pair, as WordPress's post ids): a static page cannot
 * answer a query, so it becomes a `_redirects` rule only (see src/redirects/buildRedirects.ts).
 */
export function readAliases(raw: unknown): FieldResult<string[]> {
  const hint = "write a list of old addresses of the site, each starting with /: aliases: [/old/address/, /2018/story.html]";
  if (typeof raw === "string") raw = [raw];
  if (!Array.isArray(raw)) return { ok: false, message: `aliases: expected a list of addresses, received ${describeValue(raw)}`, hint };
  const aliases: string[] = [];
  for (const [index, entry] of raw.entries()) {
    if (typeof entry !== "string" || entry.trim() === "")
      return { ok: false, message: `aliases ${index + 1}: expected an address, received ${describeValue(entry)}`, hint };
    const read = aliasPath(entry.trim());
    if (!read.ok) return { ok: false, message: `aliases ${index + 1}: "${entry.trim()}" ${read.why}`, hint: read.hint };
    if (!aliases.includes(read.path)) aliases.push(read.path);
  }
  return { ok: true, value: aliases };
}

/** The one query an alias may have: `?name=value`, which Netlify's `_redirects` rules can match. */
const SIMPLE_QUERY = /^\?[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+$/;

type AliasPath = { ok: true; path: string } | { ok: false; why: string; hint: string };

function aliasPath(written: string): AliasPath {
  const fix = "write the path on the old site alone, e.g. /2018/11/old-story/";
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return { ok: false, why: "is a full address, not a path of this site", hint: fix };
  if (!written.startsWith("/")) return { ok: false, why: "does not start with /", hint: fix };
  if (/[\u0000-\u001f\u007f-\u009f\s]/.test(written))
    return { ok: false, why: "holds a space or a control character", hint: "write a space as %20, and leave out tabs and line breaks" };
  if (written.includes("#"))
    return { ok: false, why: "has a #fragment, which is never sent to the site", hint: "leave out the # and what follows" };
  if (written.includes("\\")) return { ok: false, why: 'holds a "\\"', hint: "separate the parts of a path with /" };
  const queryAt = written.indexOf("?");
  const pathPart = queryAt === -1 ? written : written.slice(0, queryAt);
  const query = queryAt === -1 ? "" : written.slice(queryAt);
  if (pathPart.includes("//")) return { ok: false, why: 'holds "//"', hint: "separate the parts of a path with a single /" };
  if (pathPart.split("/").some((part) => part === ".." || part === "."))
    return { ok: false, why: 'holds a "." or ".." part', hint: "write the path as the old site served it, without . or .. parts" };
  if (query !== "" && !SIMPLE_QUERY.test(query))
    return {
      ok: false,
      why: "has a query other than one ?name=value",
      hint: "a redirect rule can match one query parameter, e.g. /?p=123; leave out other queries",
    };
  const last = pathPart.slice(pathPart.lastIndexOf("/") + 1);
  // "/old" and "/old/" are one address on every static host; "/old.html" names a file.
  const normal = pathPart.endsWith("/") || /\.[A-Za-z0-9]+$/.test(last) ? pathPart : pathPart + "/";
  return { ok: true, path: normal + query };
}
