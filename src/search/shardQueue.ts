/**
 * The files through which the build hands search shards to the worker processes (see
 * ShardQueue in writeSearchShards.ts and indexShardWorker.ts): `<n>.v8` a queued shard,
 * `<n>.v8.<pid>` one a worker has claimed, `<n>.answer` what came of it, and `sealed` once
 * every shard is queued.
 */
import { readdirSync, renameSync } from "node:fs";
import path from "node:path";
import type { SearchRecord } from "./searchRecords.ts";

/** Where and how one shard is written. */
export interface IndexingJob {
  outputPath: string;
  language: string;
  /** The shard whose bundle holds Pagefind's scripts and WebAssembly (the first). */
  withWebAssembly: boolean;
  /** Where compressed WebAssembly is kept between builds. */
  memoDir?: string;
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
}

export const QUEUE_SEALED = "sealed";

/** The first queued shard no other worker has taken, renamed so that none will; undefined if none is queued. */
export function claimNextShard(queueDir: string): string | undefined {
  for (const name of readdirSync(queueDir).filter((entry) => entry.endsWith(".v8")).sort()) {
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
