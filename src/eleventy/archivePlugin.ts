import type UserConfig from "@11ty/eleventy/UserConfig";
import { rm } from "node:fs/promises";
import path from "node:path";
import { renderOutput } from "../../layouts/renderPage.ts";
import type { RenderContext } from "../../layouts/renderContext.ts";
import { buildArchive, type Archive } from "../archive/buildArchive.ts";
import { StoryParseCache } from "../archive/parseCache.ts";
import { readStoryFiles } from "../article/readStoryFiles.ts";
import { BackgroundLinker } from "../build/backgroundLinker.ts";
import { codeFingerprint, usableManifest, type PageManifest } from "../build/pageCache.ts";
import { PhaseTimings } from "../build/phaseTimings.ts";
import { listedStorySources, readStoryListing, yearsOfPart, type StoryListing } from "../build/storyListing.ts";
import { finishBuild, prepareBuild, type PreparedBuild } from "../build/prepareBuild.ts";
import type { WrittenPage } from "../build/verifyBuild.ts";
import { buildFeeds } from "../pages/buildFeeds.ts";
import { buildPages, NOT_FOUND_URL, storyLastModified, type IndexPage, type SitePages } from "../pages/buildPages.ts";
import { buildSitemaps } from "../pages/buildSitemap.ts";
import { buildNewsSitemap } from "../pages/buildNewsSitemap.ts";
import type { LazyOutput, Output, Page } from "../pages/pageModels.ts";
import { ArchiveProblemsError, formatProblem, sortProblems, type Warning } from "../problems.ts";
import { planSearchShards, SEARCH_SHARD_STORIES, type SearchShard } from "../search/searchShards.ts";
import { prewarmIndexers } from "../search/writeSearchShards.ts";
import type { SiteSettings } from "../site.ts";
import { absoluteUrl } from "../urls.ts";

export interface ArchivePluginOptions {
  site: SiteSettings;
  /** The folder of story files, asked at each build. */
  articles: () => string;
}

export interface LoadedSite extends SitePages {
  archive: Archive;
  /** The search index's shards, newest first; also the parts a site can be built in. */
  searchShards: SearchShard[];
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
  const sources = listed ? listedStorySources(articlesDir, listed.listing, listed.readYears) : await readStoryFiles(articlesDir);
  timings?.mark("readStoryFiles");
  options.storiesRead?.();
  const cache = cacheDir === undefined ? undefined : StoryParseCache.load(path.join(cacheDir, "parsed"), codeFingerprint("parse"));
  const { archive, problems, warnings } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts, cache });
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
  const searchShards = planSearchShards(
    archive.years.map((year) => ({ year: year.year, count: year.stories.length })),
    SEARCH_SHARD_STORIES,
  );
  const { indexPages, storyPage } = buildPages(
    archive,
    site,
    searchShards.map((shard) => shard.name),
  );
  timings?.mark("buildPages");
  let otherOutputs: LazyOutput[] | undefined;
  let pages: Page[] | undefined;
  return {
    archive,
    searchShards,
    indexPages,
    storyPage,
    saveParseCache,
    storyFilesRead: sources.filter((source) => "bytes" in source).length,
    get otherOutputs() {
      return (otherOutputs ??= [
        ...indexPages,
        ...buildFeeds(archive, site),
        ...buildSitemaps(sitemapEntries(indexPages, archive)).map(madeAlready),
        madeAlready(buildNewsSitemap(archive, site)),
      ]);
    },
    get pages() {
      return (pages ??= [...indexPages.map((page) => page.model()), ...archive.stories.map(storyPage)]);
    },
  };
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

/**
 * Stories are data, not templates: the archive is built once a build from `articles/`, and one
 * paginated template writes every page, feed and sitemap of it through the layouts. Pages that
 * did not change since the last published build are kept from it instead of rendered again.
 */
export function archivePlugin(eleventyConfig: UserConfig, options: ArchivePluginOptions): void {
  const { site } = options;
  // Whatever output folder Eleventy was given (a staging folder, the preview's, a test's).
  const outputDir = () => (eleventyConfig.directories as { output: string }).output;
  const pathPrefix = () => (eleventyConfig as unknown as { pathPrefix?: string }).pathPrefix ?? "/";
  let loading: Promise<PreparedBuild> | undefined;
  let timings = new PhaseTimings();
  let previous: { manifest: PageManifest; linker: BackgroundLinker } | undefined;
  let code = "";

  // Each build (and each rebuild of the dev server) reads the articles afresh. The preview
  // starts from an empty folder too, so a deleted or renamed story disappears from it.
  eleventyConfig.on("eleventy.before", async ({ directories: { output } }: { directories: { output: string } }) => {
    loading = undefined;
    timings = new PhaseTimings();
    // A rebuild keeps what did not change from the site it replaces (see BackgroundLinker).
    const previousSite = process.env.NEWS_ARCHIVE_PREVIOUS_SITE;
    const manifest = process.env.NEWS_ARCHIVE_PART === undefined ? usableManifest(process.env.NEWS_ARCHIVE_CACHE, previousSite) : undefined;
    code = codeFingerprint(JSON.stringify({ site, pathPrefix: pathPrefix() }));
    // Pages the same code made are kept in the published site, which is updated in place (see prepareBuild).
    previous = manifest && { manifest, linker: new BackgroundLinker(manifest.code === code ? previousSite : undefined) };
    prewarmIndexers(manifest !== undefined);
    if (includeDrafts()) await rm(output, { recursive: true, force: true });
  });
  // Layouts and src/ are code Eleventy cannot reload: `npm start` restarts the process on their changes.

  eleventyConfig.addGlobalData("archiveOutputs", () => {
    const cacheDir = process.env.NEWS_ARCHIVE_CACHE;
    const part = process.env.NEWS_ARCHIVE_PART;
    loading ??= loadSite(path.resolve(options.articles()), site, includeDrafts(), {
      timings,
      cacheDir,
      storiesRead: () => previous?.linker.surveySite(),
      listed: partToLoad(part),
    }).then((loaded) =>
      prepareBuild(loaded, {
        site,
        outputDir: outputDir(),
        code,
        cacheDir,
        previousSite: process.env.NEWS_ARCHIVE_PREVIOUS_SITE,
        previousManifest: previous?.manifest,
        linker: previous?.linker,
        timings,
        part: part === undefined ? undefined : { name: part, reportFile: process.env.NEWS_ARCHIVE_PART_REPORT! },
      }),
    );
    return loading.then((prepared) => prepared.plan.toRender);
  });

  // Once every changed page is written (the unchanged ones were kept before): the search shards
  // (indexed meanwhile in other processes) are awaited, and the build proves that nothing was lost.
  eleventyConfig.on("eleventy.after", async ({ results }: { results: WrittenPage[] }) => {
    if (!loading) return;
    timings.mark("eleventyWrite");
    await finishBuild(await loading, results, outputDir(), timings);
    timings.write();
  });

  const context: RenderContext = {
    site,
    absolute: (sitePath) => absoluteUrl(site.baseUrl, pathPrefix(), sitePath),
  };
  eleventyConfig.addTemplate(
    "archive-pages.11ty.js",
    {
      data: {
        pagination: { data: "archiveOutputs", size: 1, alias: "view" },
        permalink: (data: { view: Output }) => data.view.url,
        eleventyExcludeFromCollections: true,
      },
      render: (data: { view: Output }) => renderOutput(data.view, context),
    },
    {},
  );
}

/** A part of a site built in parts, given the whole site's listing of its stories, reads its own years only. */
function partToLoad(part: string | undefined): LoadOptions["listed"] {
  const file = process.env.NEWS_ARCHIVE_PART_LISTING;
  if (part === undefined || file === undefined) return undefined;
  const listing = readStoryListing(file);
  // The common part reads every story file: its feeds print the stories of every year.
  const readYears = yearsOfPart(listing, part);
  return readYears && { listing, readYears };
}

/** The dev server shows drafts so editors can preview them; a production build leaves them out. */
function includeDrafts(): boolean {
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}
