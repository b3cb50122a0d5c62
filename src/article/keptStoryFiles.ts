import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import type { StorySource, UnlistedStorySource } from "../archive/buildArchive.ts";
import { storyFileNames, type StoryFilesReadAhead } from "./readStoryFiles.ts";
import { listStoryFiles, type UnlistedFile } from "./storyFileListing.ts";

const STORY = /\.md$/i;

/**
 * The story files of one folder as a long-lived process last read them, read again only where
 * its watcher saw a change (issue 23): the preview builds on every save, and reading the ten
 * thousand files of an archive again for each took a third of a second. A change the watcher
 * cannot name, a new folder, or anything that is not a plain story file (a link, a `.markdown`
 * file, a file that was reported before) lists the folder again, as `readStoryFiles` does,
 * reading only the files that are new or changed.
 */
export class KeptStoryFiles {
  readonly dir: string;
  private readonly bytes = new Map<string, Uint8Array>();
  private unlisted: UnlistedFile[] = [];
  private listed = false;
  private readonly changed = new Set<string>();

  /** `ahead`: the files being read in another thread while the process loads its code (see readStoryFilesAhead), for the first build. */
  constructor(
    articlesDir: string,
    private ahead?: StoryFilesReadAhead,
  ) {
    this.dir = path.resolve(articlesDir);
  }

  /** The watcher saw `file` (a file or a folder, by its full path) change; without one, anything may have. */
  noteChange(file?: string): void {
    if (file === undefined) this.listed = false;
    else this.changed.add(path.resolve(file));
  }

  /** The story files as they are now, in `readStoryFiles`'s order, then the files found but not read. */
  async read(): Promise<(StorySource | UnlistedStorySource)[]> {
    const ahead = this.ahead?.dir === this.dir ? this.ahead.take() : undefined;
    this.ahead = undefined;
    // Should reading ahead have failed (say, no folder), listing here reports why.
    const files = ahead && (await ahead.catch(() => undefined));
    const changed = [...this.changed];
    this.changed.clear();
    if (files && !this.listed) {
      files.sourcePaths.forEach((sourcePath, index) => this.bytes.set(sourcePath, files.contents[index]));
      this.unlisted = files.unlisted;
      this.listed = true;
    }
    if (!this.listed || !changed.every((file) => this.takeChange(file))) this.list(new Set(changed));
    const fileOf = storyFileNames(this.dir);
    return [
      ...[...this.bytes.keys()].sort().map((sourcePath) => ({ sourcePath, file: fileOf(sourcePath), bytes: this.bytes.get(sourcePath)! })),
      ...this.unlisted.map(({ sourcePath, message, hint }) => ({ sourcePath, file: fileOf(sourcePath), unlisted: { message, hint } })),
    ];
  }

  /** Takes in one changed path; false when only listing the folder again can tell what it is now. */
  private takeChange(file: string): boolean {
    const relative = path.relative(this.dir, file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) return true;
    if (relative === "") return false;
    const sourcePath = relative.split(path.sep).join("/");
    if (this.unlisted.some((entry) => entry.sourcePath === sourcePath || entry.sourcePath.startsWith(sourcePath + "/"))) return false;
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (stats === undefined) {
      // A story deleted, or a folder of them.
      for (const known of [...this.bytes.keys()]) if (known === sourcePath || known.startsWith(sourcePath + "/")) this.bytes.delete(known);
      return true;
    }
    if (!STORY.test(sourcePath))
      return !(stats.isSymbolicLink() || stats.isDirectory() || /\.(?:markdown|mdown|mdwn|mkd|mkdn|mkdown)$/i.test(sourcePath));
    if (!stats.isFile()) return false;
    try {
      this.bytes.set(sourcePath, readFileSync(file));
    } catch {
      return false; // Reported by the listing, as readStoryFiles reports it.
    }
    return true;
  }

  /** Lists the folder again: files known and not in `changed` are kept as read, the others read. */
  private list(changed: ReadonlySet<string>): void {
    const listing = listStoryFiles(this.dir);
    const unlisted = [...listing.unlisted];
    const before = this.listed ? new Map(this.bytes) : new Map<string, Uint8Array>();
    this.bytes.clear();
    for (const sourcePath of listing.sourcePaths) {
      const file = path.join(this.dir, sourcePath);
      const known = before.get(sourcePath);
      if (known !== undefined && !changed.has(file)) {
        this.bytes.set(sourcePath, known);
        continue;
      }
      try {
        this.bytes.set(sourcePath, readFileSync(file));
      } catch (error) {
        unlisted.push({
          sourcePath,
          message: `cannot be read: ${(error as Error).message}`,
          hint: "check that the file exists and that you may read it",
        });
      }
    }
    unlisted.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
    this.unlisted = unlisted;
    this.listed = true;
  }
}
