import { rmdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { outputFileOf } from "./pageCache.ts";

/** The folders a site's pages are written in, with every folder above them, parents first. */
export function pageFolders(urls: Iterable<string>): string[] {
  const folders = new Set<string>();
  for (const url of urls) {
    for (let folder = path.posix.dirname(outputFileOf(url)); folder !== "." && !folders.has(folder); folder = path.posix.dirname(folder)) folders.add(folder);
  }
  return [...folders].sort();
}

/**
 * Most pages of a rebuild are the previous build's, hard-linked into a new site folder; making
 * the tens of thousands of folders they go in is kernel work that another thread does while this
 * one builds the archive model. Only folders are made there, so nothing of the published site can
 * be touched; should it fail, the build makes the folders it needs itself.
 */
export function makeFoldersInBackground(root: string, folders: readonly string[]): Promise<void> {
  if (folders.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       const { mkdirSync } = require("node:fs");
       const path = require("node:path");
       for (const folder of workerData.folders) mkdirSync(path.join(workerData.root, folder), { recursive: true });`,
      { eval: true, workerData: { root, folders } },
    );
    worker.once("error", () => undefined);
    worker.once("exit", () => resolve());
  });
}

/** Removes the folders made ahead that the new site does not use (a deleted story's), deepest first. */
export function removeUnusedFolders(root: string, madeAhead: readonly string[], used: ReadonlySet<string>): void {
  for (const folder of [...madeAhead].reverse()) {
    if (used.has(folder)) continue;
    try {
      rmdirSync(path.join(root, folder));
    } catch {
      // Not empty: the new site has files there after all.
    }
  }
}
