import type UserConfig from "@11ty/eleventy/UserConfig";
import { rm } from "node:fs/promises";
import path from "node:path";
import { buildArchive, type Archive } from "../archive/buildArchive.ts";
import { readStoryFiles } from "../article/readStoryFiles.ts";
import { buildPages } from "../pages/buildPages.ts";
import type { Output, Page } from "../pages/pageModels.ts";
import { ArchiveProblemsError } from "../problems.ts";
import type { SiteSettings } from "../site.ts";
import { renderOutput } from "../../layouts/renderPage.ts";
import type { RenderContext } from "../../layouts/renderContext.ts";
import { buildFeeds } from "../pages/buildFeeds.ts";
import { buildSitemaps } from "../pages/buildSitemap.ts";
import { absoluteUrl } from "../urls.ts";
import { writeSearchIndex } from "../search/writeSearchIndex.ts";
import { verifyBuild, type WrittenPage } from "../build/verifyBuild.ts";

export interface ArchivePluginOptions {
  site: SiteSettings;
}

export interface LoadedSite {
  archive: Archive;
  pages: Page[];
  /** The pages, then the feeds, sitemap and robots.txt: everything the layouts write. */
  outputs: Output[];
}

/** Reads every story file and builds the archive and its pages, or throws every problem at once. */
export async function loadSite(articlesDir: string, site: SiteSettings, includeDrafts: boolean): Promise<LoadedSite> {
  const sources = await readStoryFiles(articlesDir);
  const { archive, problems } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts });
  if (problems.length > 0) throw new ArchiveProblemsError(problems);
  const pages = buildPages(archive, site);
  return { archive, pages, outputs: [...pages, ...buildFeeds(archive, site), ...buildSitemaps(pages)] };
}

/**
 * Stories are data, not templates: the archive is built once a build from `articles/`, and one
 * paginated template writes every page of it through the layouts.
 */
export function archivePlugin(eleventyConfig: UserConfig, options: ArchivePluginOptions): void {
  const { site } = options;
  // Whatever folder Eleventy was given as input (`articles/`, or a test's fixture archive).
  const articlesDir = () => path.resolve((eleventyConfig.directories as { input: string }).input);
  let loading: Promise<LoadedSite> | undefined;

  // Each build (and each rebuild of the dev server) reads the articles afresh. The preview
  // starts from an empty folder too, so a deleted or renamed story disappears from it.
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    loading = undefined;
    if (includeDrafts()) await rm(directories.output, { recursive: true, force: true });
  });
  eleventyConfig.addWatchTarget("./layouts/**");

  eleventyConfig.addGlobalData("archiveOutputs", () => {
    loading ??= loadSite(articlesDir(), site, includeDrafts());
    return loading.then((loaded) => loaded.outputs);
  });
  const context: RenderContext = {
    site,
    absolute: (sitePath) => absoluteUrl(site.baseUrl, eleventyConfig.pathPrefix ?? "/", sitePath),
  };

  // Once every page is written: index the stories for search, then prove nothing was lost.
  eleventyConfig.on("eleventy.after", async ({ results, directories }: { results: WrittenPage[]; directories: { output: string } }) => {
    if (!loading) return;
    const loaded = await loading;
    const storyUrls = new Set(loaded.archive.stories.map((story) => story.url));
    const storyPages = results.filter((result) => storyUrls.has(result.url));
    const { indexedUrls } = await writeSearchIndex(
      // Site-relative URLs: Pagefind's script adds the path prefix it is served under.
      storyPages.map((result) => ({ url: result.url, html: result.content })),
      path.join(directories.output, "pagefind"),
      site.language,
    );
    verifyBuild(loaded, results, indexedUrls);
  });

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

/** The dev server shows drafts so editors can preview them; a production build leaves them out. */
function includeDrafts(): boolean {
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}
