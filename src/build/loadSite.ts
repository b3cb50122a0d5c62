import { existsSync } from "node:fs";
import path from "node:path";
import { buildArchive, type Archive } from "../archive/buildArchive.ts";
import { StoryParseCache } from "../archive/parseCache.ts";
import { readStoryFiles, type StoryFilesReadAhead } from "../article/readStoryFiles.ts";
import { checkStoryFolder } from "../article/storyFolder.ts";
import { buildFeeds } from "../pages/buildFeeds.ts";
import { buildPages, NOT_FOUND_URL, storyLastModified, type IndexPage, type SitePages } from "../pages/buildPages.ts";
import { buildSitemaps } from "../pages/buildSitemap.ts";
import { buildNewsSitemap } from "../pages/buildNewsSitemap.ts";
import { archiveRedirects } from "../redirects/buildRedirects.ts";
import type { LazyOutput, Output, Page } from "../pages/pageModels.ts";
import { ArchiveProblemsError, formatProblem, sortProblems, type Warning } from "../problems.ts";
import { planSearchShards, SEARCH_SHARD_STORIES, type SearchShard } from "../search/searchShards.ts";
import { planSiteParts, type SitePart } from "./siteParts.ts";
import type { SiteSettings } from "../site.ts";
import { codeFingerprint } from "./pageCache.ts";
import type { PhaseTimings } from "./phaseTimings.ts";
import { listedStorySources, type StoryListing } from "./storyListing.ts";
import { processedImageFolder, type ImageFolder } from "../images/publishImages.ts";
import type { PreviewMemory } from "./previewMemory.ts";
import { addressRecordText, readAddressRecord, reconcileAddresses, sameRecord } from "../addresses/addressRecord.ts";

export interface LoadedSite extends SitePages {
  archive: Archive;
  /** The search index's shards, newest first. */
  searchShards: SearchShard[];
  /** The parts a site can be built in, runs of whole years of those shards, newest first. */
  siteParts: SitePart[];
  /**
   * The index pages, then the feeds, sitemap and robots.txt: everything the layouts write but
   * the story pages. Listed when first asked for (a build first queues the search shards to
   * index); each made when first asked for.
   */
  readonly otherOutputs: LazyOutput[];
  /** Every page, the stories' included: made when first asked for. */
  readonly pages: Page[];
  /**
   * Keeps the stories as read for the next build (once; nothing without a cache folder). Left to
   * the caller: a build does it while the search index finishes, off the path of its rendering.
   */
  saveParseCache(): void;
  /** How many story files this process read (a part of a site built in parts reads its years'). */
  storyFilesRead: number;
  /** The stories' images, processed (or taken from the cache), to publish with the pages. */
  images: ImageFolder;
  /** With `addressRecordFile`: the record once this build is published, to write then (see AddressRecordUpdate). */
  addressRecord?: AddressRecordUpdate;
}

/** The address record's file and, when this build `changed` what it holds, its text after the build. */
export interface AddressRecordUpdate {
  file: string;
  text: string;
  changed: boolean;
  /** How many addresses this build adds to the record (new stories, new addresses of moved ones). */
  added: number;
}

export interface LoadOptions {
  timings?: PhaseTimings;
  /** Where the stories as parsed are kept between builds. */
  cacheDir?: string;
  /** Told once every story file is read, before they are parsed. */
  storiesRead?: () => void;
  /**
   * With the listing of a site built in parts (see StoryListing): only the story files of
   * `readYears` are read, the other stories are taken as listed.
   */
  listed?: { listing: StoryListing; readYears: readonly number[] };
  /** Stories a search shard holds at most (see BuildRequest). */
  searchShardStories?: number;
  /** The story files, if they are being read ahead (see readStoryFilesAhead). */
  storyFilesAhead?: StoryFilesReadAhead;
  /** The archive's record of published addresses (see addressRecord.ts): its old addresses redirect. */
  addressRecordFile?: string;
  /** The preview's: the story files and parsed stories its last build read (see PreviewMemory). */
  previewMemory?: PreviewMemory;
}

/** Reads every story file and builds the archive and its pages, or throws every problem at once. */
export async function loadSite(
  articlesDir: string,
  site: SiteSettings,
  includeDrafts: boolean,
  options: LoadOptions = {},
): Promise<LoadedSite> {
  const { timings, cacheDir } = options;
  const { listed } = options;
  checkStoryFolder(articlesDir, undefined);
  const memory = options.previewMemory?.storyFiles.dir === articlesDir ? options.previewMemory : undefined;
  const sources = listed
    ? listedStorySources(articlesDir, listed.listing, listed.readYears)
    : memory
      ? await memory.storyFiles.read()
      : await readStoryFiles(articlesDir, options.storyFilesAhead);
  checkStoryFolder(articlesDir, sources.length);
  timings?.mark("readStoryFiles");
  options.storiesRead?.();
  const cache =
    cacheDir === undefined
      ? undefined
      : (memory?.takeParseCache() ??
        StoryParseCache.load(path.join(cacheDir, "parsed"), memory?.codeFingerprint("parse") ?? codeFingerprint("parse")));
  if (cache) memory?.keepParseCache(cache);
  const { archive, problems, warnings } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts, cache, articlesDir });
  // A part of a site built in parts reads some years only: there, `npm run check` reports them all.
  if (!listed) reportWarnings(warnings);
  timings?.mark("buildArchive");
  let saved = false;
  const saveParseCache = () => {
    // The cache is the whole site's build's: saved by a part that read its years only, it would lose the rest.
    if (saved || listed) return;
    saved = true;
    if (cache && cache.save() > 0) timings?.mark("parseCacheSaved");
  };
  if (problems.length > 0) {
    // The files read without problems need not be read again once the others are mended.
    saveParseCache();
    throw new ArchiveProblemsError(problems);
  }
  const addresses = options.addressRecordFile === undefined ? undefined : recordedAddresses(options.addressRecordFile, archive);
  if (addresses && addresses.problems.length > 0) {
    saveParseCache();
    throw new ArchiveProblemsError(addresses.problems);
  }
  const images = await processedImageFolder(archive.images, cacheDir);
  timings?.mark("images");
  const searchShards = planSearchShards(
    archive.years.flatMap((year) => year.months.flatMap((month) => month.days.map((day) => ({ ...day, count: day.stories.length })))),
    options.searchShardStories ?? SEARCH_SHARD_STORIES,
  );
  const siteParts = planSiteParts(searchShards);
  const { indexPages, storyPage } = buildPages(archive, site, searchShards);
  const feeds = buildFeeds(archive, site);
  const redirects = archiveRedirects(
    archive,
    [...indexPages, ...feeds].map((output) => output.url),
    addresses?.redirects,
  );
  if (redirects.problems.length > 0) {
    saveParseCache();
    throw new ArchiveProblemsError(redirects.problems);
  }
  timings?.mark("buildPages");
  let otherOutputs: LazyOutput[] | undefined;
  let pages: Page[] | undefined;
  return {
    archive,
    searchShards,
    siteParts,
    indexPages,
    storyPage,
    saveParseCache,
    storyFilesRead: sources.filter((source) => "bytes" in source).length,
    images,
    addressRecord: addresses?.update,
    get otherOutputs() {
      return (otherOutputs ??= [
        ...indexPages,
        ...feeds,
        ...buildSitemaps(sitemapEntries(indexPages, archive)).map(madeAlready),
        madeAlready(buildNewsSitemap(archive, site)),
        ...redirects.pages.map(madeAlready),
        ...(redirects.file.rules.length > 0 ? [madeAlready(redirects.file)] : []),
      ]);
    },
    get pages() {
      return (pages ??= [...indexPages.map((page) => page.model()), ...archive.stories.map(storyPage)]);
    },
  };
}

/** The archive held against its address record: the redirects it asks for, problems, and the record to write once published. */
function recordedAddresses(file: string, archive: Archive) {
  const before = readAddressRecord(file);
  const { redirects, problems, record } = reconcileAddresses(before, archive.stories, file, new Set(archive.draftsLeftOut));
  // Written only when it holds something new (0.2 s of text at 100,000 addresses); the first build writes it even empty.
  const changed = !existsSync(file) || !sameRecord(before, record);
  const update: AddressRecordUpdate = { file, text: changed ? addressRecordText(record) : "", changed, added: record.size - before.size };
  return { redirects, problems, update };
}

/** Markup removed from bodies, as `npm run check` prints it: the build goes on. */
function reportWarnings(warnings: readonly Warning[]): void {
  for (const warning of sortProblems(warnings)) console.warn(`warning: ${formatProblem(warning)}`);
}

/** Every page but the 404 page, with the day it last changed. */
function sitemapEntries(indexPages: readonly IndexPage[], archive: Archive): { url: string; lastModified?: string }[] {
  const entries = indexPages.filter((page) => page.url !== NOT_FOUND_URL);
  return [
    ...entries.map(({ url, lastModified }) => ({ url, lastModified })),
    ...archive.stories.map((story) => ({ url: story.url, lastModified: storyLastModified(story) })),
  ];
}

/** An output small enough to be made at once: its inputs are itself. */
const madeAlready = (output: Output): LazyOutput => ({ url: output.url, inputs: () => output, model: () => output });
