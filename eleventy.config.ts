import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { archivePlugin, type ArchivePluginOptions } from "./src/eleventy/archivePlugin.ts";
import { ELEVENTY_INPUT } from "./src/eleventy/eleventyInput.ts";
import { site } from "./src/site.ts";

/** Wiring only: the archive's logic lives in src/, its presentation in layouts/. */
export default function (eleventyConfig: UserConfig, build: Pick<ArchivePluginOptions, "searchIndexer"> = {}) {
  eleventyConfig.addPlugin(archivePlugin, { site, articles: articlesFolder, searchIndexer: build.searchIndexer });
  // Stories are data, not templates: the dev server is told to rebuild when one changes.
  eleventyConfig.addWatchTarget(`${articlesFolder()}/**/*.md`);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.setQuietMode(true);
}

/**
 * The story files. The build command (and tests, with fixture archives) names another folder
 * through this variable; read at each build, so that each build in one process reads its own.
 */
const articlesFolder = () => process.env.NEWS_ARCHIVE_INPUT ?? "articles";

/**
 * Eleventy's own folders when it is run from its command line (`npm start`); the build command
 * passes the same to Eleventy's API (src/build/buildSite.ts). Folders set in a config file take
 * precedence over the API's.
 */
export const config = {
  dir: {
    input: ELEVENTY_INPUT,
    // A getter, so that each build in one process (as in the tests) writes to its own folder.
    get output() {
      return process.env.NEWS_ARCHIVE_OUTPUT ?? "_site";
    },
  },
};
