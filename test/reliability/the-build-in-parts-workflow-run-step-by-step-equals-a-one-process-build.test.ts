import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { projectRoot } from "../../src/projectFiles.ts";
import { differences, fingerprint } from "./archiveOnDisk.ts";

/**
 * Issue 24: the GitHub Actions workflow shipped in the repository builds the site in parts on
 * machines of their own. This test reads that file and runs exactly its steps, each job in a
 * folder of its own (a fresh checkout) given only what the workflow hands it (its artifacts and
 * job outputs), and gets the one-process site byte for byte. What is GitHub's, not ours, is done
 * here as the actions document it: checkout is the fresh folder, setup-node is this Node, `npm ci`
 * links this checkout's installed packages (the registry is not needed to prove the steps), and
 * upload/download-artifact copy folders (paths relative to their common folder, as v4 does).
 */

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, string> };
  steps: Step[];
}

const WORKFLOW = path.join(projectRoot, ".github/workflows/build-in-parts.yml");
const CHECKOUT = ["src", "layouts", "eleventy.config.ts", "package.json", "package-lock.json", "tsconfig.json", "site.json"];

interface Context {
  matrix: Record<string, string>;
  needs: Record<string, { outputs: Record<string, string> }>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

/** The workflow's expressions this workflow uses; any other fails the test rather than being guessed. */
function evaluate(expression: string, context: Context): unknown {
  const trimmed = expression.trim();
  const fromJson = /^fromJSON\((.+)\)$/.exec(trimmed);
  if (fromJson) return JSON.parse(String(evaluate(fromJson[1], context)));
  const reference = /^(matrix|needs|steps)\.([\w-]+)(?:\.outputs\.([\w-]+))?$/.exec(trimmed);
  if (!reference) throw new Error(`the test does not know the expression \${{ ${expression} }}`);
  const [, scope, name, output] = reference;
  const value = scope === "matrix" ? context.matrix[name] : context[scope as "needs" | "steps"][name]?.outputs[output!];
  if (value === undefined) throw new Error(`\${{ ${expression} }} has no value here`);
  return value;
}

const substitute = (text: string, context: Context) =>
  text.replace(/\$\{\{(.+?)\}\}/g, (_, expression: string) => String(evaluate(expression, context)));

function commonFolder(paths: string[]): string {
  const split = paths.map((entry) => path.normalize(entry).split(path.sep).filter(Boolean));
  const common: string[] = [];
  for (let index = 0; split.every((parts) => parts.length > index + 1 && parts[index] === split[0][index]); index++)
    common.push(split[0][index]);
  return common.join(path.sep);
}

function runJob(name: string, job: Job, context: Omit<Context, "steps">, articles: string, artifacts: string): Record<string, string> {
  const checkout = mkdtempSync(path.join(tmpdir(), `news-archive-job-${name}-`));
  for (const entry of CHECKOUT) cpSync(path.join(projectRoot, entry), path.join(checkout, entry), { recursive: true });
  cpSync(articles, path.join(checkout, "articles"), { recursive: true });
  const full: Context = { ...context, steps: {} };
  for (const step of job.steps) {
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), full)]));
    if (step.uses?.startsWith("actions/checkout@") || step.uses?.startsWith("actions/setup-node@")) continue;
    if (step.uses?.startsWith("actions/upload-artifact@")) {
      const paths = inputs.path
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      const base = commonFolder(paths);
      for (const entry of paths) {
        assert.ok(existsSync(path.join(checkout, entry)), `job ${name} uploads ${entry}, which it made`);
        cpSync(path.join(checkout, entry), path.join(artifacts, inputs.name, path.relative(base, entry)), { recursive: true });
      }
      continue;
    }
    if (step.uses?.startsWith("actions/download-artifact@")) {
      const pattern = inputs.pattern ? new RegExp(`^${inputs.pattern.replace("*", ".*")}$`) : undefined;
      const names = pattern ? readdirSync(artifacts).filter((artifact) => pattern.test(artifact)) : [inputs.name];
      assert.ok(names.length > 0, `job ${name} downloads ${inputs.name ?? inputs.pattern}, which an earlier job uploaded`);
      assert.ok(!pattern || inputs["merge-multiple"] === "true", "several artifacts are merged into one folder");
      for (const artifact of names) cpSync(path.join(artifacts, artifact), path.join(checkout, inputs.path ?? "."), { recursive: true });
      continue;
    }
    assert.ok(step.run, `job ${name} has a step the test does not know: ${JSON.stringify(step)}`);
    const command = substitute(step.run, full);
    if (/^npm ci\b/.test(command)) {
      symlinkSync(path.join(projectRoot, "node_modules"), path.join(checkout, "node_modules"));
      continue;
    }
    const outputFile = path.join(checkout, ".github-output");
    execFileSync("bash", ["-e", "-c", command], {
      cwd: checkout,
      env: { ...process.env, GITHUB_OUTPUT: outputFile, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (step.id) {
      const outputs = existsSync(outputFile) ? readFileSync(outputFile, "utf8") : "";
      full.steps[step.id] = {
        outputs: Object.fromEntries(
          outputs
            .trim()
            .split("\n")
            .filter(Boolean)
            .map((line) => line.split(/=(.*)/s).slice(0, 2)),
        ),
      };
    }
  }
  if (name === "assemble") cpSync(path.join(checkout, "_site"), path.join(artifacts, "the site"), { recursive: true });
  return Object.fromEntries(Object.entries(job.outputs ?? {}).map(([key, value]) => [key, substitute(value, full)]));
}

const test = suite("the build-in-parts workflow, run step by step");

test("has a job listing the parts, a job a part and a job assembling, and its site equals a one-process build", async () => {
  const workflow = parse(readFileSync(WORKFLOW, "utf8")) as { jobs: Record<string, Job> };
  const { list, part, assemble } = workflow.jobs;
  assert.ok(list && part && assemble, "the workflow has the jobs list, part and assemble");
  assert.is(part.needs, "list");

  const articles = mkdtempSync(path.join(tmpdir(), "news-archive-workflow-articles-"));
  generateArchive({ articles: 100, out: articles, seed: 24, clean: true });
  const artifacts = mkdtempSync(path.join(tmpdir(), "news-archive-artifacts-"));

  const listed = runJob("list", list, { matrix: {}, needs: {} }, articles, artifacts);
  const needs = { list: { outputs: listed } };
  const parts = evaluate(part.strategy!.matrix.part.replace(/^\$\{\{|\}\}$/g, ""), { matrix: {}, needs, steps: {} }) as string[];
  assert.ok(Array.isArray(parts) && parts.length >= 3, `the matrix has a job for each part: ${JSON.stringify(parts)}`);
  for (const name of parts) runJob("part", part, { matrix: { part: name }, needs }, articles, artifacts);
  runJob("assemble", assemble, { matrix: {}, needs: { ...needs, part: { outputs: {} } } }, articles, artifacts);

  const whole = mkdtempSync(path.join(tmpdir(), "news-archive-whole-"));
  mkdirSync(whole, { recursive: true });
  await buildSite({ input: articles, output: path.join(whole, "site"), cacheDir: path.join(whole, "cache") });
  assert.equal(differences(fingerprint(path.join(artifacts, "the site")), fingerprint(path.join(whole, "site"))), []);
  assert.ok(existsSync(path.join(artifacts, "site")), "the assembled site is handed on as the artifact named site");
});

test.run();
