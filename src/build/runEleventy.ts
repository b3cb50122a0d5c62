import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { configureEleventy } from "../../eleventy.config.ts";
import { ELEVENTY_INPUT } from "../eleventy/eleventyInput.ts";
import { projectRoot } from "../projectFiles.ts";
import type { BuildRequest, BuildResult } from "./buildRequest.ts";
import { SiteBuild } from "./siteBuild.ts";

/**
 * One Eleventy build of the request's stories into `request.output` (no staging: the caller's
 * job), returning what the build hands back. Eleventy is given its own input folder.
 */
export async function runEleventy(request: BuildRequest): Promise<BuildResult> {
  const build = new SiteBuild(request);
  const eleventy = eleventyFor(build);
  // Failures reach the caller as one error, explained there, instead of as Eleventy's stack traces.
  eleventy.disableLogger();
  try {
    await eleventy.write();
  } catch (error) {
    await build.abandon();
    throw error;
  }
  return build.result;
}

/** Eleventy set up to run `build` once (the preview runs a build on each save: see startPreview). */
function eleventyFor(build: SiteBuild): Eleventy {
  return new Eleventy(path.join(projectRoot, ELEVENTY_INPUT), build.request.output, {
    // The config is passed as a function, already compiled with the rest: Eleventy would load
    // eleventy.config.ts by path, which plain Node (the bundled build) cannot import.
    configPath: "",
    config: configureEleventy(build),
    pathPrefix: build.request.pathPrefix,
    quietMode: true,
    runMode: "build",
  });
}
