import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a file under another name beside it, then renames it into place: no reader, in this
 * build or in another sharing the folder (a cache, the parts of a site built in parts), ever
 * sees half of it. Each process writes under a name of its own.
 */
export function writeFileWhole(file: string, data: string | NodeJS.ArrayBufferView): void {
  const partial = `${file}.${process.pid}.partial`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/**
 * The same for a folder, which `fill` writes: a folder cannot replace another, so when another
 * build put the same folder in place first, its folder is kept and this one removed.
 */
export function writeFolderWhole(folder: string, fill: (partial: string) => void): void {
  const partial = `${folder}.${process.pid}.partial`;
  mkdirSync(path.dirname(folder), { recursive: true });
  fill(partial);
  try {
    renameSync(partial, folder);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
}
