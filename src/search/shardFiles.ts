import { readdirSync } from "node:fs";
import path from "node:path";
import { copyUnshared, folderMaker } from "../linkOrCopy.ts";

/** Where the first shard's folder holds the others, each in a folder of its name. */
export const MERGED_SHARDS_FOLDER = "shards";

/** Files a merged shard needs; Pagefind's scripts, styles and WebAssembly come from the first shard. */
export const MERGED_SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

/**
 * The files of a shard (in the cache, or in a site) that the site needs, relative to its folder:
 * a merged shard leaves out Pagefind's scripts, styles and WebAssembly, which come from the
 * first; the first's folder in a site also holds the merged shards, which are not its own.
 */
export function filesOfShard(dir: string, wholeBundle: boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (wholeBundle ? entry.name === MERGED_SHARDS_FOLDER : !MERGED_SHARD_FILES.test(entry.name)) continue;
    if (!entry.isDirectory()) files.push(entry.name);
    else
      for (const inner of readdirSync(path.join(dir, entry.name), { recursive: true, withFileTypes: true }))
        if (!inner.isDirectory()) files.push(path.relative(dir, path.join(inner.parentPath, inner.name)));
  }
  return files;
}

/**
 * Copies a cached shard into the site (never a hard link into the cache: issue 19), files a
 * merged shard does not need left out. Synchronous: a round trip through libuv's pool per
 * fragment file would wait on Eleventy's rendering.
 */
export function copyShard(from: string, to: string, wholeBundle: boolean): void {
  const makeFolderOf = folderMaker();
  for (const file of filesOfShard(from, wholeBundle)) {
    makeFolderOf(path.join(to, file));
    copyUnshared(path.join(from, file), path.join(to, file));
  }
}
