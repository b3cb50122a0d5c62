import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Keeps a file of an earlier build (or of the cache) in a new site: a hard link, so nothing is
 * copied, or a copy where the file system cannot link. Synchronous, as tens of thousands of these
 * are far quicker without a round trip through libuv's pool each.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/**
 * Makes the folder of each file about to be written (and its parents), each folder once however
 * many files go in it: many files share a folder, and a `mkdir` per file would double the calls.
 */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const folder = path.dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}
