import { readFileSync } from "node:fs";
import path from "node:path";
import type { StorySource, UnlistedStorySource } from "../archive/buildArchive.ts";
import { startThread } from "../startThread.ts";
import { listStoryFiles, type UnlistedFile } from "./storyFileListing.ts";
import { unpackFiles, type FilesPacked, type ReadAhead } from "./storyFilesPacked.ts";

/** The story files under a folder (see storyFileListing.ts) and their bytes; and the files not read, with why. */
export interface FilesRead {
  sourcePaths: string[];
  contents: Uint8Array[];
  unlisted: UnlistedFile[];
}

function readFilesHere(dir: string): FilesRead {
  const listed = listStoryFiles(dir);
  const read: FilesRead = { sourcePaths: [], contents: [], unlisted: [...listed.unlisted] };
  for (const sourcePath of listed.sourcePaths) {
    // Synchronous on purpose: small files read one after another from the page cache take an
    // eighth of the time of the same reads through libuv's pool, and never hit the open-file limit.
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.join(dir, sourcePath));
    } catch (error) {
      // No permission, or gone since it was listed: that file's problem, not the end of the run (issue 22).
      read.unlisted.push({
        sourcePath,
        message: `cannot be read: ${(error as Error).message}`,
        hint: "check that the file exists and that you may read it",
      });
      continue;
    }
    read.sourcePaths.push(sourcePath);
    read.contents.push(bytes);
  }
  return read;
}

/** Story files being read in another thread: handed to `readStoryFiles` of the same folder. */
export interface StoryFilesReadAhead {
  dir: string;
  /**
   * The files read, once: the build request that carries this lives as long as the build, and
   * would otherwise keep every story file's bytes till it ends (issue 24).
   */
  take(): Promise<FilesRead> | undefined;
}

/**
 * Starts reading the story files in another thread, so that they are read while this one loads
 * the build's code (Eleventy alone takes half a second). The build command calls it first thing
 * and puts what it returns in its build request.
 */
export function readStoryFilesAhead(articlesDir: string): StoryFilesReadAhead {
  const dir = path.resolve(articlesDir);
  const reading = new Promise<FilesRead>((resolve, reject) => {
    const worker = startThread<ReadAhead>("article/storyFilesThread", { dir });
    worker.once("message", (files: FilesPacked) =>
      resolve({ sourcePaths: files.sourcePaths, contents: unpackFiles(files), unlisted: files.unlisted }),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`reading ${dir} ahead stopped (exit code ${code})`)));
  });
  reading.catch(() => undefined); // Read again, here, by readStoryFiles.
  let taken: Promise<FilesRead> | undefined = reading;
  return {
    dir,
    take() {
      const files = taken;
      taken = undefined;
      return files;
    },
  };
}

/**
 * Each story file's name as seen from the working directory, which is how editors and their
 * terminals refer to it, from its source path.
 */
export function storyFileNames(articlesDir: string): (sourcePath: string) => string {
  const folder = path.relative(process.cwd(), path.resolve(articlesDir));
  return (sourcePath) => path.join(folder, sourcePath);
}

/** Reads the story files named (relative to the articles folder, "/"-separated), in the order given. */
export function readStoryFilesNamed(articlesDir: string, sourcePaths: readonly string[]): StorySource[] {
  const dir = path.resolve(articlesDir);
  const fileOf = storyFileNames(dir);
  return sourcePaths.map((sourcePath) => ({ sourcePath, file: fileOf(sourcePath), bytes: readFileSync(path.join(dir, sourcePath)) }));
}

/**
 * Reads every story file under the articles folder, in a stable order (`file`: see
 * storyFileNames), followed by the files found but not read, each with its problem.
 */
export async function readStoryFiles(articlesDir: string, readAhead?: StoryFilesReadAhead): Promise<(StorySource | UnlistedStorySource)[]> {
  const dir = path.resolve(articlesDir);
  const ahead = readAhead?.dir === dir ? readAhead.take() : undefined;
  // Should reading ahead have failed (say, no folder), reading here reports why.
  const { sourcePaths, contents, unlisted } = (ahead && (await ahead.catch(() => undefined))) ?? readFilesHere(dir);
  const fileOf = storyFileNames(dir);
  return [
    ...sourcePaths.map((sourcePath, index) => ({ sourcePath, file: fileOf(sourcePath), bytes: contents[index] })),
    ...unlisted.map(({ sourcePath, message, hint }) => ({ sourcePath, file: fileOf(sourcePath), unlisted: { message, hint } })),
  ];
}
