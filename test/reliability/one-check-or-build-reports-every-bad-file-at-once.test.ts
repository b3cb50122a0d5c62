import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { explainBuildFailure } from "../../src/cli/explainBuildFailure.ts";
import { runCli } from "../support/runCli.ts";
import { archiveOnDisk } from "./archiveOnDisk.ts";
import { everyBadFile, everyBadLink, everyExpectedLine } from "./badStoryFiles.ts";

/**
 * An archive that holds every kind of bad story file at once, beside a sound story: a single
 * `npm run check` or build reports every one of them, one `path:line: message (hint)` a line.
 */

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const archive = archiveOnDisk(
  { ...everyBadFile(), "2018/11/a-sound-story.md": "---\ntitle: A Sound Story\ndate: 2018-11-20\n---\n" },
  everyBadLink(),
);
const storyFileCount = Object.keys(everyBadFile()).length + Object.keys(everyBadLink()).length + 1;
const expected = everyExpectedLine();

/** The expected lines with every story file named as seen from `cwd`, as the commands name them. */
function expectedFrom(cwd: string): string[] {
  const articles = path.relative(cwd, archive.articles).split(path.sep).join("/");
  return expected.map((line) => line.replaceAll("articles/2018/", `${articles}/2018/`)).sort();
}

/** The report's lines that name a story file (the summary lines around them left out). */
function problemLines(report: string): string[] {
  return report.split("\n").filter((line) => /\.(?:md|markdown)(:\d+)?: /.test(line));
}

const test = suite("one run reports every bad story file at once");

test("npm run check prints every problem of every bad file as path:line: message (hint), and exits 1", async () => {
  const run = await runCli("check", [], archive.root);
  assert.is(run.code, 1);
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.slice(0, -1), expectedFrom(archive.root), "one line a problem, sorted by file, then line");
  assert.is(lines.at(-1), `${expected.length} problems in ${storyFileCount} story files.`);
  assert.is(run.stdout, "");
});

test("a build fails with every problem of every bad file, and publishes nothing", async () => {
  let error: unknown;
  try {
    await buildSite({ input: archive.articles, output: archive.site });
  } catch (thrown) {
    error = thrown;
  }
  assert.instance(error, Error, "the build of an archive full of bad files succeeded");
  const report = explainBuildFailure(error);
  assert.is(report.split("\n")[0], `${expected.length} problems in the articles:`);
  assert.equal(problemLines(report), expectedFrom(process.cwd()));
  assert.equal(readdirSync(archive.root), ["articles"], "neither the site nor a staging folder was left");
});

test("the build command prints every problem of every bad file, says the site was left as it was, and exits 1", async () => {
  const run = await runCli("build", ["--input", archive.articles, "--output", archive.site], projectRoot);
  assert.is(run.code, 1);
  assert.equal(problemLines(run.stderr), expectedFrom(projectRoot));
  assert.ok(run.stderr.trimEnd().endsWith(`The build failed; ${archive.site}/ was left as it was.`), run.stderr);
  assert.not.ok(/\n\s+at /.test(run.stderr), "the editor is shown the problems, not a stack trace");
  assert.not.ok(existsSync(archive.site));
});

test.run();
