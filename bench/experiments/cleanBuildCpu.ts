// Experiment: clean builds of one archive, each with a fresh site and cache folder, measured over
// the whole process tree (bench/processTree.ts), with the build's own phase timings.
// node --import tsx bench/experiments/cleanBuildCpu.ts ARTICLES WORKDIR [RUNS]
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runMeasured } from "../processTree.ts";

const [articles, work, runs = "1"] = process.argv.slice(2);
const repo = path.resolve(import.meta.dirname, "../..");
for (let run = 0; run < Number(runs); run++) {
  const site = path.join(work, "site");
  const cache = path.join(work, "cache");
  const timings = path.join(work, "timings.json");
  for (const folder of [site, cache, timings]) rmSync(folder, { recursive: true, force: true });
  const load = os.loadavg()[0].toFixed(2);
  const usage = await runMeasured(
    process.execPath,
    [
      "--max-old-space-size=6144",
      path.join(repo, "src/cli/run.mjs"),
      "build",
      "--input",
      articles,
      "--output",
      site,
      "--cache-dir",
      cache,
      "--timings",
      timings,
    ],
    { cwd: repo },
  );
  if (usage.exitCode !== 0) throw new Error(usage.stderr);
  const phases = JSON.parse(readFileSync(timings, "utf8")) as Record<string, number>;
  console.log(
    JSON.stringify({
      load,
      wall: usage.wallSeconds.toFixed(1),
      cpu: usage.cpuSeconds.toFixed(1),
      peakMB: Math.round(usage.peakTreeRssMB),
      peakProcessMB: Math.round(usage.peakProcessRssMB),
      phases,
    }),
  );
}
