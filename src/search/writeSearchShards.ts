import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serialize } from "node:v8";
import { linkOrCopy } from "../linkOrCopy.ts";
import { FIRST_SEARCH_COMPRESSION } from "./compressFirstSearchFiles.ts";
import type { IndexingJob } from "./indexShardWorker.ts";
import { SearchIndexError } from "./searchIndexError.ts";
import type { SearchRecord } from "./searchRecords.ts";
import type { SearchShard } from "./searchShards.ts";

export interface ShardInput {
  shard: SearchShard;
  /** The addresses of the shard's stories. */
  urls: string[];
  /** Changes whenever any of its records would (the fingerprints of its story pages). */
  fingerprint: string;
  /** Made only when the shard has to be indexed. */
  records: () => SearchRecord[];
}

export interface ShardsWritten {
  /** The address of every story the search index holds. */
  indexedUrls: string[];
  /** Shards indexed in this build; the others came from the cache unchanged. */
  indexed: string[];
}

/** Files a merged shard needs; Pagefind's scripts, styles and WebAssembly come from the first shard. */
const MERGED_SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

const workerPath = path.join(import.meta.dirname, "indexShardWorker.ts");

/**
 * Indexes each shard in a process of its own (as many at once as the machine has cores) and
 * puts the first shard at `bundleDir` and the others at `bundleDir/shards/<name>/`, where the
 * search page merges them. With a `cacheDir`, a shard whose records (and Pagefind version) are
 * unchanged since an earlier build is taken from the cache instead of indexed again: Pagefind's
 * output depends only on its input, so this equals a fresh index byte for byte. The files every
 * first search downloads are compressed again (compressFirstSearchFiles.ts), the WebAssembly
 * once per Pagefind version into `webAssemblyMemo`. With `only`, just the shards so named are
 * written (a part of a site built in parts, see siteParts.ts).
 */
export async function writeSearchShards(
  inputs: readonly ShardInput[],
  bundleDir: string,
  language: string,
  options: { cacheDir?: string; webAssemblyMemo?: string; pagefindVersion: string; only?: ReadonlySet<string> },
): Promise<ShardsWritten> {
  const errors: string[] = [];
  const indexed: string[] = [];
  const indexedUrls: string[] = [];
  const jobs = inputs
    .map((input, position) => ({ ...input, position, fingerprint: shardFingerprint(input, position === 0, language, options.pagefindVersion) }))
    .filter((job) => !options.only || options.only.has(job.shard.name));
  const cachedShards = new Set(jobs.filter((job) => options.cacheDir !== undefined && existsSync(path.join(options.cacheDir, job.fingerprint))));
  // Shards to index first, largest first, so that Pagefind starts at once; cached ones are only linked.
  const queue = [...jobs].sort((a, b) => Number(cachedShards.has(a)) - Number(cachedShards.has(b)) || b.urls.length - a.urls.length);
  const run = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const target = job.position === 0 ? bundleDir : path.join(bundleDir, "shards", job.shard.name);
      const cached = options.cacheDir ? path.join(options.cacheDir, job.fingerprint) : undefined;
      if (cached && cachedShards.has(job)) {
        linkTree(cached, target, job.position === 0);
        // The cached index was made from exactly these stories: its fingerprint covers them all.
        indexedUrls.push(...job.urls);
        continue;
      }
      const building = cached ? `${cached}.building-${process.pid}` : target;
      rmSync(building, { recursive: true, force: true }); // Not awaited through the event loop, which Eleventy keeps busy.
      const indexing = indexInWorker(job.records(), {
        outputPath: building,
        language,
        withWebAssembly: job.position === 0,
        memoDir: options.webAssemblyMemo,
      });
      // The shards still queued find a process started and waiting, as the first ones did.
      prewarmIndexers(Math.min(queue.filter((queued) => !cachedShards.has(queued)).length, os.availableParallelism()));
      const result = await indexing;
      indexed.push(job.shard.name);
      errors.push(...result.errors.map((error) => `shard ${job.shard.name}: ${error}`));
      indexedUrls.push(...result.indexedUrls);
      if (result.errors.length > 0) continue;
      if (cached) {
        await rename(building, cached);
        linkTree(cached, target, job.position === 0);
      } else if (job.position !== 0) {
        await pruneMergedShard(target);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(os.availableParallelism(), jobs.length) }, run));
  } finally {
    releaseIndexers();
  }
  if (errors.length > 0) throw new SearchIndexError(errors);
  // A part cannot tell which cached shards the other parts are using.
  if (options.cacheDir && !options.only) await pruneShardCache(options.cacheDir, new Set(jobs.map((job) => job.fingerprint)));
  return { indexedUrls, indexed };
}

/** Kept a while in case another build sharing the cache is using them; then they go. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Every edit of the newest year makes a new cached shard; without pruning, the cache would grow
 * with every rebuild. Shards this build did not use are removed once an hour old.
 */
async function pruneShardCache(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(cacheDir).catch(() => [] as string[])) {
    if (used.has(entry) || entry.includes(".building-")) continue;
    const modified = (await stat(path.join(cacheDir, entry)).catch(() => undefined))?.mtimeMs ?? now;
    if (now - modified > STALE_AFTER_MS) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}

/** The first shard's bundle also holds the WebAssembly, compressed again, so where a shard stands counts too. */
function shardFingerprint(input: ShardInput, first: boolean, language: string, pagefindVersion: string): string {
  const made = `pagefind ${pagefindVersion}\0${FIRST_SEARCH_COMPRESSION}\0${first ? "first" : "merged"}`;
  return createHash("sha256").update(`${made}\0${language}\0${input.shard.name}\0${input.fingerprint}`).digest("hex").slice(0, 32);
}

const warm: ChildProcess[] = [];

/** The build's environment, less what would make a worker report to `node --watch` (which `npm start` runs under). */
function workerEnvironment(): NodeJS.ProcessEnv {
  const { WATCH_REPORT_DEPENDENCIES: _reported, ...environment } = process.env;
  return environment;
}

/**
 * Starts indexing processes before the archive is read: loading Node, tsx and Pagefind takes
 * about a second, which a rebuild would otherwise wait for after the model is ready.
 */
export function prewarmIndexers(count = os.availableParallelism()): void {
  while (warm.length < count) {
    const child = fork(workerPath, { execArgv: ["--import", "tsx"], serialization: "advanced", env: workerEnvironment() });
    child.on("error", () => undefined);
    // A waiting process must not keep the build alive (say, when the archive has problems).
    child.unref();
    child.channel?.unref();
    warm.push(child);
  }
}

/** Ends the processes no shard needed (every shard came from the cache). */
export function releaseIndexers(): void {
  for (const child of warm.splice(0)) child.kill();
}

function indexInWorker(records: SearchRecord[], job: IndexingJob): Promise<{ indexedUrls: string[]; errors: string[] }> {
  return new Promise((resolve) => {
    const child = warm.shift() ?? fork(workerPath, { execArgv: ["--import", "tsx"], serialization: "advanced", env: workerEnvironment() });
    child.ref();
    child.channel?.ref();
    let answered = false;
    // Only the answer counts: under `node --watch` a process also reports the files it loads.
    const listen = (message: unknown) => {
      const answer = message as { indexedUrls?: string[]; errors?: string[] };
      if (!Array.isArray(answer?.indexedUrls) || !Array.isArray(answer?.errors)) return;
      answered = true;
      child.off("message", listen);
      resolve(answer as { indexedUrls: string[]; errors: string[] });
    };
    child.on("message", listen);
    child.once("exit", (code) => {
      if (!answered) resolve({ indexedUrls: [], errors: [`the indexing process exited with code ${code} before answering`] });
    });
    // Through a file, not the IPC channel: a channel message of megabytes is only written while
    // this process's event loop is free, which it is not while Eleventy renders.
    const recordsFile = path.join(mkdtempSync(path.join(os.tmpdir(), "news-archive-records-")), "records.v8");
    writeFileSync(recordsFile, serialize(records));
    child.once("exit", () => rmSync(path.dirname(recordsFile), { recursive: true, force: true }));
    child.send({ recordsFile, ...job });
  });
}

/**
 * Hard-links a cached shard into the site (copying if links are not possible), files a merged
 * shard does not need left out. Synchronous: a round trip through libuv's pool per fragment
 * file would wait on Eleventy's rendering.
 */
function linkTree(from: string, to: string, wholeBundle: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!wholeBundle && !MERGED_SHARD_FILES.test(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target, true);
    else linkOrCopy(source, target);
  }
}

async function pruneMergedShard(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) if (!MERGED_SHARD_FILES.test(entry)) await rm(path.join(dir, entry), { recursive: true, force: true });
}
