import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { KnownStory } from "./crossReferences.ts";

/**
 * The headline in a story file's front matter, or undefined when the file has none readable.
 * Only what cross-referencing needs: the full checks belong to the archive build, which reports
 * them; a broken file here simply cannot be linked to.
 */
export function readHeadline(fileText: string): string | undefined {
  const lines = fileText.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!/^---\s*$/.test(lines[0] ?? "")) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing === -1) return undefined;
  const document = parseDocument(lines.slice(1, closing).join("\n"));
  if (document.errors.length > 0) return undefined;
  const title: unknown = document.get("title");
  return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
}

/** Every story under `articlesDir` with a readable title, by path relative to that folder (sorted). */
export async function loadKnownStories(articlesDir: string): Promise<KnownStory[]> {
  const entries = await readdir(articlesDir, { recursive: true, withFileTypes: true });
  const stories: KnownStory[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    // `parentPath` on Node 20.12+, `path` before it.
    const directory = (entry as { parentPath?: string }).parentPath ?? entry.path;
    const file = path.join(directory, entry.name);
    const text = await readFile(file, "utf8").catch(() => undefined);
    const title = text === undefined ? undefined : readHeadline(text);
    if (title === undefined) continue;
    stories.push({ title, sourcePath: path.relative(articlesDir, file).split(path.sep).join("/") });
  }
  return stories.sort((a, b) => a.sourcePath.localeCompare(b.sourcePath));
}
