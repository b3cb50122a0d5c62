import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { buildArchive, type Archive } from "../archive/buildArchive.ts";
import { readStoryFiles } from "../article/readStoryFiles.ts";
import { buildPages } from "../pages/buildPages.ts";
import type { Page } from "../pages/pageModels.ts";
import { ArchiveProblemsError } from "../problems.ts";
import type { SiteSettings } from "../site.ts";
import { renderPage } from "../../layouts/renderPage.ts";
import { verifyBuild, type WrittenPage } from "../build/verifyBuild.ts";
import { PhaseTimings } from "../build/phaseTimings.ts";
import { codeFingerprint, outputFileOf, planPages, readManifest, type PagePlan } from "../build/pageCache.ts";
import { searchRecord } from "../search/searchRecords.ts";
import { emptyParseCache, loadParseCache, saveParseCache } from "../archive/parseCache.ts";
import { planSearchShards } from "../search/searchShards.ts";
import { prewarmIndexers, releaseIndexers, writeSearchShards, type ShardsWritten } from "../search/writeSearchShards.ts";
import type { StoryPage } from "../pages/pageModels.ts";
import { copyFileSync, linkSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";

export interface ArchivePluginOptions {
  site: SiteSettings;
}

export interface LoadedSite {
  archive: Archive;
  pages: Page[];
}

/** Reads every story file and builds the archive and its pages, or throws every problem at once. */
export async function loadSite(articlesDir: string, site: SiteSettings, includeDrafts: boolean, timings?: PhaseTimings, cacheDir?: string): Promise<LoadedSite> {
  const sources = await readStoryFiles(articlesDir);
  timings?.mark("readStoryFiles");
  const cacheFile = cacheDir && path.join(cacheDir, "parsed.v8");
  const code = cacheFile ? codeFingerprint("parse") : "";
  const cache = cacheFile ? { read: loadParseCache(cacheFile, code), write: emptyParseCache() } : undefined;
  const { archive, problems } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts, cache });
  timings?.mark("buildArchive");
  if (cacheFile && cache) {
    mkdirSync(cacheDir!, { recursive: true });
    saveParseCache(cacheFile, code, cache.write);
    timings?.mark("parseCacheSaved");
  }
  if (problems.length > 0) throw new ArchiveProblemsError(problems);
  const pages = buildPages(archive, site);
  timings?.mark("buildPages");
  return { archive, pages };
}

/**
 * Stories are data, not templates: the archive is built once a build from `articles/`, and one
 * paginated template writes every page of it through the layouts.
 */
export function archivePlugin(eleventyConfig: UserConfig, options: ArchivePluginOptions): void {
  const { site } = options;
  // Whatever folder Eleventy was given as input (`articles/`, or a test's fixture archive).
  const articlesDir = () => path.resolve((eleventyConfig.directories as { input: string }).input);
  let loading: Promise<PreparedBuild> | undefined;
  let timings = new PhaseTimings();

  // Each build (and each rebuild of the dev server) reads the articles afresh.
  eleventyConfig.on("eleventy.before", () => {
    loading = undefined;
    timings = new PhaseTimings();
    prewarmIndexers();
  });
  eleventyConfig.addWatchTarget("./layouts/**");

  eleventyConfig.addGlobalData("archivePages", () => {
    loading ??= loadSite(articlesDir(), site, includeDrafts(), timings, process.env.NEWS_ARCHIVE_CACHE).then((loaded) =>
      prepareBuild(loaded, site, (eleventyConfig.directories as { output: string }).output, (eleventyConfig as unknown as { pathPrefix: string }).pathPrefix, timings),
    );
    return loading.then((prepared) => prepared.plan.toRender);
  });

  // Once every page is written: link the unchanged pages kept from the previous build, wait for
  // the search shards (indexed meanwhile in other processes), then prove nothing was lost.
  eleventyConfig.on("eleventy.after", async ({ results, directories }: { results: WrittenPage[]; directories: { output: string } }) => {
    if (!loading) return;
    timings.mark("eleventyWrite");
    const prepared = await loading;
    await linkReusedPages(prepared.plan.reused, prepared.previousSite!, directories.output);
    timings.mark("reusedPagesLinked");
    const search = await prepared.search;
    timings.mark("searchWrite");
    const written: WrittenPage[] = [...results, ...prepared.plan.reused.map((url) => ({ url, outputPath: path.join(directories.output, outputFileOf(url)), content: "" }))];
    verifyBuild(prepared.loaded, written, search.pageCount);
    timings.mark("verifyBuild");
    if (prepared.cacheDir) {
      await mkdir(prepared.cacheDir, { recursive: true });
      // Becomes the cache's manifest only once the build is published (see buildSite).
      writeFileSync(path.join(prepared.cacheDir, "pages.next.json"), JSON.stringify(prepared.plan.manifest));
    }
    timings.write();
  });

  eleventyConfig.addTemplate(
    "archive-pages.11ty.js",
    {
      data: {
        pagination: { data: "archivePages", size: 1, alias: "view" },
        permalink: (data: { view: Page }) => data.view.url,
        eleventyExcludeFromCollections: true,
      },
      render: (data: { view: Page }) => renderPage(data.view, site),
    },
    {},
  );
}

interface PreparedBuild {
  loaded: LoadedSite;
  plan: PagePlan;
  search: Promise<ShardsWritten>;
  previousSite?: string;
  cacheDir?: string;
}

// pagefind's package exports no package.json: read it next to its resolved entry point (lib/index.js).
const pagefindVersion = (JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json"), "utf8")) as { version: string }).version;

/**
 * Decides what this build must do: the search shards (started at once, in other processes, so
 * they are indexed while Eleventy renders) and the pages that changed since the previous build.
 * NEWS_ARCHIVE_CACHE names the cache folder and NEWS_ARCHIVE_PREVIOUS_SITE the published site.
 */
function prepareBuild(loaded: LoadedSite, site: SiteSettings, outputDir: string, pathPrefix: string, timings: PhaseTimings): PreparedBuild {
  const cacheDir = process.env.NEWS_ARCHIVE_CACHE;
  const previousSite = process.env.NEWS_ARCHIVE_PREVIOUS_SITE;
  const shards = planSearchShards(
    loaded.archive.years.map((year) => ({ year: year.year, count: year.stories.length })),
    Number(process.env.NEWS_ARCHIVE_SEARCH_SHARD_STORIES ?? 5_000),
  );
  for (const page of loaded.pages) if (page.kind === "search") page.shards = shards.map((shard) => shard.name);
  const code = codeFingerprint(JSON.stringify({ site, pathPrefix }));
  const manifest = cacheDir ? readManifest(path.join(cacheDir, "pages.json")) : undefined;
  const plan = planPages(loaded.pages, code, manifest, previousSite);
  const shardOfYear = new Map(shards.flatMap((shard, position) => shard.years.map((year) => [year, position] as const)));
  const storiesOfShard = shards.map(() => [] as StoryPage[]);
  for (const page of loaded.pages) if (page.kind === "story") storiesOfShard[shardOfYear.get(page.year)!].push(page);
  const inputs = shards.map((shard, position) => ({
    shard,
    size: storiesOfShard[position].length,
    fingerprint: createHash("sha256").update(storiesOfShard[position].map((page) => plan.fingerprints.get(page.url)).join("\0")).digest("hex"),
    records: () => storiesOfShard[position].map(searchRecord),
  }));
  const search = writeSearchShards(inputs, path.join(outputDir, "pagefind"), site.language, { cacheDir: cacheDir && path.join(cacheDir, "search"), pagefindVersion });
  search.catch(() => undefined); // Awaited (and reported) once Eleventy has written its pages.
  timings.mark("pagesPlanned");
  return { loaded, plan, search, previousSite, cacheDir };
}

/** Synchronous on purpose: tens of thousands of tiny link calls are far quicker without a round trip through libuv's pool each. */
async function linkReusedPages(urls: readonly string[], from: string, to: string): Promise<void> {
  const made = new Set<string>();
  for (const url of urls) {
    const file = outputFileOf(url);
    const dir = path.dirname(path.join(to, file));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(path.join(from, file), path.join(to, file));
    } catch {
      copyFileSync(path.join(from, file), path.join(to, file));
    }
  }
}

/** The dev server shows drafts so editors can preview them; a production build leaves them out. */
function includeDrafts(): boolean {
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}
