import { copyFileSync, linkSync } from "node:fs";

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
