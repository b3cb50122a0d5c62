import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { configureEleventy } from "../../eleventy.config.ts";
import { ELEVENTY_INPUT } from "../eleventy/eleventyInput.ts";
import type { RenderBatch } from "../eleventy/archivePlugin.ts";
import type { Output } from "../pages/pageModels.ts";
import { BuildError } from "../problems.ts";
import { projectRoot } from "../projectFiles.ts";
import type { BuildRequest, BuildResult } from "./buildRequest.ts";
import { SiteBuild } from "./siteBuild.ts";
import type { WrittenPage } from "./verifyBuild.ts";

/**
 * How many outputs one Eleventy run renders. Eleventy renders every page of a run before it
 * writes any (TemplateMap.populateContentDataInMap) and keeps each page's HTML till the run ends
 * (for the results of `write()`): 308 MB at 10,000 stories, ~3 GB at 100,000 (issue 24). Runs of
 * this many pages hold ~60 MB of HTML at a time; each run costs ~0.1 s of its own.
 */
export const OUTPUTS_PER_ELEVENTY_RUN = 5000;

export class DuplicateOutputError extends BuildError {
  constructor(outputPaths: string[]) {
    super({
      title: "two pages of the build were written to one file",
      details: outputPaths.join("\n"),
      hint: "this is a fault of the build, not of the story files: please report it with these lines",
    });
  }
}

/**
 * One Eleventy build of the request's stories into `request.output` (no staging: the caller's
 * job), returning what the build hands back. Eleventy is given its own input folder. The build's
 * outputs are rendered by several Eleventy runs one after another, so that each run's pages are
 * freed before the next is rendered; the build's own steps run once around them.
 */
export async function runEleventy(request: BuildRequest): Promise<BuildResult> {
  const build = new SiteBuild(request);
  try {
    await build.begin();
    const outputs = await build.outputsToRender();
    const written: WrittenPage[] = [];
    for (const [index, batch] of batchesOf(outputs, request.outputsPerEleventyRun ?? OUTPUTS_PER_ELEVENTY_RUN).entries()) {
      const batchRun = { outputs: batch, written: (pages: WrittenPage[]) => written.push(...pages), copiesAssets: index === 0 };
      const eleventy = new Eleventy(
        path.join(projectRoot, ELEVENTY_INPUT),
        request.output,
        eleventyOptions(build, configureEleventy(build, batchRun)),
      );
      // Failures reach the caller as one error, explained there, instead of as Eleventy's stack traces.
      eleventy.disableLogger();
      await eleventy.write();
    }
    // Eleventy refuses two pages written to one file within a run; across runs it cannot see them.
    const duplicates = outputPathsWrittenTwice(written);
    if (duplicates.length > 0) throw new DuplicateOutputError(duplicates);
    await build.end(written);
  } catch (error) {
    await build.abandon();
    throw error;
  }
  return build.result;
}

/** The outputs in runs of at most `size`, in order; one empty run for none (it copies the assets). */
function batchesOf(outputs: readonly Output[], size: number): Output[][] {
  const batches: Output[][] = [];
  for (let start = 0; start < outputs.length; start += size) batches.push(outputs.slice(start, start + size));
  return batches.length > 0 ? batches : [[]];
}

function outputPathsWrittenTwice(written: readonly WrittenPage[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { outputPath } of written) {
    if (outputPath === false) continue;
    if (seen.has(outputPath)) twice.add(outputPath);
    seen.add(outputPath);
  }
  return [...twice];
}

/** One run of Eleventy's, for `build`, with `config`. */
function eleventyOptions(build: SiteBuild, config: ReturnType<typeof configureEleventy>) {
  return {
    // The config is passed as a function, already compiled with the rest: Eleventy would load
    // eleventy.config.ts by path, which plain Node (the bundled build) cannot import.
    configPath: "",
    config,
    pathPrefix: build.request.pathPrefix,
    quietMode: true,
    runMode: "build" as const,
  };
}
