import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

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

/** If a publish was cut between its two renames, the last good site is put back. */
async function recoverInterruptedPublish(siteDir: string): Promise<void> {
  const site = path.resolve(siteDir);
  const previous = `${site}.previous`;
  if (!existsSync(site) && existsSync(previous)) await rename(previous, site);
}

/**
 * A build that fails early may still have Eleventy's copy of the site's assets under way, which
 * would make the folder again after it was removed: it is removed until it stays away.
 */
export async function discardStaging(siteDir: string): Promise<void> {
  const staging = stagingDirFor(siteDir);
  for (let attempt = 0; attempt < 40; attempt++) {
    // ENOTEMPTY when a file is copied in while the folder is being removed: then once more.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!existsSync(staging)) return;
  }
  await rm(staging, { recursive: true, force: true });
}
