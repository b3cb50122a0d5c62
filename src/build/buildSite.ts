import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StoryFilesReadAhead } from "../article/readStoryFiles.ts";
import { SEARCH_SHARD_STORIES } from "../search/searchShards.ts";
import { site as defaultSite, type SiteSettings } from "../site.ts";
import type { BuildRequest, BuildResult } from "./buildRequest.ts";
import { withFolderLocks, type LockOptions } from "./buildLock.ts";
import { siteIdentity } from "./pageCache.ts";
import type { BuildProgress } from "./progress.ts";
import type { SearchIndexer } from "../search/searchIndexer.ts";
import { discardStaging, prepareStaging, publishPatch, publishStaging } from "./publishAtomically.ts";
import { runEleventy } from "./runEleventy.ts";
import type { AddressRecordUpdate } from "./loadSite.ts";
import { writeFileWhole } from "../writeWhole.ts";
import { installationCache } from "../projectFiles.ts";
import type { PreviewMemory } from "./previewMemory.ts";

/** What the build command (and tests) ask of a build; see BuildRequest for what each becomes. */
export interface BuildOptions {
  /** The folder of story files. */
  input: string;
  /** The published site folder, replaced only by a build that succeeds. */
  output: string;
  /** Where the site is hosted under the domain, e.g. "/news/". */
  pathPrefix?: string;
  /** Kept between builds: page fingerprints and search shards. Default `.cache/news-archive`. */
  cacheDir?: string;
  /** See BuildRequest; by default `installationCache` (src/projectFiles.ts). */
  installationCacheDir?: string;
  /** The site's settings; by default those of src/site.ts. */
  site?: SiteSettings;
  searchShardStories?: number;
  timingsFile?: string;
  storyFilesAhead?: StoryFilesReadAhead;
  progress?: BuildProgress;
  /** See BuildRequest. */
  searchIndexer?: SearchIndexer;
  /** How long to wait for another build writing the same site or cache (see buildLock.ts). */
  lock?: LockOptions;
  /**
   * The archive's record of published addresses, read before the build and written once it is
   * published (see src/addresses/addressRecord.ts). `npm run build` keeps it in the articles
   * folder; without it (the tests' fixture archives), none is kept.
   */
  addressRecordFile?: string;
  /** The preview's builds show drafts; a published build never does. */
  includeDrafts?: boolean;
  /** See BuildRequest. */
  outputsPerEleventyRun?: number;
  /** See BuildRequest. */
  previewMemory?: PreviewMemory;
}

/** The cache folder a build uses when none is given. */
export const cacheDirOf = (options: Pick<BuildOptions, "cacheDir">) => path.resolve(options.cacheDir ?? ".cache/news-archive");

/** The request for a published build of `options` into `output` (a staging folder, a part's folder). */
export function publishedBuildRequest(options: BuildOptions, output: string): BuildRequest & { cacheDir: string } {
  return {
    articles: options.input,
    output,
    pathPrefix: options.pathPrefix ?? "/",
    site: options.site ?? defaultSite,
    includeDrafts: options.includeDrafts ?? false,
    cacheDir: cacheDirOf(options),
    installationCacheDir: options.installationCacheDir ?? installationCache,
    searchShardStories: options.searchShardStories ?? SEARCH_SHARD_STORIES,
    timingsFile: options.timingsFile,
    storyFilesAhead: options.storyFilesAhead,
    progress: options.progress,
    searchIndexer: options.searchIndexer,
    addressRecordFile: options.addressRecordFile,
    outputsPerEleventyRun: options.outputsPerEleventyRun,
    previewMemory: options.previewMemory,
  };
}

/**
 * Builds the site into a staging folder and publishes it over `output` only when Eleventy, the
 * search index and the build's own checks all succeeded. On failure the staging folder is
 * discarded, the previous site is untouched, and the error is rethrown.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  return await withFolderLocks([options.output, cacheDirOf(options)], options.lock, () => buildAndPublish(options));
}

/**
 * `buildSite` for a caller that holds the locks of `output` and the cache folder already: the
 * preview, which holds them for as long as it runs and builds again on every save.
 */
export async function buildAndPublish(options: BuildOptions): Promise<BuildResult> {
  const staging = await prepareStaging(options.output);
  const published = path.resolve(options.output);
  const request = { ...publishedBuildRequest(options, staging), previousSite: published };
  try {
    const result = await runEleventy(request);
    const { outcome } = result;
    if (outcome?.staleFiles) publishPatch(options.output, outcome.staleFiles);
    else await publishStaging(options.output);
    // The fingerprints now describe the published site, known by its folder's identity.
    if (outcome) {
      outcome.manifest.siteIdentity = siteIdentity(published);
      options.previewMemory?.keepManifest(outcome.manifest);
      await mkdir(request.cacheDir, { recursive: true });
      await writeFile(path.join(request.cacheDir, "pages.json"), JSON.stringify(outcome.manifest));
    }
    writeAddressRecord(result.addressRecord);
    return result;
  } catch (error) {
    await discardStaging(options.output);
    throw error;
  }
}

/**
 * Once the site is published, and only then: a failed build leaves the record as it was, so
 * the addresses it holds are those some published site answered.
 */
export function writeAddressRecord(update: AddressRecordUpdate | undefined): void {
  if (update?.changed) writeFileWhole(update.file, update.text);
}
