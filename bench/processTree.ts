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
  /**
   * Each process of the tree that reached 100 MB, by what it ran (see `processLabel`), with its
   * own peak (VmHWM), largest first: a build in parts must keep every one under a limit (issue 24).
   */
  processPeaks: { process: string; peakRssMB: number }[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

const TICKS = 100; // USER_HZ on Linux

/**
 * What a process runs, in a few words, from its command line: the script's name, and for a
 * part of a build in parts (whose request is JSON in its first argument) the part's name.
 */
export function processLabel(argv: readonly string[]): string {
  const program = argv[0]?.split("/").pop() ?? "?";
  const script = argv.slice(1).find((arg) => /\.(m?js|ts)$/.test(arg));
  const part = /"part":"([^"]+)"/.exec(argv.join(" "))?.[1];
  const name = script
    ? script
        .split("/")
        .pop()!
        .replace(/\.(m?js|ts)$/, "")
    : program;
  return part ? `${name} ${part}` : name === "run" && argv.includes("build") ? "build" : name;
}

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
  const labels = new Map<number, string>();
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
        if (!labels.has(pid)) labels.set(pid, processLabel(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean)));
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
        processPeaks: [...hwm]
          .filter(([, kb]) => kb >= 100 * 1024)
          .sort(([, a], [, b]) => b - a)
          .map(([pid, kb]) => ({ process: labels.get(pid) ?? String(pid), peakRssMB: Math.round(kb / 1024) })),
        exitCode: code ?? 1,
        stdout,
        stderr,
      });
    });
  });
}
