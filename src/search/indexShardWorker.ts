/**
 * One search shard, indexed in its own process: each process gets its own Pagefind service
 * binary, so shards are indexed on several cores at once, beside Eleventy's rendering.
 * Receives { recordsFile, outputPath, language } by IPC and answers { indexedUrls, errors }.
 */
import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./searchRecords.ts";

interface Job {
  /** The records, written with v8.serialize. */
  recordsFile: string;
  outputPath: string;
  language: string;
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
    }
  } catch (error) {
    errors.push(String(error));
  }
  await pagefind.close();
  process.send!({ indexedUrls, errors }, () => process.exit(0));
});
