import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The last line of stdout, where the CLIs print the file they wrote. */
  lastLine: string;
}

const cliFolder = fileURLToPath(new URL("../../src/cli/", import.meta.url));
// Resolved here, so the CLI can run in a temporary folder that has no node_modules.
// (uvu loads tests as CommonJS through tsx, where import.meta.resolve is missing.)
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Runs a command in `cwd` as an editor would: the build through its launcher, bundled and without
 * tsx (`node src/cli/run.mjs build ...args`), the others as `node --import tsx src/cli/<name>.ts ...args`.
 */
export function runCli(name: "new" | "ingest" | "check" | "build" | "import" | "addresses", args: string[], cwd: string): Promise<CliRun> {
  const command = name === "build" ? [`${cliFolder}run.mjs`, "build"] : ["--import", tsx, `${cliFolder}${name}.ts`];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...command, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return reject(error);
      const lines = stdout.trimEnd().split("\n");
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr, lastLine: lines.at(-1) ?? "" });
    });
  });
}
