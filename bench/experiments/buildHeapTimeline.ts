// Experiment (issue 24): the heap of a one-process build (runEleventy.ts) over time. Every 2,000
// pages rendered, and when the build ends, the heap is collected and its live size noted; the
// resident memory is sampled every 100 ms. `--one-run` renders every output in one Eleventy run
// with the build's steps on its events, as the build did before it rendered in batches.
//
//   node --expose-gc --max-old-space-size=6144 --import tsx bench/experiments/buildHeapTimeline.ts ARTICLES OUTPUT [--one-run]
import Eleventy from "@11ty/eleventy";
import { rmSync } from "node:fs";
import path from "node:path";
import { configureEleventy } from "../../eleventy.config.ts";
import { publishedBuildRequest } from "../../src/build/buildSite.ts";
import { runEleventy } from "../../src/build/runEleventy.ts";
import { SiteBuild } from "../../src/build/siteBuild.ts";
import { ELEVENTY_INPUT } from "../../src/eleventy/eleventyInput.ts";
import { projectRoot } from "../../src/projectFiles.ts";

const [articles, output, mode] = process.argv.slice(2);
rmSync(output, { recursive: true, force: true });
rmSync(`${output}-cache`, { recursive: true, force: true });
const gc = (globalThis as { gc?: () => void }).gc!;
const MB = 2 ** 20;
let peakLiveHeap = 0;
let peakRss = 0;
const live = (label: string) => {
  gc();
  const heap = process.memoryUsage().heapUsed;
  peakLiveHeap = Math.max(peakLiveHeap, heap);
  console.log(`${label}: live heap ${(heap / MB).toFixed(0)} MB, resident ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
};
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
let pages = 0;
const progress = {
  storiesRead: () => live("stories read"),
  pagesToWrite: (count: number) => live(`${count} pages to write`),
  pageWritten: () => {
    if (++pages % 2000 === 0) live(`${pages} pages rendered`);
  },
  searchIndexed: () => undefined,
  end: () => undefined,
};
const request = { ...publishedBuildRequest({ input: articles, output, cacheDir: `${output}-cache` }, output), progress };
const cpu = process.cpuUsage();
if (mode === "--one-run") {
  const build = new SiteBuild(request);
  const eleventy = new Eleventy(path.join(projectRoot, ELEVENTY_INPUT), output, {
    configPath: "",
    config: configureEleventy(build),
    quietMode: true,
    runMode: "build",
  });
  eleventy.disableLogger();
  await eleventy.write();
} else {
  await runEleventy(request);
}
live("build ended");
clearInterval(sampler);
const { user, system } = process.cpuUsage(cpu);
console.log(
  `peak live heap (as sampled) ${(peakLiveHeap / MB).toFixed(0)} MB, peak resident ${(peakRss / MB).toFixed(0)} MB, this process's CPU ${((user + system) / 1e6).toFixed(1)} s`,
);
