import Eleventy from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { siteIdentity, type PageManifest } from "./pageCache.ts";
import { discardStaging, prepareStaging, publishStaging } from "./publishAtomically.ts";

export interface BuildOptions {
  /** The folder of story files. */
  input: string;
  /** The published site folder, replaced only by a build that succeeds. */
  output: string;
  /** Where the site is hosted under the domain, e.g. "/news/". */
  pathPrefix?: string;
  configPath?: string;
  /** Kept between builds: page fingerprints and search shards. Default `.cache/news-archive`. */
  cacheDir?: string;
}

/**
 * Builds the site into a staging folder and publishes it over `output` only when Eleventy, the
 * search index and the build's own checks all succeeded. On failure the staging folder is
 * discarded, the previous site is untouched, and the error is rethrown.
 */
export async function buildSite(options: BuildOptions): Promise<void> {
  const staging = await prepareStaging(options.output);
  const cacheDir = path.resolve(options.cacheDir ?? ".cache/news-archive");
  const nextManifest = path.join(cacheDir, "pages.next.json");
  await rm(nextManifest, { force: true });
  try {
    process.env.NEWS_ARCHIVE_PREVIOUS_SITE = path.resolve(options.output);
    await runEleventy({ ...options, output: staging, cacheDir });
    await publishStaging(options.output);
    // The fingerprints now describe the published site, known by its folder's identity.
    if (existsSync(nextManifest)) {
      const manifest = JSON.parse(await readFile(nextManifest, "utf8")) as PageManifest;
      manifest.siteIdentity = siteIdentity(path.resolve(options.output));
      await writeFile(path.join(cacheDir, "pages.json"), JSON.stringify(manifest));
      await rm(nextManifest, { force: true });
    }
  } catch (error) {
    await discardStaging(options.output);
    await rm(nextManifest, { force: true });
    throw error;
  }
}

/** One Eleventy build of `options.input` into `options.output` (no staging: the caller's job). */
export async function runEleventy(options: BuildOptions & { cacheDir: string }): Promise<void> {
  process.env.NEWS_ARCHIVE_INPUT = options.input;
  process.env.NEWS_ARCHIVE_OUTPUT = options.output;
  process.env.NEWS_ARCHIVE_CACHE = options.cacheDir;
  const eleventy = new Eleventy(options.input, options.output, {
    configPath: options.configPath ?? "eleventy.config.ts",
    pathPrefix: options.pathPrefix ?? "/",
    quietMode: true,
  });
  // Failures reach the caller as one error, explained there, instead of as Eleventy's stack traces.
  eleventy.disableLogger();
  await eleventy.write();
}
