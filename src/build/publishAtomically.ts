import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, utimesSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { folderMaker } from "../linkOrCopy.ts";
import { BuildError } from "../problems.ts";
import { writeFileWhole } from "../writeWhole.ts";

/**
 * Where a build writes before it is published: next to the site folder, so the final rename
 * stays on one file system and is atomic.
 */
export function stagingDirFor(siteDir: string): string {
  return path.join(path.dirname(path.resolve(siteDir)), `.${path.basename(siteDir)}.staging`);
}

/** Clears what an interrupted earlier build may have left, so a new build starts clean. */
export async function prepareStaging(siteDir: string): Promise<string> {
  await recoverInterruptedPublish(siteDir);
  const staging = stagingDirFor(siteDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/**
 * Replaces the site folder with the staging folder. Two renames: the old site steps aside, the
 * new one takes its name; a crash between them is repaired by the next build.
 */
export async function publishStaging(siteDir: string): Promise<void> {
  const site = path.resolve(siteDir);
  const staging = stagingDirFor(siteDir);
  const previous = `${site}.previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(site)) await rename(site, previous);
  await rename(staging, site);
  await removeInBackground(previous);
}

/**
 * The replaced site (tens of thousands of files) is deleted by a detached `rm` after it has been
 * renamed out of the way, so the build does not wait for it; a leftover from a crash is removed
 * by the next build the same way.
 */
async function removeInBackground(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  // Hidden, beside the site so the rename stays on one file system.
  const trash = path.join(path.dirname(dir), `.${path.basename(dir)}.trash-${process.pid}-${Date.now()}`);
  await rename(dir, trash);
  spawn("rm", ["-rf", trash], { detached: true, stdio: "ignore" }).unref();
}

/**
 * Publishes a build that rendered only what changed by moving its files into the site folder
 * and deleting `staleFiles` (paths relative to the site that the new build no longer has),
 * instead of replacing the folder: a new folder would need every unchanged file linked into
 * it, tens of thousands of links and folders, more than the rest of such a build on a disk.
 * The staging folder holds exactly the files that changed (or were missing).
 *
 * A list of what to do is written first: a publish cut short is finished by the next build
 * (see recoverInterruptedPublish) rather than left half done. Every move and deletion can be
 * done again, so finishing it twice does no harm.
 */
export function publishPatch(siteDir: string, staleFiles: readonly string[]): void {
  const site = path.resolve(siteDir);
  writeFileWhole(patchJournalFor(site), JSON.stringify({ staleFiles }));
  try {
    applyPatch(site, staleFiles);
  } catch (error) {
    throw new PublishCutShortError(siteDir, error);
  }
}

/** The site was being updated in place when an error stopped it: the next build finishes the update. */
export class PublishCutShortError extends BuildError {
  constructor(siteDir: string, cause: unknown) {
    super({
      title: `updating ${siteDir}/ in place stopped part way`,
      details: cause instanceof Error ? cause.message : String(cause),
      hint: "the next build finishes the update: mend the cause (disk space, permissions) and run npm run build again",
      siteUntouched: false,
      cause,
    });
  }
}

function patchJournalFor(site: string): string {
  return path.join(path.dirname(site), `.${path.basename(site)}.patch.json`);
}

function applyPatch(site: string, staleFiles: readonly string[]): void {
  // The site folder's identity (see siteIdentity) changes before any file does: the previous
  // build's fingerprints no longer describe the site once it is being changed.
  const now = new Date();
  utimesSync(site, now, now);
  // Deleted first: none is replaced (see staleFiles), and a file put in by hand may stand where
  // a new page's folder goes.
  for (const file of staleFiles) {
    // An empty folder ends in a separator: see LinkResult.
    if (file.endsWith(path.sep)) removeEmptyFolders(site, path.join(site, file));
    else {
      rmSync(path.join(site, file), { force: true });
      removeEmptyFolders(site, path.dirname(path.join(site, file)));
    }
  }
  const staging = stagingDirFor(site);
  const makeFolderOf = folderMaker();
  // Gone when a patch was cut short after its last move.
  for (const entry of existsSync(staging) ? readdirSync(staging, { recursive: true, withFileTypes: true }) : []) {
    if (entry.isDirectory()) continue;
    const file = path.relative(staging, path.join(entry.parentPath, entry.name));
    makeFolderOf(path.join(site, file));
    renameSync(path.join(staging, file), path.join(site, file));
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(patchJournalFor(site), { force: true });
}

/** A deleted story leaves no empty folder behind (nor does one made by hand): a clean build would not have it. */
function removeEmptyFolders(site: string, folder: string): void {
  while (folder !== site && folder.startsWith(site + path.sep)) {
    try {
      rmdirSync(folder);
    } catch {
      return; // Not empty (or gone already).
    }
    folder = path.dirname(folder);
  }
}

/**
 * If a publish was cut between its two renames, the last good site is put back; if a patch
 * was cut short, it is finished.
 */
async function recoverInterruptedPublish(siteDir: string): Promise<void> {
  const site = path.resolve(siteDir);
  const previous = `${site}.previous`;
  if (!existsSync(site) && existsSync(previous)) await rename(previous, site);
  const journal = patchJournalFor(site);
  if (existsSync(journal)) {
    const { staleFiles } = JSON.parse(readFileSync(journal, "utf8")) as { staleFiles: string[] };
    applyPatch(site, staleFiles);
  }
}

/**
 * A build that fails early may still have Eleventy's copy of the site's assets under way, which
 * would make the folder again after it was removed: it is removed until it stays away.
 */
export async function discardStaging(siteDir: string): Promise<void> {
  const staging = stagingDirFor(siteDir);
  // A patch that failed part way (say, a disk error) still needs what is left of it: the next
  // build finishes it.
  if (existsSync(patchJournalFor(path.resolve(siteDir)))) return;
  for (let attempt = 0; attempt < 40; attempt++) {
    // ENOTEMPTY when a file is copied in while the folder is being removed: then once more.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!existsSync(staging)) return;
  }
  await rm(staging, { recursive: true, force: true });
}
