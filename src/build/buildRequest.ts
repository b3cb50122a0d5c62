import type { StoryFilesReadAhead } from "../article/readStoryFiles.ts";
import type { SearchIndexer } from "../search/searchIndexer.ts";
import type { SiteSettings } from "../site.ts";
import type { BuildOutcome } from "./pageCache.ts";
import type { BuildProgress } from "./progress.ts";
import type { AddressRecordUpdate } from "./loadSite.ts";
import type { PreviewMemory } from "./previewMemory.ts";

/**
 * Everything one build is asked to do, made by the command that starts it and handed to the
 * Eleventy plugin as a value: a build's state never travels in environment variables or module
 * globals, so two builds in one process (a part, then a whole site; or tests) cannot mix (issue 19).
 */
export interface BuildRequest {
  /** The folder of story files. */
  articles: string;
  /** The folder Eleventy writes into: a staging folder, a part's folder, the preview's. */
  output: string;
  /** Where the site is hosted under its domain: "/" or, say, "/news/". */
  pathPrefix: string;
  site: SiteSettings;
  /** The preview shows drafts so editors can see them; a published build never does. */
  includeDrafts: boolean;
  /** Kept between builds: parsed stories, page fingerprints, search shards. Without it, nothing is kept. */
  cacheDir?: string;
  /**
   * With a `cacheDir`, what depends on the installed packages alone is kept here instead, across
   * clean builds (which delete the cache folder): the WebAssembly of Pagefind recompressed.
   */
  installationCacheDir?: string;
  /** The published site, whose unchanged files this build may keep. */
  previousSite?: string;
  /** Build only this part of a site built in parts (see siteParts.ts). */
  part?: PartRequest;
  /** How many stories a search shard holds at most (see planSearchShards). */
  searchShardStories: number;
  /** Where `npm run bench` wants the build's phase timings written (see PhaseTimings). */
  timingsFile?: string;
  /** The story files, when the command started reading them before loading the build's code. */
  storyFilesAhead?: StoryFilesReadAhead;
  /** Forces our search index writer or Pagefind's (a test's choice); by default the installed Pagefind's version decides (searchIndexer.ts). */
  searchIndexer?: SearchIndexer;
  /** Told how the build goes, when a person watches it on a terminal (see terminalProgress). */
  progress?: BuildProgress;
  /** The archive's record of published addresses (see src/addresses/addressRecord.ts); without it, none is kept. */
  addressRecordFile?: string;
  /** How many outputs one Eleventy run renders at most (a test's choice; see OUTPUTS_PER_ELEVENTY_RUN). */
  outputsPerEleventyRun?: number;
  /** The preview's: what its builds keep in memory from one save to the next (see PreviewMemory). */
  previewMemory?: PreviewMemory;
}

/** One part of a site built in parts, and the files it is handed in and hands on. */
export interface PartRequest {
  name: string;
  /** The whole archive's listing (see StoryListing): the part reads only its years' story files. */
  listingFile: string;
  /** Where the part writes what it wrote, for the step that assembles the parts (see PartReport). */
  reportFile: string;
}

/** What a build hands back to the command that asked for it. */
export interface BuildResult {
  /** The fingerprints to keep once the site is published, and what to delete when it was updated in place. */
  outcome?: BuildOutcome;
  /** How many images the build processed rather than took from the cache (see ImageCache). */
  imagesProcessed?: number;
  /** The address record to write once the site is published (see AddressRecordUpdate). */
  addressRecord?: AddressRecordUpdate;
}
