/** What the build and the linking thread (backgroundLinkerThread.ts) say to each other: see BackgroundLinker. */

/** What the thread is given: the site this build updates in place, if it does. */
export interface LinkerStart {
  site: string | undefined;
}

/** Files to link (paths relative to `from` and `to`), but for those already in `unlessIn`. */
export interface LinkBatch {
  from: string;
  to: string;
  files: readonly string[];
  unlessIn?: string;
}

/** To the thread: list the site now, a batch to link, or `null` once every batch is sent. */
export type LinkerRequest = "survey" | LinkBatch | null;

/** From the thread, once `null` came. */
export interface LinkResult {
  /** The files that were not there to link or keep (absolute paths). */
  missing: string[];
  /**
   * The published site's files, and empty folders (ending in a separator), that no kept file
   * claimed, relative to it: [] unless the build updates it in place.
   */
  unclaimed: string[];
}
