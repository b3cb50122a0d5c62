import { readFileSync } from "node:fs";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";

/** A content file of Jekyll or Hugo split into its front matter (YAML `---` or TOML `+++`) and body. */
export interface SourceFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyStartLine: number;
  /** 1-based line of each top-level front-matter key, for warnings about its value. */
  keyLines: Record<string, number>;
}

/**
 * A post file of an old site read with `readSourceFile`, or, when its front matter cannot be read,
 * undefined with the reason put in `skipped`: one bad post never stops an import.
 */
export function readPostFile(file: string, skipped: { file: string; reason: string }[]): SourceFile | undefined {
  try {
    return readSourceFile(readFileSync(file, "utf8"));
  } catch (error) {
    skipped.push({ file, reason: `its front matter cannot be read: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * Reads front matter as Jekyll and Hugo do: YAML between `---` lines (any YAML, multi-line quoted
 * scalars included, as the `yaml` package reads it), or TOML between `+++` lines (Hugo).
 * Throws with the reader's message when the front matter is not valid.
 */
export function readSourceFile(text: string): SourceFile {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const fence = lines[0].trim();
  if (fence !== "---" && fence !== "+++") return { data: {}, body: source, bodyStartLine: 1, keyLines: {} };
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === fence);
  if (closing === -1) throw new Error(`the front matter opened by ${fence} on line 1 is never closed`);
  const inner = lines.slice(1, closing).join("\n");
  const data = (fence === "+++" ? parseToml(inner) : (parseYaml(inner) ?? {})) as Record<string, unknown>;
  const keyLines: Record<string, number> = {};
  for (let index = closing - 1; index > 0; index--) {
    const key = /^([A-Za-z_][\w-]*)\s*[:=]/.exec(lines[index])?.[1];
    if (key) keyLines[key] = index + 1;
  }
  return { data, body: lines.slice(closing + 1).join("\n"), bodyStartLine: closing + 2, keyLines };
}

/**
 * A post's featured image as its front matter names it: Jekyll's `image:` (a path, or jekyll-seo-tag's
 * `{ path, alt }`), Hugo's `images:` (the first, as Hugo's Open Graph template takes it) or `image:`.
 */
export function featuredImage(source: SourceFile): { href: string; alt?: string; line?: number } | undefined {
  const { data, keyLines } = source;
  const raw = data.image ?? (Array.isArray(data.images) ? data.images[0] : data.images);
  const line = keyLines[data.image !== undefined ? "image" : "images"];
  if (typeof raw === "string" && raw.trim() !== "") return { href: raw.trim(), line };
  if (raw && typeof raw === "object" && typeof (raw as Record<string, unknown>).path === "string") {
    const { path, alt } = raw as Record<string, unknown>;
    return { href: String(path).trim(), alt: typeof alt === "string" ? alt.trim() : undefined, line };
  }
  return undefined;
}

/** A front-matter value as a list of strings: "a b" stays one, ["a", "b"] is two. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((entry) => typeof entry === "string" || typeof entry === "number")
    .map((entry) => String(entry).trim())
    .filter(Boolean);
}
