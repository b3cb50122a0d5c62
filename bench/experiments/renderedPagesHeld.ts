// Experiment (issue 24): how much of a one-process build's heap is the rendered pages Eleventy
// holds until its write() ends. Builds an archive in this process as runEleventy.ts does,
// measuring the heap when the first page is about to be rendered (the model and the page plan
// are made by then; Eleventy renders every page's content before it runs layouts, transforms
// and writes) and after the last is written, with the characters of every page Eleventy hands
// back and how many of them sit in two-byte (UTF-16) strings.
//
//   node --expose-gc --max-old-space-size=6144 --import tsx bench/experiments/renderedPagesHeld.ts ARTICLES OUTPUT
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { rmSync } from "node:fs";
import path from "node:path";
import { configureEleventy } from "../../eleventy.config.ts";
import { publishedBuildRequest } from "../../src/build/buildSite.ts";
import { SiteBuild } from "../../src/build/siteBuild.ts";
import { ELEVENTY_INPUT } from "../../src/eleventy/eleventyInput.ts";
import { projectRoot } from "../../src/projectFiles.ts";

const [articles, output] = process.argv.slice(2);
rmSync(output, { recursive: true, force: true });
const heap = (label: string) => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  console.log(`${label}: heap used ${(heapUsed / 2 ** 20).toFixed(0)} MB, resident ${(rss / 2 ** 20).toFixed(0)} MB`);
};
const build = new SiteBuild(publishedBuildRequest({ input: articles, output, cacheDir: `${output}-cache` }, output));
let first = true;
const pageRendered = build.pageRendered.bind(build);
build.pageRendered = () => {
  if (first) heap("first page about to be rendered");
  first = false;
  pageRendered();
};
const eleventy = new Eleventy(path.join(projectRoot, ELEVENTY_INPUT), output, {
  configPath: "",
  config: (eleventyConfig: UserConfig) => {
    configureEleventy(build)(eleventyConfig);
    eleventyConfig.on("eleventy.after", ({ results }: { results: { content: string }[] }) => {
      let characters = 0;
      let inTwoByteStrings = 0;
      const widening = new Map<string, number>();
      for (const { content } of results) {
        characters += content.length;
        const wide = /[^\x00-\xff]/.exec(content)?.[0];
        if (wide === undefined) continue;
        inTwoByteStrings += content.length;
        widening.set(wide, (widening.get(wide) ?? 0) + 1);
      }
      heap("last page written");
      const megabytes = (characters - inTwoByteStrings + 2 * inTwoByteStrings) / 2 ** 20;
      console.log(
        `${results.length} pages held: ${(characters / 2 ** 20).toFixed(0)} M characters, ${(inTwoByteStrings / 2 ** 20).toFixed(0)} M of them in two-byte strings, about ${megabytes.toFixed(0)} MB`,
      );
      console.log(
        `the first character beyond Latin-1 of those pages, by pages: ${JSON.stringify([...widening].sort((a, b) => b[1] - a[1]).slice(0, 5))}`,
      );
    });
  },
  quietMode: true,
  runMode: "build",
});
eleventy.disableLogger();
await eleventy.write();
heap("build ended");
