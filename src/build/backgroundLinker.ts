import { Worker } from "node:worker_threads";

/**
 * Hard-links files of the previous site (and of the search cache) into the new one in another
 * thread, batch by batch as the build decides them, while this thread goes on planning: tens of
 * thousands of links, and the folders they go in, are kernel work this thread need not wait for.
 * (Making the folders ahead, while the archive is read, was measured slower: on two cores, it
 * takes CPU from the reading.) Copies where the file system cannot link. A file that is not
 * there (deleted by hand from the published site) is not an error: `finish` names it, and the
 * build renders that page instead.
 *
 * A build that updates the published site in place (see publishPatch) links only the files
 * missing from it: it checks that each kept file is still there.
 */
export class BackgroundLinker {
  private readonly worker: Worker;
  private readonly ended: Promise<void>;
  private readonly missing: Promise<string[]>;

  constructor() {
    this.worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       const { copyFileSync, existsSync, linkSync, mkdirSync } = require("node:fs");
       const path = require("node:path");
       const made = new Set();
       const missing = [];
       parentPort.on("message", (batch) => {
         if (batch === null) {
           parentPort.postMessage(missing);
           return parentPort.close();
         }
         for (const file of batch.files) {
           if (batch.unlessIn !== undefined && existsSync(path.join(batch.unlessIn, file))) continue;
           const target = path.resolve(batch.to, file);
           const folder = path.dirname(target);
           if (!made.has(folder)) {
             mkdirSync(folder, { recursive: true });
             made.add(folder);
           }
           const source = path.join(batch.from, file);
           try {
             linkSync(source, target);
           } catch {
             if (!existsSync(source)) missing.push(source);
             else copyFileSync(source, target);
           }
         }
       });`,
      { eval: true },
    );
    this.ended = new Promise<void>((resolve, reject) => {
      this.worker.once("error", reject);
      this.worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`linking the unchanged files of the previous build stopped (exit code ${code})`))));
    });
    this.ended.catch(() => undefined); // Reported by `finish`.
    this.missing = new Promise((resolve) => this.worker.once("message", resolve));
    // Waiting for files must not keep a failed build's process alive; `finish` waits for it.
    this.worker.unref();
    linkers.add(this);
    void this.ended.catch(() => undefined).finally(() => linkers.delete(this));
  }

  /** `files`: paths relative to both folders (and to `unlessIn`, whose files are left alone: they are there already). */
  link(from: string, to: string, files: readonly string[], unlessIn?: string): void {
    this.worker.postMessage({ from, to, files, unlessIn });
  }

  /**
   * Once every file given is linked: the files that were not there (absolute paths). Rejects when
   * one could be neither linked nor copied.
   */
  async finish(): Promise<string[]> {
    this.worker.ref();
    this.worker.postMessage(null);
    await this.ended;
    return this.missing;
  }

  /** Stops linking at once (the build failed) and waits until the thread has ended. */
  async stop(): Promise<void> {
    await this.worker.terminate();
    await this.ended.catch(() => undefined);
  }
}

const linkers = new Set<BackgroundLinker>();

/** Stops every linking under way: a failed build does so before removing its staging folder. */
export async function stopLinking(): Promise<void> {
  await Promise.all([...linkers].map((linker) => linker.stop()));
}
