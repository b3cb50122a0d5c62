import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyUnshared, folderMaker } from "../linkOrCopy.ts";
import { ImageCache } from "./imageCache.ts";
import { IMAGES_FOLDER } from "./imageMarkup.ts";
import type { ArchiveImages } from "./storyImages.ts";

/** The stories' processed images: in `root`/images/ (the cache's, or this process's own), as in the site's images/. */
export interface ImageFolder {
  root: string;
  /** The site's image files, as paths relative to `root` and to the site ("images/…"). */
  files: string[];
  /** How many images this build processed instead of taking them from the cache (0 on a rebuild with nothing new). */
  processed: number;
}

/**
 * Processes the archive's images into the build's cache folder, or, without one (a model built
 * by a test or a bench experiment), into a temporary folder of this call, removed when the
 * process ends. The preview has a cache folder of its own, so its rebuilds reuse its images.
 */
export async function processedImageFolder(images: ArchiveImages, cacheDir: string | undefined): Promise<ImageFolder> {
  const root = cacheDir ?? temporaryFolder();
  const cache = new ImageCache(path.join(root, IMAGES_FOLDER));
  await images.process(cache);
  return { root, files: images.fileNames().map((name) => `${IMAGES_FOLDER}/${name}`), processed: cache.processed };
}

function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "news-archive-images-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * Puts the image files into the site being built: copies, never hard links (issue 19). `link`:
 * the build's background copier, which also leaves a file alone that the published site it
 * updates in place has already (`unlessIn`), and so keeps it from being deleted as stale.
 */
export function publishImages(
  folder: ImageFolder,
  outputDir: string,
  link?: (from: string, to: string, files: string[], unlessIn?: string) => void,
  unlessIn?: string,
): void {
  if (folder.files.length === 0) return;
  if (link) return link(folder.root, outputDir, folder.files, unlessIn);
  const makeFolderOf = folderMaker();
  for (const file of folder.files) {
    makeFolderOf(path.join(outputDir, file));
    copyUnshared(path.join(folder.root, file), path.join(outputDir, file));
  }
}
