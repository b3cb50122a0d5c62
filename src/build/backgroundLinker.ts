import type { Worker } from "node:worker_threads";
import { startThread } from "../startThread.ts";
import type { LinkBatch, LinkerRequest, LinkerStart, LinkResult } from "./backgroundLinkerMessages.ts";

export type { LinkResult };

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
    this.worker = startThread<LinkerStart>("build/backgroundLinkerThread", { site: publishedSite });
    this.ended = new Promise<void>((resolve, reject) => {
      this.worker.once("error", reject);
      this.worker.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`linking the unchanged files of the previous build stopped (exit code ${code})`)),
      );
    });
    this.ended.catch(() => undefined); // Reported by `finish`.
    this.result = new Promise((resolve) => this.worker.once("message", (result: LinkResult) => resolve(result)));
    // Waiting for files must not keep a failed build's process alive; `finish` waits for it.
    this.worker.unref();
  }

  /**
   * Lists the published site's files now, if the build updates it in place, rather than when the
   * first files to keep come: called once the stories are read, as this costs the reading CPU.
   */
  surveySite(): void {
    this.worker.postMessage("survey" satisfies LinkerRequest);
  }

  /** `files`: paths relative to both folders (and to `unlessIn`, whose files are left alone: they are there already). */
  link(from: string, to: string, files: readonly string[], unlessIn?: string): void {
    this.worker.postMessage({ from, to, files, unlessIn } satisfies LinkBatch);
  }

  /** Once every file given is linked (see LinkResult). Rejects when one could be neither linked nor copied. */
  async finish(): Promise<LinkResult> {
    this.worker.ref();
    this.worker.postMessage(null satisfies LinkerRequest);
    await this.ended;
    return this.result;
  }

  /** Stops linking at once (the build failed) and waits until the thread has ended. */
  async stop(): Promise<void> {
    await this.worker.terminate();
    await this.ended.catch(() => undefined);
  }
}
