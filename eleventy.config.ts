import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type { SiteBuild } from "./src/build/siteBuild.ts";
import { archivePlugin, type RenderBatch } from "./src/eleventy/archivePlugin.ts";

/**
 * Wiring only: the archive's logic lives in src/, its presentation in layouts/. Eleventy is run
 * through its API (src/build/runEleventy.ts), given this for its config with the build it serves
 * and, for a build rendered in batches, the batch this run renders.
 */
export function configureEleventy(build: SiteBuild, batch?: RenderBatch & { copiesAssets: boolean }) {
  return (eleventyConfig: UserConfig) => {
    eleventyConfig.addPlugin(archivePlugin, { build, batch });
    // Stories are data, not templates: the preview's watcher is told to rebuild when one changes.
    eleventyConfig.addWatchTarget(`${build.request.articles}/**/*.md`);
    eleventyConfig.addPlugin(HtmlBasePlugin);
    if (batch?.copiesAssets !== false) eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
    eleventyConfig.setTemplateFormats(["11ty.js"]);
    eleventyConfig.setQuietMode(true);
  };
}
