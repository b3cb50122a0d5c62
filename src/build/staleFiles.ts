import { lstatSync } from "node:fs";
import path from "node:path";

/**
 * The files (and empty folders) of the published site that a build updating it in place (see
 * publishPatch) deletes: those that it neither kept (`unclaimed`, see LinkResult) nor wrote
 * anew into `staging`. They are the pages of addresses it no longer has, the files of search
 * shards it indexed anew that its own shards do not have, and anything put there by hand: a
 * clean build would have none of them.
 */
export function staleFiles(unclaimed: readonly string[], staging: string): string[] {
  return unclaimed.filter((entry) => {
    const folder = entry.endsWith(path.sep);
    const written = writtenEntry(path.join(staging, folder ? entry.slice(0, -1) : entry));
    // A file where the build writes a folder (or a folder where it writes a file) goes too.
    return written === undefined || written.isDirectory() !== folder;
  });
}

function writtenEntry(file: string) {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined; // A file stands where a folder of the path would be.
  }
}
