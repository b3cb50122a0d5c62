import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import path from "node:path";
import type { SiteBuild } from "./src/build/siteBuild.ts";
import { archivePlugin, type RenderBatch } from "./src/eleventy/archivePlugin.ts";
import { projectRoot } from "./src/projectFiles.ts";

/**
 * Wiring only: the archive's logic lives in src/, its presentation in layouts/. Eleventy is run
 * through its API (src/build/runEleventy.ts), given this for its config with the build it serves
 * and, for a build rendered in batches, the batch this run renders.
 */
export function configureEleventy(build: SiteBuild, batch?: RenderBatch & { copiesAssets: boolean }) {
  return (eleventyConfig: UserConfig) => {
    eleventyConfig.addPlugin(archivePlugin, { build, batch });
    eleventyConfig.addPlugin(HtmlBasePlugin);
    // By its full path: a build may run from another folder (a test's, or an archive's own).
    if (batch?.copiesAssets !== false) eleventyConfig.addPassthroughCopy({ [path.join(projectRoot, "layouts/assets")]: "assets" });
    eleventyConfig.setTemplateFormats(["11ty.js"]);
    eleventyConfig.setQuietMode(true);
  };
}
