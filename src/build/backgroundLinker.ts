import { Worker } from "node:worker_threads";

/**
 * Copies files of the previous site (and of the search cache) into the new one in another
 * thread, batch by batch as the build decides them, while this thread goes on planning: tens of
 * thousands of copies, and the folders they go in, are kernel work this thread need not wait for.
 * (Making the folders ahead, while the archive is read, was measured slower: on two cores, it
 * takes CPU from the reading.) Copies, never hard links (see copyUnshared). A file that is not
 * there (deleted by hand from the published site) is not an error: `finish` names it, and the
 * build renders that page instead.
 *
 * A build that updates the published site in place (see publishPatch) links only the files
 * missing from it. The thread first lists the site's files (and empty folders): a kept file is
 * looked up in that list, and `finish` names the ones no kept file claimed, which the build
 * replaces or deletes, so that a file put into the site by hand goes as a clean build would not
 * have it. (Listing the site's 24,000 folders costs this thread about twice what checking each
 * kept file did, and is done while the build parses the archive.)
 */
export class BackgroundLinker {
  private readonly worker: Worker;
  private readonly ended: Promise<void>;
  private readonly result: Promise<LinkResult>;

  /** `publishedSite`: the site this build updates in place, if it does. */
  constructor(publishedSite?: string) {
    this.worker = new Worker(
      `const { parentPort, workerData: { site } } = require("node:worker_threads");
       const { constants, copyFileSync, existsSync, mkdirSync, readdirSync } = require("node:fs");
       const path = require("node:path");
       const inSite = new Set();
       const survey = (folder) => {
         const entries = readdirSync(path.join(site, folder), { withFileTypes: true });
         if (entries.length === 0 && folder !== "") inSite.add(folder + path.sep);
         for (const entry of entries) {
           const name = path.join(folder, entry.name);
           if (entry.isDirectory()) survey(name);
           else inSite.add(name);
         }
       };
       let surveyed = site === undefined;
       const surveyOnce = () => {
         if (!surveyed) survey("");
         surveyed = true;
       };
       const claimed = new Set();
       const isThere = (folder, file) => {
         const inside = site !== undefined && path.relative(site, folder);
         if (inside === false || inside.startsWith("..")) return existsSync(path.join(folder, file));
         const name = path.join(inside, file);
         claimed.add(name);
         return inSite.has(name);
       };
       const made = new Set();
       const missing = [];
       parentPort.on("message", (batch) => {
         surveyOnce();
         if (batch === "survey") return;
         if (batch === null) {
           parentPort.postMessage({ missing, unclaimed: [...inSite].filter((name) => !claimed.has(name)) });
           return parentPort.close();
         }
         for (const file of batch.files) {
           if (batch.unlessIn !== undefined && isThere(batch.unlessIn, file)) continue;
           const target = path.resolve(batch.to, file);
           const folder = path.dirname(target);
           if (!made.has(folder)) {
             mkdirSync(folder, { recursive: true });
             made.add(folder);
           }
           const source = path.join(batch.from, file);
           // A copy (a reflink where the disk has them), never a link: see copyUnshared.
           try {
             copyFileSync(source, target, constants.COPYFILE_FICLONE);
           } catch (error) {
             if (existsSync(source)) throw error;
             missing.push(source);
           }
         }
       });`,
      { eval: true, workerData: { site: publishedSite } },
    );
    this.ended = new Promise<void>((resolve, reject) => {
      this.worker.once("error", reject);
      this.worker.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`linking the unchanged files of the previous build stopped (exit code ${code})`)),
      );
    });
    this.ended.catch(() => undefined); // Reported by `finish`.
    this.result = new Promise((resolve) => this.worker.once("message", resolve));
    // Waiting for files must not keep a failed build's process alive; `finish` waits for it.
    this.worker.unref();
    linkers.add(this);
    void this.ended.catch(() => undefined).finally(() => linkers.delete(this));
  }

  /**
   * Lists the published site's files now, if the build updates it in place, rather than when the
   * first files to keep come: called once the stories are read, as this costs the reading CPU.
   */
  surveySite(): void {
    this.worker.postMessage("survey");
  }

  /** `files`: paths relative to both folders (and to `unlessIn`, whose files are left alone: they are there already). */
  link(from: string, to: string, files: readonly string[], unlessIn?: string): void {
    this.worker.postMessage({ from, to, files, unlessIn });
  }

  /** Once every file given is linked (see LinkResult). Rejects when one could be neither linked nor copied. */
  async finish(): Promise<LinkResult> {
    this.worker.ref();
    this.worker.postMessage(null);
    await this.ended;
    return this.result;
  }

  /** Stops linking at once (the build failed) and waits until the thread has ended. */
  async stop(): Promise<void> {
    await this.worker.terminate();
    await this.ended.catch(() => undefined);
  }
}

export interface LinkResult {
  /** The files that were not there to link or keep (absolute paths). */
  missing: string[];
  /**
   * The published site's files, and empty folders (ending in a separator), that no kept file
   * claimed, relative to it: [] unless the build updates it in place.
   */
  unclaimed: string[];
}

const linkers = new Set<BackgroundLinker>();

/** Stops every linking under way: a failed build does so before removing its staging folder. */
export async function stopLinking(): Promise<void> {
  await Promise.all([...linkers].map((linker) => linker.stop()));
}
