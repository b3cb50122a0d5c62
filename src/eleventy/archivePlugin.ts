import type UserConfig from "@11ty/eleventy/UserConfig";
import { renderOutput } from "../../layouts/renderPage.ts";
import type { RenderContext } from "../../layouts/renderContext.ts";
import type { SiteBuild } from "../build/siteBuild.ts";
import type { WrittenPage } from "../build/verifyBuild.ts";
import type { Output } from "../pages/pageModels.ts";
import { absoluteUrl, prefixedPath } from "../urls.ts";

/**
 * Some of a build's outputs, rendered by one Eleventy run of several (see runEleventy.ts): the
 * build's own steps run around the runs, not on their events.
 */
export interface RenderBatch {
  outputs: readonly Output[];
  /** Eleventy wrote the batch's pages: called with each page's address, not its HTML. */
  written(pages: WrittenPage[]): void;
}

/**
 * Adapts a SiteBuild to Eleventy: one paginated template writes every page, feed and sitemap it
 * asks for through the layouts. Without a batch, the build's steps run on Eleventy's events and
 * it renders every output in one run (bench/experiments/renderedPagesHeld.ts measures that).
 */
export function archivePlugin(eleventyConfig: UserConfig, { build, batch }: { build: SiteBuild; batch?: RenderBatch }): void {
  const { site, pathPrefix } = build.request;
  if (batch) {
    eleventyConfig.addGlobalData("archiveOutputs", () => batch.outputs);
    eleventyConfig.on("eleventy.after", ({ results }: { results: WrittenPage[] }) =>
      batch.written(results.map(({ url, outputPath }) => ({ url, outputPath }))),
    );
  } else {
    eleventyConfig.on("eleventy.before", () => build.begin());
    eleventyConfig.addGlobalData("archiveOutputs", () => build.outputsToRender());
    eleventyConfig.on("eleventy.after", ({ results }: { results: WrittenPage[] }) => build.end(results));
  }

  const context: RenderContext = {
    site,
    absolute: (sitePath) => absoluteUrl(site.baseUrl, pathPrefix, sitePath),
    prefixed: (sitePath) => prefixedPath(pathPrefix, sitePath),
  };
  eleventyConfig.addTemplate(
    "archive-pages.11ty.js",
    {
      data: {
        pagination: { data: "archiveOutputs", size: 1, alias: "view" },
        permalink: (data: { view: Output }) => data.view.url,
        eleventyExcludeFromCollections: true,
      },
      render: (data: { view: Output }) => {
        build.pageRendered();
        return renderOutput(data.view, context);
      },
    },
    {},
  );
}
