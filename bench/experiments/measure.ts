// Experiment: runs a command and prints the whole process tree's wall, CPU and peak memory.
// node --import tsx bench/experiments/measure.ts CMD ARGS...
import { runMeasured } from "../processTree.ts";
const [cmd, ...args] = process.argv.slice(2);
const r = await runMeasured(cmd, args);
console.log(
  JSON.stringify({
    wall: +r.wallSeconds.toFixed(1),
    cpu: +r.cpuSeconds.toFixed(1),
    peakTreeMB: r.peakTreeRssMB,
    peakProcMB: r.peakProcessRssMB,
    exit: r.exitCode,
  }),
  r.stdout.slice(-300),
  r.stderr.slice(-500),
);
