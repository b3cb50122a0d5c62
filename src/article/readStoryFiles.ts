import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { StorySource } from "../archive/buildArchive.ts";

/** The `.md` files under a folder, relative to it, "/"-separated, in a stable order; and their bytes. */
export interface FilesRead {
  sourcePaths: string[];
  contents: Uint8Array[];
}

/**
 * The same work as `readFilesHere`, as a thread runs it (plain JavaScript, so that it runs from
 * the TypeScript sources and from the bundle alike).
 */
const READ_IN_THREAD = `
  const { parentPort, workerData } = require("node:worker_threads");
  const { closeSync, fstatSync, openSync, readdirSync, readSync } = require("node:fs");
  const path = require("node:path");
  const dir = workerData.dir;
  const sourcePaths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/"))
    .sort();
  // Every file read straight into a few large buffers, handed over as they are. A buffer a
  // file, made and then copied, kept this thread busy (a page of memory touched for the first
  // time is slow on a virtual machine), and receiving ten thousand buffers would take the other
  // thread half a second.
  const CHUNK = 4 << 20;
  const chunks = [];
  let chunk = new Uint8Array(0);
  let end = 0;
  const files = new Float64Array(sourcePaths.length * 2);
  sourcePaths.forEach((sourcePath, index) => {
    const fd = openSync(path.join(dir, sourcePath), "r");
    try {
      let start = end;
      // Room for one byte more than the file's size: a read that does not fill it has reached
      // the end, even if the file grew meanwhile.
      for (let wanted = fstatSync(fd).size + 1; ; wanted *= 2) {
        if (chunk.length - end < wanted) {
          const larger = new Uint8Array(Math.max(CHUNK, wanted + end - start));
          larger.set(chunk.subarray(start, end));
          if (start > 0) chunks.push(chunk.subarray(0, start));
          chunk = larger;
          end -= start;
          start = 0;
        }
        const room = chunk.length - end;
        const read = readSync(fd, chunk, end, room, null);
        end += read;
        if (read < room) break;
      }
      files[index * 2] = chunks.length;
      files[index * 2 + 1] = start;
    } finally {
      closeSync(fd);
    }
  });
  chunks.push(chunk.subarray(0, end));
  parentPort.postMessage({ sourcePaths, chunks, files }, [...new Set(chunks.map((bytes) => bytes.buffer)), files.buffer]);
`;

/**
 * What the thread sends: the files' bytes one after another in a few chunks, and for each file,
 * its chunk and where it starts (it ends where the next one in its chunk starts, or the chunk ends).
 */
interface FilesPacked {
  sourcePaths: string[];
  chunks: Uint8Array[];
  files: Float64Array;
}

function unpack({ sourcePaths, chunks, files }: FilesPacked): FilesRead {
  const contents = sourcePaths.map((_, index) => {
    const chunk = files[index * 2];
    const start = files[index * 2 + 1];
    const end = index + 1 < sourcePaths.length && files[index * 2 + 2] === chunk ? files[index * 2 + 3] : chunks[chunk].length;
    return chunks[chunk].subarray(start, end);
  });
  return { sourcePaths, contents };
}

function readFilesHere(dir: string): FilesRead {
  const sourcePaths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) =>
      path
        .relative(dir, path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join("/"),
    )
    .sort();
  // Synchronous on purpose: small files read one after another from the page cache take an
  // eighth of the time of the same reads through libuv's pool, and never hit the open-file limit.
  return { sourcePaths, contents: sourcePaths.map((sourcePath) => readFileSync(path.join(dir, sourcePath))) };
}

/** Story files being read in another thread: handed to `readStoryFiles` of the same folder. */
export interface StoryFilesReadAhead {
  dir: string;
  reading: Promise<FilesRead>;
}

/**
 * Starts reading the story files in another thread, so that they are read while this one loads
 * the build's code (Eleventy alone takes half a second). The build command calls it first thing
 * and puts what it returns in its build request.
 */
export function readStoryFilesAhead(articlesDir: string): StoryFilesReadAhead {
  const dir = path.resolve(articlesDir);
  const reading = new Promise<FilesRead>((resolve, reject) => {
    const worker = new Worker(READ_IN_THREAD, { eval: true, workerData: { dir } });
    worker.once("message", (files: FilesPacked) => resolve(unpack(files)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`reading ${dir} ahead stopped (exit code ${code})`)));
  });
  reading.catch(() => undefined); // Read again, here, by readStoryFiles.
  return { dir, reading };
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

/** Reads every `.md` file under the articles folder, in a stable order (`file`: see storyFileNames). */
export async function readStoryFiles(articlesDir: string, readAhead?: StoryFilesReadAhead): Promise<StorySource[]> {
  const dir = path.resolve(articlesDir);
  const ahead = readAhead?.dir === dir ? readAhead.reading : undefined;
  // Should reading ahead have failed (say, no folder), reading here reports why.
  const { sourcePaths, contents } = (ahead && (await ahead.catch(() => undefined))) ?? readFilesHere(dir);
  const fileOf = storyFileNames(dir);
  return sourcePaths.map((sourcePath, index) => ({ sourcePath, file: fileOf(sourcePath), bytes: contents[index] }));
}
