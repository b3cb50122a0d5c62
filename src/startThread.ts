import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { projectRoot } from "./projectFiles.ts";

/** Our modules that the build runs in threads of their own. */
export type ThreadEntryPoint = "article/storyFilesThread" | "build/backgroundLinkerThread";

/**
 * Starts one of our TypeScript modules in a worker thread, in the mode this process runs in:
 * from the bundle (src/cli/run.mjs bundles each entry point beside the others, named by
 * NEWS_ARCHIVE_BUNDLE), or through tsx, whose `--import` hooks do not reach a worker's own
 * module on Node 20 (tsx issue #354): a small loader (tsxThread.mjs) registers tsx in the
 * thread first, then imports the module.
 */
export function startThread<Data>(entryPoint: ThreadEntryPoint, workerData: Data, options: Omit<WorkerOptions, "workerData"> = {}): Worker {
  const bundle = process.env.NEWS_ARCHIVE_BUNDLE;
  if (bundle) return new Worker(path.join(bundle, `${path.basename(entryPoint)}.js`), { ...options, workerData });
  const module = pathToFileURL(path.join(projectRoot, "src", `${entryPoint}.ts`)).href;
  return new Worker(new URL("./tsxThread.mjs", import.meta.url), { ...options, workerData, argv: [module] });
}
