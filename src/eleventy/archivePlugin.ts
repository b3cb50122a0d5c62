import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { buildArchive, type Archive } from "../archive/buildArchive.ts";
import { readStoryFiles } from "../article/readStoryFiles.ts";
import { buildPages } from "../pages/buildPages.ts";
import type { Page } from "../pages/pageModels.ts";
import { ArchiveProblemsError } from "../problems.ts";
import type { SiteSettings } from "../site.ts";
import { renderPage } from "../../layouts/renderPage.ts";
import { writeSearchIndex } from "../search/writeSearchIndex.ts";
import { verifyBuild, type WrittenPage } from "../build/verifyBuild.ts";
import { PhaseTimings } from "../build/phaseTimings.ts";

export interface ArchivePluginOptions {
  site: SiteSettings;
}

export interface LoadedSite {
  archive: Archive;
  pages: Page[];
}

/** Reads every story file and builds the archive and its pages, or throws every problem at once. */
export async function loadSite(articlesDir: string, site: SiteSettings, includeDrafts: boolean, timings?: PhaseTimings): Promise<LoadedSite> {
  const sources = await readStoryFiles(articlesDir);
  timings?.mark("readStoryFiles");
  const { archive, problems } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts });
  timings?.mark("buildArchive");
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
  let loading: Promise<LoadedSite> | undefined;
  let timings = new PhaseTimings();

  // Each build (and each rebuild of the dev server) reads the articles afresh.
  eleventyConfig.on("eleventy.before", () => {
    loading = undefined;
    timings = new PhaseTimings();
  });
  eleventyConfig.addWatchTarget("./layouts/**");

  eleventyConfig.addGlobalData("archivePages", () => {
    loading ??= loadSite(articlesDir(), site, includeDrafts(), timings);
    return loading.then((loaded) => loaded.pages);
  });

  // Once every page is written: index the stories for search, then prove nothing was lost.
  eleventyConfig.on("eleventy.after", async ({ results, directories }: { results: WrittenPage[]; directories: { output: string } }) => {
    if (!loading) return;
    timings.mark("eleventyWrite");
    const loaded = await loading;
    const storyUrls = new Set(loaded.archive.stories.map((story) => story.url));
    const storyPages = results.filter((result) => storyUrls.has(result.url));
    const { pageCount } = await writeSearchIndex(
      // Site-relative URLs: Pagefind's script adds the path prefix it is served under.
      storyPages.map((result) => ({ url: result.url, html: result.content })),
      path.join(directories.output, "pagefind"),
      site.language,
      timings,
    );
    verifyBuild(loaded, results, pageCount);
    timings.mark("verifyBuild");
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

/** The dev server shows drafts so editors can preview them; a production build leaves them out. */
function includeDrafts(): boolean {
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}
