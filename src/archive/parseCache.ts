import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import type { CrossReference } from "../markdown/storyMarkdown.ts";

/**
 * What reading a story costs most, kept between builds: the YAML of its front matter (parsed to
 * plain data) and its rendered body. Entries are found by a hash of their input, so a changed
 * file simply misses; the whole cache is dropped when the code that fills it changes.
 * Bodies are kept with a placeholder for each cross-reference's address, filled in every build,
 * since the address of the story linked to may change without this file changing.
 */
export interface ParseCache {
  frontMatter: Map<string, { data: Record<string, unknown>; fieldLines: Record<string, number> }>;
  bodies: Map<string, { html: string; references: CrossReference[] }>;
}

export function emptyParseCache(): ParseCache {
  return { frontMatter: new Map(), bodies: new Map() };
}

export function cacheKey(...parts: string[]): string {
  return createHash("sha1").update(parts.join("\0")).digest("base64");
}

/** The address placeholder of the `index`-th cross-reference; markdown-it never outputs NUL itself. */
export const referencePlaceholder = (index: number) => `\u0000${index}\u0000`;
export const REFERENCE_PLACEHOLDER = /\u0000(\d+)\u0000/g;

export function loadParseCache(file: string, code: string): ParseCache {
  try {
    const stored = deserialize(readFileSync(file)) as { code: string; cache: ParseCache };
    if (stored.code === code) return stored.cache;
  } catch {
    // No cache yet, or unreadable: start empty.
  }
  return emptyParseCache();
}

/** True when a build used exactly the entries it read (a rebuild that parsed nothing new): nothing to save. */
export function usedAsRead(cache: { read: ParseCache; write: ParseCache }): boolean {
  const same = <T>(read: Map<string, T>, written: Map<string, T>) => read.size === written.size && [...written.keys()].every((key) => read.has(key));
  return same(cache.read.frontMatter, cache.write.frontMatter) && same(cache.read.bodies, cache.write.bodies);
}

export function saveParseCache(file: string, code: string, cache: ParseCache): void {
  // One temporary file per process: the parts of a site built in parts may save at once.
  writeFileSync(`${file}.${process.pid}.tmp`, serialize({ code, cache }));
  renameSync(`${file}.${process.pid}.tmp`, file);
}
