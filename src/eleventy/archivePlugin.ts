import type UserConfig from "@11ty/eleventy/UserConfig";
import { renderOutput } from "../../layouts/renderPage.ts";
import type { RenderContext } from "../../layouts/renderContext.ts";
import type { SiteBuild } from "../build/siteBuild.ts";
import type { WrittenPage } from "../build/verifyBuild.ts";
import type { Output } from "../pages/pageModels.ts";
import { absoluteUrl, prefixedPath } from "../urls.ts";

/**
 * Adapts a SiteBuild to Eleventy: its steps run on Eleventy's events, and one paginated template
 * writes every page, feed and sitemap it asks for through the layouts.
 */
export function archivePlugin(eleventyConfig: UserConfig, build: SiteBuild): void {
  const { site, pathPrefix } = build.request;
  eleventyConfig.on("eleventy.before", () => build.begin());
  eleventyConfig.addGlobalData("archiveOutputs", () => build.outputsToRender());
  eleventyConfig.on("eleventy.after", ({ results }: { results: WrittenPage[] }) => build.end(results));

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
