import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { showsProgress } from "../../src/build/progress.ts";
import { projectRoot } from "../../src/projectFiles.ts";
import { runCli } from "../support/runCli.ts";

/** Issue 23: a long build shows stories read, pages written and search shards on a terminal; CI and pipes get the result alone. */

const test = suite("a build's progress");

const articles = mkdtempSync(path.join(tmpdir(), "news-archive-progress-"));
generateArchive({ articles: 40, out: articles, seed: 3, clean: true });

test("on a terminal, the build shows stories read, pages written and search shards on one line, then clears it", () => {
  const out = mkdtempSync(path.join(tmpdir(), "news-archive-progress-out-"));
  const transcript = path.join(out, "terminal.txt");
  const command = `node src/cli/run.mjs build --input ${articles} --output ${out}/site --cache-dir ${out}/cache`;
  // `script` (util-linux) runs the build on a pseudo-terminal, as an editor's terminal is.
  const { CI: _ci, ...environment } = process.env;
  execFileSync("script", ["-qec", command, transcript], { cwd: projectRoot, env: environment, stdio: "ignore" });
  const shown = readFileSync(transcript, "utf8");
  const stories = readdirCount(articles);
  assert.match(shown, `${stories} stories read`);
  assert.match(shown, /\d+ of \d+ pages written/);
  assert.match(shown, /search: \d+ shards? indexed/);
  const lastLine = shown.split("\r").filter((line) => line.includes("Built the archive"))[0];
  assert.ok(lastLine, "the result line is printed");
  assert.ok(shown.includes("\x1b[2KBuilt the archive"), "the progress line is cleared before the result is printed");
});

test("in a pipe, and in CI even on a terminal, the build prints its result line alone", async () => {
  const out = mkdtempSync(path.join(tmpdir(), "news-archive-progress-out-"));
  const run = await runCli("build", ["--input", articles, "--output", `${out}/site`, "--cache-dir", `${out}/cache`], projectRoot);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr, "");
  assert.match(run.stdout, /^Built the archive into .* in [\d.]+ s\.\n$/);
  assert.not.ok(showsProgress({ isTTY: true }, { CI: "true" }), "CI is quiet on a terminal too");
  assert.ok(showsProgress({ isTTY: true }, {}));
});

function readdirCount(folder: string): number {
  return execFileSync("find", [folder, "-name", "*.md"], { encoding: "utf8" }).trim().split("\n").length;
}

test.run();
