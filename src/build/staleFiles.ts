import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { filesOfShard, MERGED_SHARDS_FOLDER, type ShardsWritten } from "../search/writeSearchShards.ts";
import { outputFileOf } from "./pageCache.ts";

/**
 * The files of the published site that a build updating it in place (see publishPatch) deletes,
 * relative to the site: the pages of addresses it no longer has, and the files of search shards
 * it indexed anew (or no longer has) that its own shards do not have. Its other files are the
 * published ones, kept, or replaced by the build's from `staging`.
 */
export function staleFiles(site: string, staging: string, previousPages: Record<string, string>, pages: Record<string, string>, search: ShardsWritten & { bundle: string }): string[] {
  const stale = Object.keys(previousPages)
    .filter((url) => !Object.hasOwn(pages, url))
    .map(outputFileOf);
  const inSite = (folder: string) => path.relative(staging, folder);
  const current = new Set(search.folders.map(inSite));
  const merged = path.join(inSite(search.bundle), MERGED_SHARDS_FOLDER);
  const previousMerged = existsSync(path.join(site, merged)) ? readdirSync(path.join(site, merged)).map((name) => path.join(merged, name)) : [];
  const replaced = [...search.rewrittenFolders.map(inSite), ...previousMerged.filter((folder) => !current.has(folder))];
  for (const folder of replaced) {
    if (!existsSync(path.join(site, folder))) continue;
    for (const file of filesOfShard(path.join(site, folder), folder === inSite(search.bundle))) {
      if (!existsSync(path.join(staging, folder, file))) stale.push(path.join(folder, file));
    }
  }
  return stale;
}
