import { hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileWhole } from "./writeWhole.ts";

/**
 * Cache entries whose bytes are published (search shards, Pagefind's bundle, the compressed
 * WebAssembly) are sealed when written: the SHA-256 of every file, kept beside the entry, is
 * checked before the entry is used, so an entry truncated, edited or given extra files is
 * rebuilt instead of published (issue 19).
 */
export function sealOf(entry: string): string {
  return `${entry}.sha256.json`;
}

/** Records what `entry` (a folder or a file) holds now, under the name it will have: `sealed`. */
export function sealEntry(entry: string, sealed = entry): void {
  writeFileWhole(sealOf(sealed), JSON.stringify(contentsOf(entry)));
}

/** Whether `entry` holds exactly what it was sealed with; a damaged one (or one never sealed) is removed. */
export function entryIntact(entry: string): boolean {
  if (!existsSync(entry)) return false;
  let intact = false;
  try {
    const sealed = JSON.parse(readFileSync(sealOf(entry), "utf8")) as Record<string, string>;
    const found = contentsOf(entry);
    const names = Object.keys(sealed);
    intact = names.length === Object.keys(found).length && names.every((name) => found[name] === sealed[name]);
  } catch {
    intact = false; // No seal, or an unreadable one.
  }
  if (!intact) removeEntry(entry);
  return intact;
}

export function removeEntry(entry: string): void {
  rmSync(entry, { recursive: true, force: true });
  rmSync(sealOf(entry), { force: true });
}

/** Each file under `entry` (or `entry` itself, as "") by its SHA-256; folders as "dir". */
function contentsOf(entry: string): Record<string, string> {
  const contents: Record<string, string> = {};
  let entries;
  try {
    entries = readdirSync(entry, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
    return { "": hash("sha256", readFileSync(entry)) };
  }
  for (const inner of entries) {
    const name = path.relative(entry, path.join(inner.parentPath, inner.name));
    contents[name] = inner.isDirectory() ? "dir" : hash("sha256", readFileSync(path.join(entry, name)));
  }
  return contents;
}
