/**
 * The story files as the reading-ahead thread hands them over (storyFilesThread.ts): every file
 * read straight into a few large buffers, transferred as they are. A buffer a file, made and
 * then copied, kept the thread busy (a page of memory touched for the first time is slow on a
 * virtual machine), and receiving ten thousand buffers would take the other thread half a second.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { listStoryFiles, type UnlistedFile } from "./storyFileListing.ts";

/** What the thread is given. */
export interface ReadAhead {
  dir: string;
}

/**
 * What the thread sends: the files' bytes one after another in a few chunks, and for each file,
 * its chunk and where it starts (it ends where the next one in its chunk starts, or the chunk ends).
 */
export interface FilesPacked {
  sourcePaths: string[];
  /** Files that are not read, and why (see storyFileListing.ts). */
  unlisted: UnlistedFile[];
  chunks: Uint8Array<ArrayBuffer>[];
  files: Float64Array<ArrayBuffer>;
}

const CHUNK = 4 << 20;

export function readFilesPacked(dir: string): FilesPacked {
  const { sourcePaths, unlisted } = listStoryFiles(dir);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
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
  return { sourcePaths, unlisted, chunks, files };
}

/** Each file's bytes, by its source path's place. */
export function unpackFiles({ sourcePaths, chunks, files }: FilesPacked): Uint8Array[] {
  return sourcePaths.map((_, index) => {
    const chunk = files[index * 2];
    const start = files[index * 2 + 1];
    const end = index + 1 < sourcePaths.length && files[index * 2 + 2] === chunk ? files[index * 2 + 3] : chunks[chunk].length;
    return chunks[chunk].subarray(start, end);
  });
}
