import { closeSync, fstatSync, openSync, readdirSync, readSync, rmSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { StoredStoryFile } from "../article/parse.ts";
import type { CrossReference } from "../markdown/storyMarkdown.ts";
import { writeFileWhole } from "../writeWhole.ts";

/**
 * What reading a story costs most, kept between builds: each story file read without problems
 * (front matter checked, dates included) and its rendered body. Entries are found by a hash of
 * their input, so a changed file simply misses; the whole cache is dropped when the code that
 * fills it changes. Bodies are kept with a placeholder for each cross-reference's address,
 * filled in every build, since the address of the story linked to may change without this file
 * changing.
 */
export interface ParseCache {
  /** By a hash of the site's zone and the file's bytes. */
  files: Map<string, StoredStoryFile>;
  /** By that hash and the file's path (links resolve from its folder). */
  bodies: Map<string, { html: string; references: CrossReference[] }>;
}

export function emptyParseCache(): ParseCache {
  return { files: new Map(), bodies: new Map() };
}

/** The address placeholder of the `index`-th cross-reference; markdown-it never outputs NUL itself. */
export const referencePlaceholder = (index: number) => `\u0000${index}\u0000`;
export const REFERENCE_PLACEHOLDER = /\u0000(\d+)\u0000/g;

/**
 * The cache as a build uses it: everything an earlier build kept, to read from, and what this
 * build used, by the folder of the articles it came from (a year, in a newsroom's archive).
 * Each folder is kept in a file of its own, so that a rebuild after an edit rewrites one year's
 * file instead of the whole archive's.
 */
export class StoryParseCache {
  readonly read: ParseCache = emptyParseCache();
  private readonly keysRead = new Map<string, Set<string>>();
  private readonly filesFound: string[] = [];
  private readonly written = new Map<string, ParseCache>();

  private constructor(
    private readonly dir: string,
    private readonly code: string,
  ) {}

  /** Every folder's file in `dir` written by the same code (`code`); anything else is ignored. */
  static load(dir: string, code: string): StoryParseCache {
    const cache = new StoryParseCache(dir, code);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith(".v8"));
    } catch {
      // No cache yet.
    }
    cache.filesFound.push(...names);
    const reader = new ReusedBuffer();
    for (const name of names) {
      let stored: { code: string; cache: ParseCache };
      try {
        stored = deserialize(reader.read(path.join(dir, name))) as typeof stored;
      } catch {
        continue; // Unreadable: its stories are read again.
      }
      if (stored.code !== code) continue;
      for (const [key, value] of stored.cache.files) cache.read.files.set(key, value);
      for (const [key, value] of stored.cache.bodies) cache.read.bodies.set(key, value);
      cache.keysRead.set(name, new Set([...stored.cache.files.keys(), ...stored.cache.bodies.keys()]));
    }
    return cache;
  }

  /** Where the entries of the story file at `sourcePath` that this build used are put. */
  usedFor(sourcePath: string): { read: ParseCache; write: ParseCache } {
    const name = segmentFile(sourcePath);
    let write = this.written.get(name);
    if (write === undefined) this.written.set(name, (write = emptyParseCache()));
    return { read: this.read, write };
  }

  /**
   * Writes the folders whose entries differ from what was read and removes the other files (of
   * folders that no longer hold a story, or of other code); a build that read every story from
   * the cache writes nothing.
   * Returns how many files it wrote.
   */
  save(): number {
    let saved = 0;
    for (const [name, used] of this.written) {
      const read = this.keysRead.get(name);
      const keys = [...used.files.keys(), ...used.bodies.keys()];
      if (read && read.size === keys.length && keys.every((key) => read.has(key))) continue;
      // The parts of a site built in parts may save at once.
      writeFileWhole(path.join(this.dir, name), serialize({ code: this.code, cache: used }));
      saved++;
    }
    for (const name of this.filesFound) if (!this.written.has(name)) rmSync(path.join(this.dir, name), { force: true });
    return saved;
  }
}

/** "2019/03/a.md" is kept in "2019.v8"; a file at the top of the articles folder in "-.v8". */
function segmentFile(sourcePath: string): string {
  const slash = sourcePath.indexOf("/");
  return `${slash === -1 ? "-" : encodeURIComponent(sourcePath.slice(0, slash))}.v8`;
}

/**
 * Reads files into one buffer, reused from file to file: what is deserialized from a file is
 * copied out of it. A fresh buffer a file would touch tens of megabytes of new memory, which
 * costs more than reading them on a virtual machine.
 */
class ReusedBuffer {
  private buffer = Buffer.alloc(0);

  read(file: string): Buffer {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (this.buffer.length < size) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      let length = 0;
      while (length < size) {
        const read = readSync(fd, this.buffer, length, size - length, null);
        if (read === 0) break;
        length += read;
      }
      return this.buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  }
}
