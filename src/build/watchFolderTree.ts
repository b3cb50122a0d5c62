import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

/**
 * Calls `changed` on any change under `root`, with the path of what changed (a file or a folder;
 * none when the system does not say): a file written, renamed or deleted, in any folder,
 * including folders made later (a new year's or month's). One watcher a folder, set up before
 * this returns: Node's `recursive` watch on Linux sets its watchers up after returning, so a story
 * saved in the first moments was missed at 10,000 stories (issue 23).
 */
export function watchFolderTree(root: string, changed: (file?: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const watchFolder = (folder: string) => {
    if (watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => {
        changed(name === null ? undefined : path.join(folder, name.toString()));
        if (name !== null) watchNewFolder(path.join(folder, name.toString()));
      });
    } catch {
      return; // Gone already.
    }
    // A folder deleted: its watcher ends.
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
  };
  const watchTree = (folder: string) => {
    watchFolder(folder);
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
      if (entry.isDirectory()) watchFolder(path.join(entry.parentPath, entry.name));
  };
  const watchNewFolder = (entry: string) => {
    if (watchers.has(entry) || !statSync(entry, { throwIfNoEntry: false })?.isDirectory()) return;
    watchTree(entry);
    changed(entry); // Stories may have been written into it before it was watched.
  };
  watchTree(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
