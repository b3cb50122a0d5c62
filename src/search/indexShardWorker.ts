/**
 * One search shard, indexed in its own process: each process gets its own Pagefind service
 * binary, so shards are indexed on several cores at once, beside Eleventy's rendering.
 * Receives { recordsFile, outputPath, language, withWebAssembly, memoDir } by IPC and answers { indexedUrls, errors }.
 */
import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import * as pagefind from "pagefind";
import { compressFirstSearchFiles } from "./compressFirstSearchFiles.ts";
import type { SearchRecord } from "./searchRecords.ts";

/** What the build asks of a worker, besides the records. */
export interface IndexingJob {
  outputPath: string;
  language: string;
  /** The shard whose bundle holds Pagefind's scripts and WebAssembly (the first). */
  withWebAssembly: boolean;
  /** Where compressed WebAssembly is kept between builds. */
  memoDir?: string;
}

interface Job extends IndexingJob {
  /** The records, written with v8.serialize. */
  recordsFile: string;
}

// Started ahead of time by the build; if the build ends without a job for it, so does it.
process.once("disconnect", () => process.exit(0));

process.once("message", async (job: Job) => {
  const errors: string[] = [];
  const indexedUrls: string[] = [];
  try {
    const records = deserialize(readFileSync(job.recordsFile)) as SearchRecord[];
    const created = await pagefind.createIndex({ forceLanguage: job.language });
    errors.push(...created.errors);
    if (created.index) {
      const index = created.index;
      const batchSize = 64;
      for (let start = 0; start < records.length; start += batchSize) {
        const added = await Promise.all(records.slice(start, start + batchSize).map((record) => index.addCustomRecord({ ...record, language: job.language })));
        for (const [offset, result] of added.entries()) {
          if (result.errors.length > 0) errors.push(...result.errors.map((error) => `${records[start + offset].url}: ${error}`));
          else indexedUrls.push(records[start + offset].url);
        }
      }
      if (errors.length === 0) errors.push(...(await index.writeFiles({ outputPath: job.outputPath })).errors);
      await index.deleteIndex();
      if (errors.length === 0) await compressFirstSearchFiles(job.outputPath, job);
    }
  } catch (error) {
    errors.push(String(error));
  }
  await pagefind.close();
  process.send!({ indexedUrls, errors }, () => process.exit(0));
});
