// Experiment (issue 24): one clean one-process build of ARTICLES into OUTPUT, as `npm run bench`
// runs it (src/cli/run.mjs, 6 GB of heap allowed), with the whole process tree's peak resident
// memory, each process's peak, CPU seconds and wall time from bench/processTree.ts.
//
//   node --import tsx bench/experiments/measureBuild.ts ARTICLES OUTPUT [NODE_FLAG...]
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runMeasured } from "../processTree.ts";

const [articles, output, ...nodeFlags] = process.argv.slice(2);
const repo = path.resolve(import.meta.dirname, "../..");
rmSync(output, { recursive: true, force: true });
rmSync(`${output}-cache`, { recursive: true, force: true });
const usage = await runMeasured(
  process.execPath,
  [
    "--max-old-space-size=6144",
    ...nodeFlags,
    path.join(repo, "src/cli/run.mjs"),
    "build",
    "--input",
    articles,
    "--output",
    output,
    "--cache-dir",
    `${output}-cache`,
  ],
  { cwd: repo },
);
if (usage.exitCode !== 0) throw new Error(`the build failed:\n${usage.stdout}\n${usage.stderr}`);
// What the build printed (with --trace-gc, each collection of its heaps), for reading afterwards.
writeFileSync(`${output}.stdout`, usage.stdout);
const { wallSeconds, cpuSeconds, peakTreeRssMB, processPeaks } = usage;
console.log(JSON.stringify({ wallSeconds: Math.round(wallSeconds), cpuSeconds: Math.round(cpuSeconds), peakTreeRssMB, processPeaks }));
