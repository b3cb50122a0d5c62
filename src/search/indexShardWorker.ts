/**
 * Search shards, indexed in a process of their own (writePagefindIndex.ts, with a Pagefind
 * service of its own), so shards are indexed on several cores at once, beside Eleventy's rendering.
 * Receives { queueDir } by IPC, then claims queued shards one after another (shardQueue.ts),
 * writing what came of each beside it, until the queue is sealed and empty.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { deserialize, serialize } from "node:v8";
import * as pagefind from "pagefind";
import { sealEntry } from "../cacheIntegrity.ts";
import { compressFirstSearchFiles } from "./compressFirstSearchFiles.ts";
import { copyShard } from "./shardFiles.ts";
import { writePagefindIndex } from "./writePagefindIndex.ts";
import type { LearnedWords } from "./learnTokenWords.ts";
import type { SearchRecord } from "./searchRecords.ts";
import { claimNextShard, QUEUE_SEALED, type IndexingJob, type QueuedShard, type ShardIndexed, type StartIndexing } from "./shardQueue.ts";

// Started ahead of time by the build; if the build ends, so does it.
process.once("disconnect", () => process.exit(0));

/**
 * A build killed (SIGKILL) cannot tell its workers; the disconnect above is seen only between two
 * steps, while a shard is written in one. A worker writing into a killed build's staging folder
 * would write into the next build's, which clears and takes it over (seen in the suite), so it
 * looks at its parent as it writes, and stops.
 */
class BuildEndedError extends Error {}
const buildProcess = process.ppid;
const checkBuildRunning = () => {
  if (process.ppid !== buildProcess) throw new BuildEndedError("the build that queued this shard has ended");
};

// Pagefind's service (a process of its own) is started while the build reads the archive, not
// once a shard is queued: a tenth of a second of a rebuild, which asks it about a few words.
void pagefind
  .createIndex()
  .then(({ index }) => index?.deleteIndex())
  .catch(() => undefined); // Failing to start is reported when a shard needs it.

process.once("message", async ({ queueDir }: StartIndexing) => {
  const learnedWords: LearnedWords = new Map();
  for (;;) {
    // Sealed is read before claiming: the build seals the queue after its last shard is queued,
    // so a claim that finds nothing after the seal was seen means nothing is left. The other order
    // lost a shard queued and sealed between the claim and the look at the seal.
    const sealed = existsSync(path.join(queueDir, QUEUE_SEALED));
    const claimed = claimNextShard(queueDir);
    if (claimed) {
      const { job, records, answerFile } = deserialize(readFileSync(claimed)) as QueuedShard;
      const answer = await indexShard(records, job, learnedWords);
      // Whole or not at all: a worker that dies leaves no answer, which the build reports.
      writeFileSync(`${answerFile}.partial`, serialize(answer));
      renameSync(`${answerFile}.partial`, answerFile);
    } else if (sealed) {
      break;
    } else {
      await sleep(20); // The build is still queueing shards.
    }
  }
  process.exit(0);
});

async function indexShard(records: SearchRecord[], job: IndexingJob, learnedWords: LearnedWords): Promise<ShardIndexed> {
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), "news-archive-words-"));
  let answer: ShardIndexed;
  let buildEnded = false;
  try {
    const written =
      job.indexer === "ours"
        ? await writePagefindIndex(records, {
            language: job.language,
            outputPath: job.outputPath,
            scratchDir,
            withScripts: job.withWebAssembly,
            wordsMemo: job.wordsMemo,
            learnedWords,
            checkBuildRunning,
          })
        : undefined;
    answer =
      written && "indexedUrls" in written
        ? { indexedUrls: written.indexedUrls, errors: [], byPagefind: false }
        : await indexWithPagefind(records, job);
  } catch (error) {
    answer = { indexedUrls: [], errors: [String(error)], byPagefind: false };
    if (error instanceof BuildEndedError) buildEnded = true;
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
  if (buildEnded) process.exit(0);
  // A service per shard: the next one starts with none of this one's memory.
  await pagefind.close();
  try {
    // Only the first shard's files are on every first search; an older shard's are fetched for
    // "Show more", a year filter or too few results, and Zopfli on its metadata cost a clean
    // build more CPU than any other step of its indexing (bench/experiments/README.md, issue 19).
    if (answer.errors.length === 0 && job.withWebAssembly) await compressFirstSearchFiles(job.outputPath, job);
    checkBuildRunning();
    if (answer.errors.length === 0 && job.publish) {
      sealEntry(job.outputPath, job.publish.sealAs);
      copyShard(job.outputPath, job.publish.into, job.publish.wholeBundle);
    }
  } catch (error) {
    if (error instanceof BuildEndedError) process.exit(0);
    answer.errors.push(String(error));
  }
  return answer;
}

/** What our writer cannot vouch for (writePagefindIndex.ts), or every shard when it is not to be used (searchIndexer.ts), is indexed by Pagefind's own indexer. */
async function indexWithPagefind(records: SearchRecord[], job: IndexingJob): Promise<ShardIndexed> {
  const errors: string[] = [];
  const indexedUrls: string[] = [];
  rmSync(job.outputPath, { recursive: true, force: true });
  try {
    const created = await pagefind.createIndex({ forceLanguage: job.language });
    errors.push(...created.errors);
    if (created.index) {
      const index = created.index;
      const batchSize = 64;
      for (let start = 0; start < records.length; start += batchSize) {
        const added = await Promise.all(
          records.slice(start, start + batchSize).map((record) => index.addCustomRecord({ ...record, language: job.language })),
        );
        for (const [offset, result] of added.entries()) {
          if (result.errors.length > 0) errors.push(...result.errors.map((error) => `${records[start + offset].url}: ${error}`));
          else indexedUrls.push(records[start + offset].url);
        }
      }
      if (errors.length === 0) errors.push(...(await index.writeFiles({ outputPath: job.outputPath })).errors);
      await index.deleteIndex();
    }
  } catch (error) {
    errors.push(String(error));
  }
  return { indexedUrls, errors, byPagefind: true };
}
