import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type { SiteBuild } from "./src/build/siteBuild.ts";
import { archivePlugin } from "./src/eleventy/archivePlugin.ts";

/**
 * Wiring only: the archive's logic lives in src/, its presentation in layouts/. Eleventy is run
 * through its API (src/build/runEleventy.ts), given this for its config with the build it serves.
 */
export function configureEleventy(build: SiteBuild) {
  return (eleventyConfig: UserConfig) => {
    eleventyConfig.addPlugin(archivePlugin, build);
    // Stories are data, not templates: the preview's watcher is told to rebuild when one changes.
    eleventyConfig.addWatchTarget(`${build.request.articles}/**/*.md`);
    eleventyConfig.addPlugin(HtmlBasePlugin);
    eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
    eleventyConfig.setTemplateFormats(["11ty.js"]);
    eleventyConfig.setQuietMode(true);
  };
}
