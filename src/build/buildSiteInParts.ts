import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { lstat, mkdir, readdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadSite, type AddressRecordUpdate, type LoadedSite } from "./loadSite.ts";
import { BuildError } from "../problems.ts";
import { howToFork } from "../projectFiles.ts";
import { searchIndexerOf } from "../search/searchIndexer.ts";
import { site as defaultSite } from "../site.ts";
import { cacheDirOf, publishedBuildRequest, writeAddressRecord, type BuildOptions } from "./buildSite.ts";
import { runEleventy } from "./runEleventy.ts";
import type { PartReport } from "./prepareBuild.ts";
import { discardStaging, prepareStaging, publishStaging, stagingDirFor } from "./publishAtomically.ts";
import { withFolderLocks } from "./buildLock.ts";
import { siteParts } from "./siteParts.ts";
import { listedParts, readStoryListing, writeStoryListing } from "./storyListing.ts";
import { verifyBuild } from "./verifyBuild.ts";

export class PartFailedError extends BuildError {
  constructor(part: string, output: string) {
    super({ title: `the part ${part} of the site failed to build`, details: output.trim() });
  }
}

const partProcess = howToFork("build/partProcess");

/** What a part's process (partProcess.ts) is given, as JSON in its first argument. */
export interface PartProcessRequest {
  part: string;
  options: BuildOptions;
  partsDir: string;
}

/** What the steps hand on to each other, in the parts folder: the listing, and each part's folder and report. */
const listingIn = (partsDir: string) => path.join(partsDir, "stories.v8");
const reportIn = (partsDir: string, part: string) => path.join(partsDir, `${part}.json`);
const outputIn = (partsDir: string, part: string) => path.join(partsDir, part);

/**
 * Builds the site as independent parts (see siteParts.ts) on this machine: lists the archive
 * (`listParts`), builds each part in a process of its own with its own Eleventy and Pagefind,
 * `processes` at a time (`buildPart`), then assembles them (`assembleParts`). The same three
 * steps, run as commands (see src/cli/build.ts), are what CI jobs on many machines would do.
 * Every part is rendered whole: the page cache of single-process builds is not used.
 */
export async function buildSiteInParts(options: BuildOptions, processes = os.availableParallelism()): Promise<AssembledParts> {
  // The part processes work under this process's locks (see buildLock.ts).
  return withFolderLocks([options.output, cacheDirOf(options)], options.lock, () => buildInPartsLocked(options, processes));
}

async function buildInPartsLocked(options: BuildOptions, processes: number): Promise<AssembledParts> {
  const partsDir = `${stagingDirFor(options.output)}-parts`;
  try {
    await rm(partsDir, { recursive: true, force: true });
    const { parts, loaded } = await listParts(options, partsDir);
    // Each part decides the same; their output is shown only when one fails, so this process says why.
    const indexer = searchIndexerOf(options.searchIndexer);
    if (indexer.name === "pagefind") console.warn(indexer.why);
    const queue = [...parts];
    const worker = async () => {
      for (let part = queue.shift(); part !== undefined; part = queue.shift()) await buildPartInProcess(part, options, partsDir);
    };
    // Every process has stopped before a failure is reported and the parts' folders removed.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(processes, parts.length) }, worker));
    for (const result of settled) if (result.status === "rejected") throw result.reason;
    return await assembleParts(options, partsDir, loaded);
  } finally {
    await rm(partsDir, { recursive: true, force: true });
  }
}

/**
 * Step one: reads the whole archive, keeps the parsed stories in the cache and writes into
 * `partsDir` the listing of every story (see StoryListing) and the names of the parts, which it
 * returns. A part needs the listing, the cache and the story files of its years.
 */
export async function listParts(
  options: Pick<BuildOptions, "input" | "cacheDir" | "site" | "searchShardStories" | "addressRecordFile">,
  partsDir: string,
): Promise<{ parts: string[]; loaded: LoadedSite }> {
  const loaded = await loadSite(path.resolve(options.input), options.site ?? defaultSite, false, {
    cacheDir: cacheDirOf(options),
    searchShardStories: options.searchShardStories,
    addressRecordFile: options.addressRecordFile,
  });
  loaded.saveParseCache();
  const parts = siteParts(loaded.siteParts);
  await mkdir(partsDir, { recursive: true });
  writeStoryListing(listingIn(partsDir), loaded.archive, loaded.siteParts);
  return { parts, loaded };
}

/** Step two, once for each part: builds it, in this process, into `partsDir/<part>/`, with what it wrote beside it. */
export async function buildPart(part: string, options: BuildOptions, partsDir: string): Promise<void> {
  const names = listedParts(readStoryListing(listingIn(partsDir)));
  if (!names.includes(part))
    throw new BuildError({
      title: `there is no part ${part}`,
      details: `the listing in ${partsDir} names the parts ${names.join(", ")}`,
      hint: "build one of those (npm run build -- --list-parts --parts-dir DIR prints them)",
    });
  await rm(outputIn(partsDir, part), { recursive: true, force: true });
  await runEleventy({
    ...publishedBuildRequest(options, outputIn(partsDir, part)),
    part: { name: part, listingFile: listingIn(partsDir), reportFile: reportIn(partsDir, part) },
  });
}

function buildPartInProcess(part: string, options: BuildOptions, partsDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(partProcess.modulePath, [JSON.stringify({ part, options, partsDir } satisfies PartProcessRequest)], {
      execArgv: ["--max-old-space-size=6144", ...partProcess.execArgv],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new PartFailedError(part, output))));
  });
}

export interface AssembledParts {
  parts: string[];
  /** By part: how many story files it read. */
  storyFilesRead: Record<string, number>;
  /** The address record written once the site was published (see AddressRecordUpdate). */
  addressRecord?: AddressRecordUpdate;
}

/**
 * Step three: moves the parts built into `partsDir` side by side into a staging folder, proves
 * that no story was lost (from the listing and the cache, reading no story file, unless given
 * the archive as read by `listParts`), and publishes it over `options.output` as `buildSite` does.
 */
export async function assembleParts(options: BuildOptions, partsDir: string, loaded?: LoadedSite): Promise<AssembledParts> {
  const listing = readStoryListing(listingIn(partsDir));
  const parts = listedParts(listing);
  const reports = new Map<string, PartReport>();
  for (const part of parts) {
    if (!existsSync(reportIn(partsDir, part)))
      throw new BuildError({
        title: `the part ${part} is missing`,
        details: `${reportIn(partsDir, part)} is not there: the part was not built into ${partsDir}, or not handed on`,
        hint: `build it first (npm run build -- --part ${part} --parts-dir ${partsDir})`,
      });
    reports.set(part, JSON.parse(readFileSync(reportIn(partsDir, part), "utf8")) as PartReport);
  }
  const model =
    loaded ??
    (await loadSite(path.resolve(options.input), options.site ?? defaultSite, false, {
      cacheDir: cacheDirOf(options),
      listed: { listing, readYears: [] },
      searchShardStories: options.searchShardStories,
      addressRecordFile: options.addressRecordFile,
    }));
  const staging = await prepareStaging(options.output);
  try {
    for (const part of parts) await moveInto(outputIn(partsDir, part), staging, part);
    const reported = [...reports.values()];
    const written = reported.flatMap((report) => report.writtenUrls.map((url) => ({ url, outputPath: false as const, content: "" })));
    verifyBuild(
      model,
      written,
      reported.flatMap((report) => report.indexedUrls),
    );
    await publishStaging(options.output);
  } catch (error) {
    await discardStaging(options.output);
    throw error;
  }
  // Written by the step that publishes, as a one-process build does: the parts only read it.
  writeAddressRecord(model.addressRecord);
  return {
    parts,
    storyFilesRead: Object.fromEntries(parts.map((part) => [part, reports.get(part)!.storyFilesRead])),
    addressRecord: model.addressRecord,
  };
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
      throw new BuildError({
        title: "two parts wrote one file differently",
        details: `the part ${part} wrote ${target}, which another part wrote differently`,
        hint: "build every part from the same commit, story files and cache",
      });
    }
  }
}
