import { closeSync, fstatSync, openSync, readdirSync, readSync, rmSync, type Stats } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ParsedStoryFile, StoredStoryFile } from "../article/parse.ts";
import type { BodyImage } from "../images/bodyImages.ts";
import type { BodyRemoval, CrossReference } from "../markdown/storyMarkdown.ts";
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
  bodies: Map<string, RenderedBody>;
  /**
   * In a process that builds again and again (the preview, issue 23), each stored file as
   * restored once (see parseStoryFile): restoring ten thousand stories' dates took a fifth of a
   * second on every save. Absent in a build that reads its cache from disk.
   */
  restored?: WeakMap<StoredStoryFile, ParsedStoryFile>;
}

/**
 * A body rendered, its HTML with a placeholder for each cross-reference's address. Read from
 * the cache, its HTML is read from the cache's file when first asked for: a rebuild prints the
 * bodies of a few stories, and the HTML is five sixths of the cache. Asking may then throw a
 * `ParseCacheChangedError`, if the file was replaced meanwhile.
 */
export interface RenderedBody {
  readonly html: string;
  references: CrossReference[];
  /** The ids in the HTML, that `other.md#id` links may name. */
  ids: string[];
  /** What the allowlist took out of the body's HTML, reported as warnings. */
  removals: BodyRemoval[];
  /** The images it shows, a placeholder in the HTML for each (see markBodyImages). */
  images: BodyImage[];
}

export class ParseCacheChangedError extends Error {}

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
  /** The keys each folder's file on disk holds, as this cache last read or wrote it. */
  private readonly keysRead = new Map<string, Set<string>>();
  /** The folders' files on disk. */
  private filesFound: string[] = [];
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
      const file = path.join(dir, name);
      let stored: CacheFile;
      let bodies: BodiesSection;
      try {
        const read = reader.readFacts(file);
        stored = deserialize(read.facts) as CacheFile;
        if (stored.code !== code) continue;
        bodies = new BodiesSection(file, read.bodies);
      } catch {
        continue; // Unreadable: its stories are read again.
      }
      for (const [key, value] of stored.files) cache.read.files.set(key, value);
      for (const [key, { html, ...facts }] of stored.bodies) cache.read.bodies.set(key, new StoredBody(facts, bodies, html));
      cache.keysRead.set(name, new Set([...stored.files.keys(), ...stored.bodies.keys()]));
    }
    return cache;
  }

  /**
   * The cache for the next build of the same process (the preview's next save, issue 23): what
   * this build used, held in memory, so that the next build neither reads the cache's files
   * again nor restores the stories of thousands of files to parse one. Should this build have
   * used nothing (it stopped before reading the stories), what it read is handed on.
   */
  nextBuild(): StoryParseCache {
    const next = new StoryParseCache(this.dir, this.code);
    next.read.restored = this.read.restored ?? new WeakMap();
    const sources = this.written.size > 0 ? [...this.written.values()] : [this.read];
    for (const used of sources) {
      for (const [key, value] of used.files) next.read.files.set(key, value);
      for (const [key, value] of used.bodies) next.read.bodies.set(key, value);
    }
    for (const [name, keys] of this.keysRead) next.keysRead.set(name, keys);
    next.filesFound = [...this.filesFound];
    return next;
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
      const htmls: string[] = [];
      let bodies: CacheFile["bodies"];
      try {
        bodies = new Map(
          [...used.bodies].map(([key, body]) => [
            key,
            {
              references: body.references,
              ids: body.ids,
              removals: body.removals,
              images: body.images,
              html: htmls.push(body.html) - 1,
            },
          ]),
        );
      } catch (error) {
        // Another build replaced this file meanwhile, and keeps what it read.
        if (error instanceof ParseCacheChangedError) {
          this.keysRead.delete(name);
          continue;
        }
        throw error;
      }
      const facts = serialize({ code: this.code, files: used.files, bodies } satisfies CacheFile);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(facts.length);
      // The parts of a site built in parts may save at once.
      writeFileWhole(path.join(this.dir, name), Buffer.concat([length, facts, serialize(htmls)]));
      // The bodies read from the file just replaced can no longer be read from it: a next build
      // of this process (see nextBuild) is handed their HTML, read above.
      for (const [key, body] of used.bodies)
        if (body instanceof StoredBody) used.bodies.set(key, { ...bodyFacts(body), html: htmls[bodies.get(key)!.html] });
      this.keysRead.set(name, new Set(keys));
      saved++;
    }
    for (const name of this.filesFound)
      if (!this.written.has(name)) {
        rmSync(path.join(this.dir, name), { force: true });
        this.keysRead.delete(name);
      }
    this.filesFound = [...this.written.keys()];
    return saved;
  }
}

/** "2019/03/a.md" is kept in "2019.v8"; a file at the top of the articles folder in "-.v8". */
function segmentFile(sourcePath: string): string {
  const slash = sourcePath.indexOf("/");
  return `${slash === -1 ? "-" : encodeURIComponent(sourcePath.slice(0, slash))}.v8`;
}

/**
 * A cache file: the length of its first part (four bytes, little-endian), then the code that wrote
 * it, its story files and its bodies with, instead of their HTML, its place in the second part:
 * every body's HTML, read only when one is asked for.
 */
interface CacheFile {
  code: string;
  files: Map<string, StoredStoryFile>;
  bodies: Map<string, Omit<RenderedBody, "html"> & { html: number }>;
}

/** Where a cache file's HTML is, and the file as it was when its first part was read. */
interface BodiesAt {
  offset: number;
  length: number;
  identity: string;
}

const identityOf = (stats: Stats) => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;

/** The HTML of a cache file's bodies, read once, when the first of them is asked for. */
class BodiesSection {
  private htmls: string[] | undefined;

  constructor(
    private readonly file: string,
    private readonly at: BodiesAt,
  ) {}

  html(index: number): string {
    if (this.htmls === undefined) {
      const fd = openSync(this.file, "r");
      try {
        // Another build sharing the cache replaced the file: its places are not this build's.
        if (identityOf(fstatSync(fd)) !== this.at.identity) throw new ParseCacheChangedError(`${this.file} changed during the build`);
        const bytes = Buffer.allocUnsafe(this.at.length);
        readFully(fd, bytes, this.at.offset);
        this.htmls = deserialize(bytes) as string[];
      } finally {
        closeSync(fd);
      }
    }
    return this.htmls[index];
  }
}

const bodyFacts = ({ references, ids, removals, images }: RenderedBody): Omit<RenderedBody, "html"> => ({
  references,
  ids,
  removals,
  images,
});

class StoredBody implements RenderedBody {
  readonly references: CrossReference[];
  readonly ids: string[];
  readonly removals: BodyRemoval[];
  readonly images: BodyImage[];

  constructor(
    facts: Omit<RenderedBody, "html">,
    private readonly section: BodiesSection,
    private readonly index: number,
  ) {
    ({ references: this.references, ids: this.ids, removals: this.removals, images: this.images } = facts);
  }

  get html(): string {
    return this.section.html(this.index);
  }
}

function readFully(fd: number, into: Buffer, position: number): void {
  let length = 0;
  while (length < into.length) {
    const read = readSync(fd, into, length, into.length - length, position + length);
    if (read === 0) throw new Error("the file ended early");
    length += read;
  }
}

/**
 * Reads the first part of files into one buffer, reused from file to file: what is deserialized
 * from a file is copied out of it. A fresh buffer a file would touch megabytes of new memory,
 * which costs more than reading them on a virtual machine.
 */
class ReusedBuffer {
  private buffer = Buffer.alloc(0);

  readFacts(file: string): { facts: Buffer; bodies: BodiesAt } {
    const fd = openSync(file, "r");
    try {
      const stats = fstatSync(fd);
      const header = Buffer.alloc(4);
      readFully(fd, header, 0);
      const length = header.readUInt32LE(0);
      if (4 + length > stats.size) throw new Error("the file ended early");
      if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(Math.max(length, this.buffer.length * 2));
      const facts = this.buffer.subarray(0, length);
      readFully(fd, facts, 4);
      return { facts, bodies: { offset: 4 + length, length: stats.size - 4 - length, identity: identityOf(stats) } };
    } finally {
      closeSync(fd);
    }
  }
}
