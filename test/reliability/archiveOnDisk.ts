import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Throwaway project folders for the reliability tests: an `articles/` folder written byte for byte
 * (some fixtures are deliberately not UTF-8), and a way to fingerprint a site folder so a test can
 * tell whether a single byte of it changed.
 */

export interface ArchiveOnDisk {
  /** The project folder; the site is built next to `articles/`, into `root/site`. */
  root: string;
  articles: string;
  /** `root/site`: where tests publish the site. */
  site: string;
  remove(): void;
}

const created: string[] = [];
process.on("exit", () => {
  for (const folder of created) rmSync(folder, { recursive: true, force: true });
});

/**
 * A project folder whose `articles/` holds these files (paths under `articles/`, text or bytes)
 * and these symbolic links (path under `articles/` to the target as written).
 */
export function archiveOnDisk(files: Record<string, string | Uint8Array> = {}, links: Record<string, string> = {}): ArchiveOnDisk {
  const root = mkdtempSync(path.join(tmpdir(), "news-archive-reliability-"));
  created.push(root);
  const articles = path.join(root, "articles");
  mkdirSync(articles);
  writeStoryFiles(articles, files);
  for (const [sourcePath, target] of Object.entries(links)) {
    const link = path.join(articles, sourcePath);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link);
  }
  return { root, articles, site: path.join(root, "site"), remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeStoryFiles(articles: string, files: Record<string, string | Uint8Array>): void {
  for (const [sourcePath, content] of Object.entries(files)) {
    const file = path.join(articles, sourcePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * Every entry under a folder: each file by its SHA-256, each folder as "dir". Two equal
 * fingerprints mean the same tree, byte for byte (empty folders included).
 */
export function fingerprint(folder: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    const absolute = path.join(folder, entry);
    const name = entry.split(path.sep).join("/");
    entries.set(name, statSync(absolute).isDirectory() ? "dir" : createHash("sha256").update(readFileSync(absolute)).digest("hex"));
  }
  return entries;
}

/** The entries whose bytes differ, or that only one of the trees has: [] when they are identical. */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => (!after.has(name) ? `${name}: gone` : !before.has(name) ? `${name}: new` : `${name}: changed`));
}
