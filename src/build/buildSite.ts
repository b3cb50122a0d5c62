import Eleventy from "@11ty/eleventy";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import configureEleventy from "../../eleventy.config.ts";
import { ELEVENTY_INPUT } from "../eleventy/eleventyInput.ts";
import { projectRoot } from "../projectFiles.ts";
import { siteIdentity } from "./pageCache.ts";
import { takeBuildOutcome } from "./prepareBuild.ts";
import { discardStaging, prepareStaging, publishPatch, publishStaging } from "./publishAtomically.ts";
import { stopLinking } from "./backgroundLinker.ts";
import { withFolderLocks, type LockOptions } from "./buildLock.ts";

export interface BuildOptions {
  /** The folder of story files. */
  input: string;
  /** The published site folder, replaced only by a build that succeeds. */
  output: string;
  /** Where the site is hosted under the domain, e.g. "/news/". */
  pathPrefix?: string;
  /** Kept between builds: page fingerprints and search shards. Default `.cache/news-archive`. */
  cacheDir?: string;
  /** How long to wait for another build writing the same site or cache (see buildLock.ts). */
  lock?: LockOptions;
}

/**
 * Builds the site into a staging folder and publishes it over `output` only when Eleventy, the
 * search index and the build's own checks all succeeded. On failure the staging folder is
 * discarded, the previous site is untouched, and the error is rethrown.
 */
export async function buildSite(options: BuildOptions): Promise<void> {
  const cacheDir = path.resolve(options.cacheDir ?? ".cache/news-archive");
  await withFolderLocks([options.output, cacheDir], options.lock, () => buildSiteLocked(options, cacheDir));
}

async function buildSiteLocked(options: BuildOptions, cacheDir: string): Promise<void> {
  const staging = await prepareStaging(options.output);
  const published = path.resolve(options.output);
  try {
    process.env.NEWS_ARCHIVE_PREVIOUS_SITE = published;
    await runEleventy({ ...options, output: staging, cacheDir });
    const outcome = takeBuildOutcome(staging);
    if (outcome?.staleFiles) publishPatch(options.output, outcome.staleFiles);
    else await publishStaging(options.output);
    // The fingerprints now describe the published site, known by its folder's identity.
    if (outcome) {
      outcome.manifest.siteIdentity = siteIdentity(published);
      await mkdir(cacheDir, { recursive: true });
      await writeFile(path.join(cacheDir, "pages.json"), JSON.stringify(outcome.manifest));
    }
  } catch (error) {
    takeBuildOutcome(staging);
    // No file may be linked into the staging folder once it is gone.
    await stopLinking();
    await discardStaging(options.output);
    throw error;
  }
}

/**
 * One Eleventy build of the stories in `options.input` into `options.output` (no staging: the
 * caller's job). The archive plugin reads the stories; Eleventy is given its own input folder.
 */
export async function runEleventy(options: BuildOptions & { cacheDir: string }): Promise<void> {
  process.env.NEWS_ARCHIVE_INPUT = options.input;
  process.env.NEWS_ARCHIVE_OUTPUT = options.output;
  process.env.NEWS_ARCHIVE_CACHE = options.cacheDir;
  const eleventy = new Eleventy(path.join(projectRoot, ELEVENTY_INPUT), options.output, {
    // The config is passed as a function, already compiled with the rest: Eleventy would load
    // eleventy.config.ts by path, which plain Node (the bundled build) cannot import.
    configPath: "",
    config: configureEleventy,
    pathPrefix: options.pathPrefix ?? "/",
    quietMode: true,
  });
  // Failures reach the caller as one error, explained there, instead of as Eleventy's stack traces.
  eleventy.disableLogger();
  await eleventy.write();
}
