import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** What a command and every process it started used, sampled from /proc. */
export interface TreeUsage {
  wallSeconds: number;
  /** user + system CPU seconds of the command and all its descendants (each as last seen). */
  cpuSeconds: number;
  /** The highest sum of resident memory of the whole tree at one moment, in MB. */
  peakTreeRssMB: number;
  /** The highest resident memory any one process of the tree reached (VmHWM), in MB. */
  peakProcessRssMB: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const TICKS = 100; // USER_HZ on Linux

/**
 * Runs a command and samples its process tree every `intervalMs`. `/usr/bin/time -v` alone
 * misses children that are not reaped before their parent exits (Pagefind's service binary),
 * so the tree is read from /proc while it runs: each process's CPU as last seen, and the sum of
 * the tree's resident memory. CPU of processes that live less than one interval is lost.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; intervalMs?: number } = {},
): Promise<TreeUsage> {
  // What the step before wrote is flushed to disk first, so that no measured build pays for
  // another's writes (the kernel writes dirty pages back some 30 s after they were written).
  execFileSync("sync");
  const started = performance.now();
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const cpuTicks = new Map<number, number>();
  const hwm = new Map<number, number>();
  let peakTreeRssKB = 0;

  const sample = () => {
    const parentOf = new Map<number, number>();
    const stats = new Map<number, string[]>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const fields = readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1].split(" ");
        parentOf.set(Number(name), Number(fields[1]));
        stats.set(Number(name), fields);
      } catch {
        // The process ended between listing and reading.
      }
    }
    const inTree = (pid: number): boolean => {
      for (let current: number | undefined = pid; current && current > 1; current = parentOf.get(current))
        if (current === child.pid) return true;
      return false;
    };
    let treeRssKB = 0;
    for (const [pid, fields] of stats) {
      if (!inTree(pid)) continue;
      cpuTicks.set(pid, Number(fields[11]) + Number(fields[12]));
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        treeRssKB += rss;
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)));
      } catch {
        // Gone.
      }
    }
    peakTreeRssKB = Math.max(peakTreeRssKB, treeRssKB);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      resolve({
        wallSeconds,
        cpuSeconds: [...cpuTicks.values()].reduce((a, b) => a + b, 0) / TICKS,
        peakTreeRssMB: Math.round(peakTreeRssKB / 1024),
        peakProcessRssMB: Math.round(Math.max(0, ...hwm.values()) / 1024),
        exitCode: code ?? 1,
        stdout,
        stderr,
      });
    });
  });
}
