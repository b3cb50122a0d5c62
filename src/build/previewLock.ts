import path from "node:path";
import { lockFolders, type HeldLock } from "./buildLock.ts";

/**
 * The preview (`npm start`) rebuilds its folder on every change for as long as it runs, so it
 * holds that folder's lock (see buildLock.ts) from its first build until its process ends: a
 * second preview, or a build told to write there, stops with the preview named.
 */
export class PreviewLock {
  private held: Promise<HeldLock> | undefined;
  private folder: string | undefined;

  /** Takes the lock of `output` the first time, at once or not at all; later calls for the same folder resolve at once. */
  async hold(output: string): Promise<void> {
    const folder = path.resolve(output);
    if (this.folder !== folder) {
      void this.held?.then(
        (lock) => lock.release(),
        () => undefined,
      );
      this.folder = folder;
      this.held = lockFolders([folder], { waitMs: 0 });
    }
    await this.held;
  }
}
