import { constants, copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Keeps a file of an earlier build (or of the cache) in a new site: a copy, never a hard link, so
 * that a published file edited in place (by a deploy step, an editor) cannot change the cache and
 * be published again (issue 19). A reflink where the file system has them (COPYFILE_FICLONE
 * falls back to a real copy elsewhere). Synchronous, as tens of thousands of these are far
 * quicker without a round trip through libuv's pool each.
 */
export function copyUnshared(source: string, target: string): void {
  copyFileSync(source, target, constants.COPYFILE_FICLONE);
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
