import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { archivePlugin } from "./src/eleventy/archivePlugin.ts";
import { site } from "./src/site.ts";

/** Wiring only: the archive's logic lives in src/, its presentation in layouts/. */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(archivePlugin, { site });
  // Stories are data, not templates: the dev server is told to rebuild when one changes.
  eleventyConfig.addWatchTarget(`${config.dir.input}/**/*.md`);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.setQuietMode(true);
}

/**
 * The build command points Eleventy at a staging folder (and tests at fixture archives) through
 * these variables: folders set in a config file take precedence over the programmatic API's.
 */
export const config = {
  dir: {
    // Getters, so that each build in one process (as in the tests) reads its own folders.
    get input() {
      return process.env.NEWS_ARCHIVE_INPUT ?? "articles";
    },
    get output() {
      return process.env.NEWS_ARCHIVE_OUTPUT ?? "_site";
    },
  },
};
