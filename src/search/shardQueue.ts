/**
 * The files through which the build hands search shards to the worker processes
 * (indexShardWorker.ts): `<n>.v8` a queued shard, `<n>.v8.<pid>` one a worker has claimed,
 * `<n>.answer` what came of it, and `sealed` once every shard is queued.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { WordsMemo } from "./learnTokenWords.ts";
import type { SearchIndexer } from "./searchIndexer.ts";
import type { SearchRecord } from "./searchRecords.ts";

/** Where and how one shard is written. */
export interface IndexingJob {
  outputPath: string;
  language: string;
  /** The shard whose bundle holds Pagefind's scripts and WebAssembly (the first). */
  withWebAssembly: boolean;
  /** Where compressed WebAssembly is kept between builds. */
  memoDir?: string;
  /** What the shard's last indexing learned of Pagefind's words. */
  wordsMemo?: WordsMemo;
  /** Our writer, or Pagefind's own indexer for every shard (see searchIndexer.ts). */
  indexer: SearchIndexer["name"];
  /**
   * Once written (at `outputPath`, in the cache), the shard is sealed as the cache entry it is to
   * become and copied into the site at `into` by the worker, beside the build's thread: for a
   * large shard that is 10,000 files to read, hash and copy (issue 23).
   */
  publish?: { sealAs: string; into: string; wholeBundle: boolean };
}

/** The one message a worker process receives: the queue to work through. */
export interface StartIndexing {
  queueDir: string;
}

/** A queued shard's file, written with v8.serialize. */
export interface QueuedShard {
  job: IndexingJob;
  records: SearchRecord[];
  answerFile: string;
}

/** What came of a shard, written with v8.serialize to its `answerFile`. */
export interface ShardIndexed {
  indexedUrls: string[];
  errors: string[];
  /** Whether Pagefind's own indexer wrote it (chosen so, or given records our writer cannot vouch for). */
  byPagefind: boolean;
}

export const QUEUE_SEALED = "sealed";

function queuedShards(queueDir: string): string[] {
  return readdirSync(queueDir).filter((entry) => entry.endsWith(".v8"));
}

/** The first queued shard no other worker has taken, renamed so that none will; undefined if none is queued. */
export function claimNextShard(queueDir: string): string | undefined {
  for (const name of queuedShards(queueDir).sort()) {
    const claimed = path.join(queueDir, `${name}.${process.pid}`);
    try {
      renameSync(path.join(queueDir, name), claimed);
      return claimed;
    } catch {
      // Another worker renamed it first.
    }
  }
  return undefined;
}

/**
 * Shards waiting to be indexed, each in a file of its own (its records and where to write it),
 * which the worker processes claim one after another by renaming, answering in a file beside
 * it. Nothing passes through this process's event loop, which Eleventy's rendering keeps busy
 * for minutes on a large archive: a worker goes from shard to shard meanwhile, and starts on
 * the first shard while the others are still being queued.
 */
export class ShardQueue {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), "news-archive-shards-"));
  private readonly answerFiles = new Map<string, string>();

  /** `runWorker` starts one worker process on the queue's folder and settles when it has ended. */
  constructor(private readonly runWorker: (queueDir: string) => Promise<void>) {}

  add(shard: string, records: SearchRecord[], job: IndexingJob): void {
    // Named so that the workers, claiming in name order, take the shards in the order added.
    const file = path.join(this.dir, String(this.answerFiles.size).padStart(6, "0"));
    this.answerFiles.set(shard, `${file}.answer`);
    writeFileSync(`${file}.v8.partial`, serialize({ job, records, answerFile: `${file}.answer` } satisfies QueuedShard));
    renameSync(`${file}.v8.partial`, `${file}.v8`);
  }

  /** No more shards: a worker finding the queue empty may stop. */
  seal(): void {
    writeFileSync(path.join(this.dir, QUEUE_SEALED), "");
  }

  /**
   * Runs `workers` processes until the queue is sealed and empty, and `more.workers` besides
   * once `more.after` has settled while shards are still queued; what each shard came to.
   */
  async index(workers: number, more: { workers: number; after: Promise<void> }): Promise<Map<string, ShardIndexed>> {
    try {
      const first = Promise.all(Array.from({ length: workers }, () => this.runWorker(this.dir)));
      // If rendering never ends (Eleventy failed), the first workers empty the queue on their own.
      const later = Promise.race([more.after, first]).then(() =>
        Promise.all(Array.from({ length: queuedShards(this.dir).length > 0 ? more.workers : 0 }, () => this.runWorker(this.dir))),
      );
      await Promise.all([first, later]);
      const results = new Map<string, ShardIndexed>();
      for (const [shard, answer] of this.answerFiles) {
        if (existsSync(answer)) results.set(shard, deserialize(readFileSync(answer)) as ShardIndexed);
      }
      return results;
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
