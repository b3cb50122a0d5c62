import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { lstat, mkdir, readdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadSite } from "../eleventy/archivePlugin.ts";
import { howToFork } from "../projectFiles.ts";
import { site } from "../site.ts";
import type { BuildOptions } from "./buildSite.ts";
import type { PartReport } from "./prepareBuild.ts";
import { discardStaging, prepareStaging, publishStaging } from "./publishAtomically.ts";
import { siteParts } from "./siteParts.ts";
import { writeStoryListing } from "./storyListing.ts";
import { verifyBuild } from "./verifyBuild.ts";

export class PartFailedError extends Error {
  constructor(part: string, output: string) {
    super(`the part ${part} of the site failed to build:\n${output.trim()}`);
    this.name = "PartFailedError";
  }
}

const partProcess = howToFork("build/partProcess");

/**
 * Builds the site as independent parts (see siteParts.ts), each in a process of its own with its
 * own Eleventy and Pagefind, `processes` at a time, then assembles them by moving their folders
 * side by side, proves that nothing was lost, and publishes as `buildSite` does. What a CI job
 * per part would do on many machines, on one. Every part is rendered whole: the page cache of
 * single-process builds is not used.
 */
export async function buildSiteInParts(options: BuildOptions, processes = os.availableParallelism()): Promise<{ parts: string[]; storyFilesRead: Record<string, number> }> {
  const staging = await prepareStaging(options.output);
  const partsDir = `${staging}-parts`;
  const cacheDir = path.resolve(options.cacheDir ?? ".cache/news-archive");
  try {
    await rm(partsDir, { recursive: true, force: true });
    // Read here to plan the parts and to check the assembled site; it also leaves the parsed
    // stories in the cache, so that the parts do not render every story's Markdown again.
    const loaded = await loadSite(path.resolve(options.input), site, false, { cacheDir });
    loaded.saveParseCache();
    const parts = siteParts(loaded.searchShards);
    await mkdir(partsDir, { recursive: true });
    // With it, a part reads the story files of its own years only.
    const listing = path.join(partsDir, "stories.v8");
    writeStoryListing(listing, loaded.archive, loaded.searchShards);
    const queue = [...parts];
    const reports = new Map<string, PartReport>();
    const worker = async () => {
      for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
        reports.set(part, await buildPart(part, { ...options, output: path.join(partsDir, part), cacheDir }, listing, path.join(partsDir, `${part}.json`)));
      }
    };
    // Every process has stopped before a failure is reported and the parts' folders removed.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(processes, parts.length) }, worker));
    for (const result of settled) if (result.status === "rejected") throw result.reason;
    for (const part of parts) await moveInto(path.join(partsDir, part), staging, part);
    const reported = [...reports.values()];
    const written = reported.flatMap((report) => report.writtenUrls.map((url) => ({ url, outputPath: false as const, content: "" })));
    verifyBuild(loaded, written, reported.flatMap((report) => report.indexedUrls));
    await publishStaging(options.output);
    return { parts, storyFilesRead: Object.fromEntries(parts.map((part) => [part, reports.get(part)!.storyFilesRead])) };
  } catch (error) {
    await discardStaging(options.output);
    throw error;
  } finally {
    await rm(partsDir, { recursive: true, force: true });
  }
}

function buildPart(part: string, options: BuildOptions & { cacheDir: string }, listing: string, reportFile: string): Promise<PartReport> {
  return new Promise((resolve, reject) => {
    const child = fork(partProcess.modulePath, [JSON.stringify(options)], {
      execArgv: ["--max-old-space-size=6144", ...partProcess.execArgv],
      env: { ...process.env, NEWS_ARCHIVE_PART: part, NEWS_ARCHIVE_PART_REPORT: reportFile, NEWS_ARCHIVE_PART_LISTING: listing },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new PartFailedError(part, output));
      else resolve(JSON.parse(readFileSync(reportFile, "utf8")) as PartReport);
    });
  });
}

/**
 * Moves a part's files into the site. Folders are merged; a file two parts both wrote (the
 * site's stylesheet and scripts, copied by every Eleventy run) must be the same in both.
 */
async function moveInto(from: string, to: string, part: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const existing = await lstat(target).catch(() => undefined);
    if (!existing) {
      await mkdir(to, { recursive: true });
      await rename(source, target);
    } else if (entry.isDirectory() && existing.isDirectory()) {
      await moveInto(source, target, part);
    } else if (!entry.isFile() || !existing.isFile() || !readFileSync(source).equals(readFileSync(target))) {
      throw new Error(`the part ${part} wrote ${target}, which another part wrote differently`);
    }
  }
}
