import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { StorySource } from "../archive/buildArchive.ts";

/** The `.md` files under a folder, relative to it, "/"-separated, in a stable order; and their bytes. */
interface FilesRead {
  sourcePaths: string[];
  contents: Uint8Array[];
}

/**
 * The same work as `readFilesHere`, as a thread runs it (plain JavaScript, so that it runs from
 * the TypeScript sources and from the bundle alike).
 */
const READ_IN_THREAD = `
  const { parentPort, workerData } = require("node:worker_threads");
  const { readdirSync, readFileSync } = require("node:fs");
  const path = require("node:path");
  const dir = workerData.dir;
  const sourcePaths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/"))
    .sort();
  const contents = sourcePaths.map((sourcePath) => readFileSync(path.join(dir, sourcePath)));
  // Handed over as one buffer, not copied: receiving ten thousand buffers would take the
  // other thread half a second, one takes nothing.
  const packed = new Uint8Array(contents.reduce((sum, bytes) => sum + bytes.length, 0));
  const ends = new Float64Array(contents.length);
  let end = 0;
  contents.forEach((bytes, index) => {
    packed.set(bytes, end);
    ends[index] = end += bytes.length;
  });
  parentPort.postMessage({ sourcePaths, packed, ends }, [packed.buffer, ends.buffer]);
`;

/** What the thread sends: every file's bytes one after another, and where each ends. */
interface FilesPacked {
  sourcePaths: string[];
  packed: Uint8Array;
  ends: Float64Array;
}

function unpack({ sourcePaths, packed, ends }: FilesPacked): FilesRead {
  return { sourcePaths, contents: sourcePaths.map((_, index) => packed.subarray(index === 0 ? 0 : ends[index - 1], ends[index])) };
}

function readFilesHere(dir: string): FilesRead {
  const sourcePaths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/"))
    .sort();
  // Synchronous on purpose: small files read one after another from the page cache take an
  // eighth of the time of the same reads through libuv's pool, and never hit the open-file limit.
  return { sourcePaths, contents: sourcePaths.map((sourcePath) => readFileSync(path.join(dir, sourcePath))) };
}

const readingAhead = new Map<string, Promise<FilesRead>>();

/**
 * Starts reading the story files in another thread, so that they are read while this one loads
 * the build's code (Eleventy alone takes half a second); the next `readStoryFiles` of the same
 * folder takes what it read. The build command calls it first thing.
 */
export function readStoryFilesAhead(articlesDir: string): void {
  const dir = path.resolve(articlesDir);
  if (readingAhead.has(dir)) return;
  const reading = new Promise<FilesRead>((resolve, reject) => {
    const worker = new Worker(READ_IN_THREAD, { eval: true, workerData: { dir } });
    worker.once("message", (files: FilesPacked) => resolve(unpack(files)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`reading ${dir} ahead stopped (exit code ${code})`)));
  });
  reading.catch(() => undefined); // Read again, here, by readStoryFiles.
  readingAhead.set(dir, reading);
}

/**
 * Reads every `.md` file under the articles folder, in a stable order. `file` names each as seen
 * from the working directory, which is how editors and their terminals refer to it.
 */
export async function readStoryFiles(articlesDir: string): Promise<StorySource[]> {
  const dir = path.resolve(articlesDir);
  const ahead = readingAhead.get(dir);
  readingAhead.delete(dir);
  // Should reading ahead have failed (say, no folder), reading here reports why.
  const { sourcePaths, contents } = (ahead && (await ahead.catch(() => undefined))) ?? readFilesHere(dir);
  const folder = path.relative(process.cwd(), dir);
  return sourcePaths.map((sourcePath, index) => ({ sourcePath, file: path.join(folder, sourcePath), bytes: contents[index] }));
}
