import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { entryIntact } from "../cacheIntegrity.ts";
import { howToFork } from "../projectFiles.ts";
import { FIRST_SEARCH_COMPRESSION } from "./compressFirstSearchFiles.ts";
import { ShardQueue, type StartIndexing } from "./shardQueue.ts";
import type { SearchIndexer } from "./searchIndexer.ts";
import { SearchIndexError } from "./searchIndexError.ts";
import { copyShard, filesOfShard, MERGED_SHARD_FILES, MERGED_SHARDS_FOLDER } from "./shardFiles.ts";
import type { SearchRecord } from "./searchRecords.ts";
import type { SearchShard } from "./searchShards.ts";

export interface ShardInput {
  /** The shard's name is its folder's, and in its fingerprint. */
  shard: Pick<SearchShard, "name">;
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
  /** Where each shard is (the first one's folder also holds the others', under `shards/`). */
  folders: string[];
  /** The folders of the shards whose files differ from the published site's (indexed in this build, or taken from the cache). */
  rewrittenFolders: string[];
  /** Each shard's fingerprint, by its folder relative to the first's: see `published`. */
  fingerprints: Record<string, string>;
  /** The shards indexed in this build by Pagefind's own indexer rather than ours. */
  indexedByPagefind: string[];
}

/**
 * Eleventy's rendering is the build's longest path, and with many stories it is far longer than
 * the indexing: above this many stories to index, one core fewer indexes until rendering ends,
 * so that Eleventy's process keeps a core to itself (and its memory, about 5.9 GB at 100,000
 * stories, has less beside it).
 */
const ONE_CORE_FEWER_WHILE_RENDERING_FROM = 50_000;

const indexShardWorker = howToFork("search/indexShardWorker");

/**
 * Indexes the shards in worker processes, as many as the machine has cores (one fewer while
 * Eleventy renders a large archive, until `renderingEnded`), each taking queued shards in turn, and
 * puts the first shard at `bundleDir` and the others at `bundleDir/shards/<name>/`, where the
 * search page merges them. With a `cacheDir`, a shard whose records (and Pagefind version) are
 * unchanged since an earlier build is taken from the cache instead of indexed again: an index
 * depends only on its records, so this equals a fresh index byte for byte. The files every
 * first search downloads are compressed again (compressFirstSearchFiles.ts), the WebAssembly
 * once per Pagefind version into `webAssemblyMemo`. With `only`, just the shards so named are
 * written (a part of a site built in parts, see siteParts.ts).
 */
export async function writeSearchShards(
  inputs: readonly ShardInput[],
  bundleDir: string,
  language: string,
  options: {
    cacheDir?: string;
    webAssemblyMemo?: string;
    /**
     * Where each shard's indexing keeps what it learned of Pagefind's words for the next (see
     * WordsMemo), under `key`: what the build's code and dependencies are (memos of any other are removed).
     */
    wordsMemo?: { dir: string; key: string };
    pagefindVersion: string;
    /** Our writer unless told otherwise (see searchIndexer.ts). */
    indexer?: SearchIndexer;
    only?: ReadonlySet<string>;
    renderingEnded?: Promise<void>;
    oneCoreFewerWhileRenderingFrom?: number;
    /**
     * Links the files of cached shards (paths relative to `from` and `to`) in another thread,
     * but for those in `unlessIn`, there already; else they are all linked here.
     */
    linkInBackground?: (from: string, to: string, files: string[], unlessIn?: string) => void;
    /**
     * When the build updates the published site in place: where its search index is, and the
     * fingerprints of its shards (`fingerprints` of the build that published it). A cached shard
     * the same as the published one is left there; only its files missing there are linked.
     */
    published?: { bundleDir: string; fingerprints: Record<string, string> };
    /**
     * The cache's entries (by path) this process found intact or wrote: checked once, not on
     * every build of the preview (issue 23), which hashes every file of a shard to check it.
     */
    intactEntries?: Set<string>;
  },
): Promise<ShardsWritten> {
  const errors: string[] = [];
  const indexed: string[] = [];
  const indexedByPagefind: string[] = [];
  const indexer = options.indexer?.name ?? "ours";
  const indexedUrls: string[] = [];
  const jobs = inputs
    .map((input, position) => ({
      ...input,
      position,
      fingerprint: shardFingerprint(input, position === 0, language, `${options.pagefindVersion} ${indexer}`),
    }))
    .filter((job) => !options.only || options.only.has(job.shard.name));
  const { intactEntries } = options;
  const intact = (entry: string) =>
    intactEntries?.has(entry) ? existsSync(entry) : entryIntact(entry) && (intactEntries?.add(entry), true);
  const cachedShards = new Set(
    // A damaged entry (see cacheIntegrity.ts) is removed and its shard indexed again.
    jobs.filter((job) => options.cacheDir !== undefined && intact(path.join(options.cacheDir, job.fingerprint))),
  );
  const toIndex = jobs.filter((job) => !cachedShards.has(job)).sort((a, b) => b.urls.length - a.urls.length);
  const targetOf = (job: (typeof jobs)[number]) =>
    job.position === 0 ? bundleDir : path.join(bundleDir, MERGED_SHARDS_FOLDER, job.shard.name);
  const cacheOf = (job: (typeof jobs)[number]) => (options.cacheDir ? path.join(options.cacheDir, job.fingerprint) : undefined);
  const { wordsMemo } = options;
  const wordsMemoOf = (shard: string) =>
    wordsMemo && {
      words: path.join(wordsMemo.dir, `${wordsMemo.key}-${language}-${shard}.v8`),
      bundle: path.join(wordsMemo.dir, `${wordsMemo.key}-${language}-bundle`),
    };
  const cores = os.availableParallelism();
  const storiesToIndex = toIndex.reduce((sum, job) => sum + job.urls.length, 0);
  const fewer = options.renderingEnded && storiesToIndex > (options.oneCoreFewerWhileRenderingFrom ?? ONE_CORE_FEWER_WHILE_RENDERING_FROM);
  const workers = Math.min(cores, toIndex.length);
  const whileRendering = fewer ? Math.min(workers, Math.max(1, cores - 1)) : workers;
  // The workers start first and take each shard as soon as it is queued, largest first.
  // How indexing processes ended other than normally, to explain a shard left without an answer.
  const abnormalEnds: string[] = [];
  const queue = new ShardQueue((queueDir) => runWorker(queueDir).then((end) => void (end && abnormalEnds.push(end))));
  const indexing = queue
    .index(whileRendering, { workers: workers - whileRendering, after: options.renderingEnded ?? Promise.resolve() })
    .finally(releaseIndexers);
  const building = new Map<string, string>();
  try {
    for (const job of toIndex) {
      const cached = cacheOf(job);
      const outputPath = cached ? `${cached}.building-${process.pid}` : targetOf(job);
      rmSync(outputPath, { recursive: true, force: true }); // Not awaited through the event loop, which Eleventy keeps busy.
      building.set(job.shard.name, outputPath);
      queue.add(job.shard.name, job.records(), {
        outputPath,
        language,
        withWebAssembly: job.position === 0,
        memoDir: options.webAssemblyMemo,
        wordsMemo: wordsMemoOf(job.shard.name),
        indexer,
        ...(cached && { publish: { sealAs: cached, into: targetOf(job), wholeBundle: job.position === 0 } }),
      });
    }
  } finally {
    // Whatever happened, the workers stop once the queue is empty.
    queue.seal();
  }
  // Cached shards are linked meanwhile: their fingerprints cover exactly these stories.
  const folderOf = (job: (typeof jobs)[number]) => path.relative(bundleDir, targetOf(job));
  const rewritten = new Set(toIndex);
  for (const job of jobs.filter((job) => cachedShards.has(job))) {
    const { published } = options;
    const inPlace = published?.fingerprints[folderOf(job)] === job.fingerprint;
    if (published && !inPlace) rewritten.add(job);
    if (options.linkInBackground)
      options.linkInBackground(
        cacheOf(job)!,
        targetOf(job),
        filesOfShard(cacheOf(job)!, job.position === 0),
        inPlace ? path.join(published!.bundleDir, folderOf(job)) : undefined,
      );
    else copyShard(cacheOf(job)!, targetOf(job), job.position === 0);
    indexedUrls.push(...job.urls);
  }
  const results = await indexing;
  for (const job of toIndex) {
    const result = results.get(job.shard.name) ?? {
      indexedUrls: [],
      errors: [`the indexing process ended before answering (${abnormalEnds.join("; ") || "every indexing process exited with code 0"})`],
      byPagefind: false,
    };
    indexed.push(job.shard.name);
    if (result.byPagefind) indexedByPagefind.push(job.shard.name);
    errors.push(...result.errors.map((error) => `shard ${job.shard.name}: ${error}`));
    indexedUrls.push(...result.indexedUrls);
    if (result.errors.length > 0) continue;
    const cached = cacheOf(job);
    if (cached) {
      // Sealed (by the worker) before it takes its name: an entry is never there unsealed, and
      // the worker copied it into the site. What stood there was damaged (see entryIntact).
      rmSync(cached, { recursive: true, force: true });
      await rename(building.get(job.shard.name)!, cached);
      intactEntries?.add(cached);
    } else if (job.position !== 0) {
      await pruneMergedShard(targetOf(job));
    }
  }
  if (errors.length > 0) throw new SearchIndexError(errors);
  // A part cannot tell which cached shards the other parts are using.
  if (options.cacheDir && !options.only) await pruneShardCache(options.cacheDir, new Set(jobs.map((job) => job.fingerprint)));
  if (wordsMemo)
    for (const entry of await readdir(wordsMemo.dir).catch(() => [] as string[]))
      if (!entry.startsWith(`${wordsMemo.key}-`)) await rm(path.join(wordsMemo.dir, entry), { recursive: true, force: true });
  return {
    indexedUrls,
    indexed,
    folders: jobs.map(targetOf),
    rewrittenFolders: [...rewritten].map(targetOf),
    fingerprints: Object.fromEntries(jobs.map((job) => [folderOf(job), job.fingerprint])),
    indexedByPagefind,
  };
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
    if (used.has(entry) || used.has(entry.replace(/\.sha256\.json$/, ""))) continue;
    // Left by a build killed while indexing: the cache is locked (see buildLock.ts), so no build
    // is writing it, though a Pagefind process the killed build started may still be finishing
    // (it is not killed with it): what cannot be removed now is removed by a later build.
    const remove = () => rm(path.join(cacheDir, entry), { recursive: true, force: true }).catch(() => undefined);
    if (entry.includes(".building-")) {
      await remove();
      continue;
    }
    const modified = (await stat(path.join(cacheDir, entry)).catch(() => undefined))?.mtimeMs ?? now;
    if (now - modified > STALE_AFTER_MS) await remove();
  }
}

/** The first shard's bundle also holds the WebAssembly, compressed again, so where a shard stands counts too. */
function shardFingerprint(input: ShardInput, first: boolean, language: string, indexedBy: string): string {
  const made = `pagefind ${indexedBy}\0${FIRST_SEARCH_COMPRESSION}\0${first ? "first" : "merged"}`;
  return createHash("sha256").update(`${made}\0${language}\0${input.shard.name}\0${input.fingerprint}`).digest("hex").slice(0, 32);
}

const warm: ChildProcess[] = [];

/** The build's environment, less what would make a worker report to `node --watch` (which `npm start` runs under). */
function workerEnvironment(): NodeJS.ProcessEnv {
  const { WATCH_REPORT_DEPENDENCIES: _reported, ...environment } = process.env;
  return environment;
}

/**
 * Starts indexing processes before the archive is read: loading Node, our code and Pagefind
 * takes a few tenths of a second (more through tsx), which the build would otherwise wait for
 * after the model is ready. A rebuild (`expectRebuild`) usually indexes one shard, the newest
 * year, and starts one process: each one more would take CPU from the reading of the archive,
 * on a machine of two cores.
 */
export function prewarmIndexers(expectRebuild: boolean): void {
  const wanted = expectRebuild ? 1 : os.availableParallelism();
  while (warm.length < wanted) {
    const child = fork(indexShardWorker.modulePath, {
      execArgv: indexShardWorker.execArgv,
      serialization: "advanced",
      env: workerEnvironment(),
    });
    child.on("error", () => undefined);
    // A waiting process must not keep the build alive (say, when the archive has problems).
    child.unref();
    child.channel?.unref();
    warm.push(child);
  }
}

/** Ends the processes no shard needed (say, every shard came from the cache). */
function releaseIndexers(): void {
  for (const child of warm.splice(0)) child.kill();
}

/**
 * One worker process (one waiting, if any), working through the queue in `queueDir` until it
 * ends; how it ended, if not normally.
 */
function runWorker(queueDir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let child = warm.shift();
    // One that died waiting would never report its exit again.
    while (child && (child.exitCode !== null || child.signalCode !== null)) child = warm.shift();
    child ??= fork(indexShardWorker.modulePath, {
      execArgv: indexShardWorker.execArgv,
      serialization: "advanced",
      env: workerEnvironment(),
    });
    child.ref();
    child.channel?.ref();
    child.once("exit", (code, signal) =>
      resolve(signal ? `one was stopped by ${signal}` : code !== 0 ? `one exited with code ${code}` : undefined),
    );
    child.send({ queueDir } satisfies StartIndexing);
  });
}

async function pruneMergedShard(dir: string): Promise<void> {
  for (const entry of await readdir(dir))
    if (!MERGED_SHARD_FILES.test(entry)) await rm(path.join(dir, entry), { recursive: true, force: true });
}
