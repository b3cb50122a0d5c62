/** Reads the story files in a thread of its own while the build loads its code (see readStoryFilesAhead). */
import { parentPort, workerData } from "node:worker_threads";
import { readFilesPacked, type FilesPacked, type ReadAhead } from "./storyFilesPacked.ts";

const { dir } = workerData as ReadAhead;
const packed: FilesPacked = readFilesPacked(dir);
parentPort!.postMessage(packed, [...new Set(packed.chunks.map((bytes) => bytes.buffer)), packed.files.buffer]);
