/**
 * `npm run bench [-- --large]`: builds generated archives of 1,000 and 10,000 stories (and
 * 100,000 with --large) in a temporary folder and writes the figures to bench/README.md, beside
 * Debian's Hugo building the same stories, so that every figure is a ratio measured in one run.
 *
 * For each size: full build (wall, CPU of the whole process tree, peak memory, pages written,
 * search indexing share from the build's own phase timings), rebuilds after adding one story and
 * after editing, retitling and correcting an old one, each twice (and whether the site then
 * equals a clean build byte for byte), how long the preview (`npm start`) takes to show a saved
 * story, twice each, bytes a browser downloads for a first search, and Hugo's build of the same stories.
 *
 *   node --import tsx bench/run.ts [--large] [--sizes 1000,10000] [--keep] [--no-readme]
 *
 * `--huge` (issue 24) instead generates 1,000,000 stories (`--huge-stories N` for another count)
 * and builds them in parts (`--parts`: no single process could), recording the time, the peak
 * memory of the whole process tree and of each process, the pages and the first search's bytes;
 * it writes its own section of bench/README.md and leaves the rest. Hugo is not run beside it.
 *
 *   node --import tsx bench/run.ts --huge [--huge-stories 20000] [--keep] [--no-readme]
 *
 * `npm run bench -- --images [--count 200]` measures story images instead (bench/images.ts):
 * images per second on a clean build, and none processed again by a rebuild or by a clean build
 * with the cache kept. It prints its figures and leaves bench/README.md as it is.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateArchive } from "./generate.ts";
import { convertToHugo } from "./hugo/convert.ts";
import { firstSearchBytes, type FirstSearch } from "./firstSearchBytes.ts";
import { measurePreviewLatency, type PreviewLatency } from "./previewLatency.ts";
import { runMeasured, type TreeUsage } from "./processTree.ts";
import { DEFAULT_IMAGES, runImageBench } from "./images.ts";

const repo = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    large: { type: "boolean", default: false },
    huge: { type: "boolean", default: false },
    "huge-stories": { type: "string", default: "1000000" },
    sizes: { type: "string" },
    keep: { type: "boolean", default: false },
    "no-readme": { type: "boolean", default: false },
    "no-rebuild-check": { type: "boolean", default: false },
    images: { type: "boolean", default: false },
    count: { type: "string" },
  },
});
const sizes = values.sizes ? values.sizes.split(",").map(Number) : values.huge ? [] : values.large ? [1000, 10000, 100000] : [1000, 10000];
const hugeStories = Number(values["huge-stories"]);
if (values.huge && !(Number.isInteger(hugeStories) && hugeStories > 0))
  throw new Error(`--huge-stories: expected a whole number of stories, received ${values["huge-stories"]}`);
const work = mkdtempSync(path.join(os.tmpdir(), "news-archive-bench-"));
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface BuildFigures extends TreeUsage {
  pages: number;
  timings?: Record<string, number>;
}

interface SizeFigures {
  stories: number;
  full: BuildFigures;
  rebuild: BuildFigures;
  /** Rebuilds after one change each, in the order made: a second story added, then old stories edited, retitled and corrected, each twice. */
  rebuilds: { what: string; figures: BuildFigures }[];
  rebuildIdentical: boolean | "not checked";
  /** `npm start` on a copy of the same stories: its first start, and each save until its page showed it. */
  preview: PreviewLatency | { error: string };
  firstSearch: FirstSearch;
  hugo: BuildFigures;
  /**
   * The full build measured a second time, against Hugo a second time: the clean build of the
   * stories after the rebuild (one more), then Hugo on the same stories right after it. The
   * machine's speed drifts within minutes; two pairs show how far a ratio moves within a run.
   */
  again?: { ours: BuildFigures; hugo: BuildFigures };
  /** The same stories built with `--parts`: runs of years in separate processes, assembled. */
  inParts?: BuildFigures & { parts: string; identical: boolean };
}

function countHtml(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith(".html")) count++;
  return count;
}

/** A digest of every file's path and bytes, to compare two builds. */
function treeDigest(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files)
    hash
      .update(file + "\0")
      .update(readFileSync(path.join(dir, file)))
      .update("\0");
  return hash.digest("hex");
}

async function ourBuild(input: string, output: string, label: string, cacheDir: string, extraArgs: string[] = []): Promise<BuildFigures> {
  const timingsFile = path.join(work, `timings-${label}.json`);
  rmSync(timingsFile, { force: true });
  const usage = await runMeasured(
    process.execPath,
    [
      "--max-old-space-size=6144",
      path.join(repo, "src/cli/run.mjs"),
      "build",
      "--input",
      input,
      "--output",
      output,
      "--cache-dir",
      cacheDir,
      "--timings",
      timingsFile,
      ...extraArgs,
    ],
    { cwd: repo },
  );
  if (usage.exitCode !== 0) throw new Error(`build ${label} failed:\n${usage.stdout}\n${usage.stderr}`);
  const timings = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, "utf8")) as Record<string, number>) : undefined;
  return { ...usage, pages: countHtml(output), timings };
}

function ensureHugo(): string {
  const found = spawnSync("sh", ["-c", "command -v hugo"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  log("installing Debian's hugo with apt (bench only, never the product)");
  execFileSync("apt-get", ["install", "-y", "hugo"], { stdio: "inherit" });
  return "hugo";
}

async function hugoBuild(input: string, label: string): Promise<BuildFigures> {
  const root = path.join(work, `hugo-${label}`);
  await convertToHugo(input, path.join(root, "content"));
  const usage = await runMeasured(ensureHugo(), [
    "--quiet",
    "-s",
    path.join(repo, "bench/hugo"),
    "--contentDir",
    path.join(root, "content"),
    "--destination",
    path.join(root, "public"),
    "--cacheDir",
    path.join(root, "cache"),
  ]);
  if (usage.exitCode !== 0) throw new Error(`hugo ${label} failed:\n${usage.stderr}`);
  return { ...usage, pages: countHtml(path.join(root, "public")) };
}

/** An editor adds one story: today's date in the archive's latest year, one byline, two topics. */
function addOneStory(input: string, round = 1): void {
  const name = round === 1 ? "bench-added-story-about-network-security" : `bench-added-story-about-network-security-${round}`;
  const file = path.join(input, "2025", "12", `${name}.md`);
  execFileSync("mkdir", ["-p", path.dirname(file)]);
  writeFileSync(
    file,
    `---\ntitle: "Bench Added Story About Network Security${round === 1 ? "" : ` ${round}`}"\ndate: 2025-12-31\nbyline:\n  - name: Bench Reporter\n    role: Staff Writer\npublication: Metro Wire\ntopics: [Security, Bench]\n---\n\nA story added by the bench to time a rebuild. The government said the network security review would finish next year.\n`,
  );
}

/** The story files of the archive's oldest year, in order: the old stories an editor goes back to. */
function oldStoryFiles(input: string): string[] {
  const year = readdirSync(input)
    .filter((name) => /^\d{4}$/.test(name))
    .sort()[0];
  return readdirSync(path.join(input, year), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(input, year, name));
}

/** The changes to an old story an editor makes, each to a story of its own. */
const oldStoryChanges: { what: string; change: (text: string, round: number) => string }[] = [
  {
    what: "a paragraph added to an old story",
    change: (text, round) => `${text}\nThe council published the full figures on Monday, round ${round}.\n`,
  },
  { what: "an old story retitled", change: (text, round) => text.replace(/^title: .*$/m, `title: "Bench Retitled Old Story ${round}"`) },
  {
    what: "an old story corrected",
    change: (text) => {
      const day = /^date: (\d{4}-\d{2}-\d{2})/m.exec(text)![1];
      return text.replace(/^date: .*$/m, (line) => `${line}\nupdated: ${day}\ncorrection: "An earlier version gave the wrong figure."`);
    },
  },
];

async function benchSize(stories: number): Promise<SizeFigures> {
  const input = path.join(work, `articles-${stories}`);
  const output = path.join(work, `site-${stories}`);
  log(`generating ${stories} stories`);
  generateArchive({ articles: stories, out: input, seed: 1 });

  log(`hugo build of ${stories} stories`);
  const hugo = await hugoBuild(input, String(stories));
  log(`hugo: ${hugo.wallSeconds.toFixed(1)} s`);

  log(`full build of ${stories} stories`);
  const cache = path.join(work, `cache-${stories}`);
  const full = await ourBuild(input, output, `full-${stories}`, cache);
  log(`full build: ${full.wallSeconds.toFixed(1)} s, ${full.pages} pages`);

  log(`first search on ${stories} stories`);
  const firstSearch = await firstSearchBytes(output, "government").catch((error: unknown) => ({ error: String(error).split("\n")[0] }));

  log(`rebuild after adding one story`);
  addOneStory(input);
  const rebuild = await ourBuild(input, output, `rebuild-${stories}`, cache);
  log(`rebuild: ${rebuild.wallSeconds.toFixed(1)} s`);

  const rebuilds: SizeFigures["rebuilds"] = [];
  const timedRebuild = async (what: string) => {
    const figures = await ourBuild(input, output, `rebuild-${stories}-${rebuilds.length}`, cache);
    rebuilds.push({ what, figures });
    log(`rebuild after ${what}: ${figures.wallSeconds.toFixed(1)} s`);
  };
  addOneStory(input, 2);
  await timedRebuild("a story added");
  const old = oldStoryFiles(input);
  for (const { what, change } of oldStoryChanges)
    for (const round of [1, 2]) {
      const file = old.shift()!;
      writeFileSync(file, change(readFileSync(file, "utf8"), round));
      await timedRebuild(what);
    }

  log(`preview of ${stories} stories: its first start, then saves`);
  const previewInput = path.join(work, `articles-preview-${stories}`);
  execFileSync("cp", ["-r", input, previewInput]);
  const preview = await measurePreviewLatency(previewInput, 2).catch((error: unknown) => ({ error: String(error).split("\n")[0] }));
  rmSync(previewInput, { recursive: true, force: true });
  if ("saves" in preview)
    log(`preview: start ${preview.startSeconds.toFixed(1)} s; saves ${preview.saves.map((save) => save.seconds.toFixed(2)).join(", ")} s`);

  let rebuildIdentical: SizeFigures["rebuildIdentical"] = "not checked";
  let again: SizeFigures["again"];
  if (!values["no-rebuild-check"] && stories <= 10000) {
    const clean = path.join(work, `clean-${stories}`);
    const copy = path.join(work, `articles-clean-${stories}`);
    execFileSync("cp", ["-r", input, copy]);
    // A clean build: a fresh copy of the articles, no previous site, no cache.
    const ours = await ourBuild(copy, clean, `clean-${stories}`, path.join(work, `cache-clean-${stories}`));
    // Compared by digest of every file's path and bytes; the copy has a different folder name, not different content.
    rebuildIdentical = treeDigest(clean) === treeDigest(output);
    log(`rebuild equals a clean build: ${rebuildIdentical}`);
    log(`hugo build of the same ${stories + 2} stories, to pair with the clean build`);
    again = { ours, hugo: await hugoBuild(copy, `${stories}-again`) };
    log(`again: ours ${ours.wallSeconds.toFixed(1)} s, hugo ${again.hugo.wallSeconds.toFixed(1)} s`);
    if (!values.keep) rmSync(clean, { recursive: true, force: true });
  }
  // After the rebuild (whose site equals a clean build's): the same stories, built in parts.
  let inParts: SizeFigures["inParts"];
  if (stories <= 10000) {
    log(`build of ${stories} stories in parts, by separate processes`);
    const partsOutput = path.join(work, `parts-${stories}`);
    const built = await ourBuild(input, partsOutput, `parts-${stories}`, path.join(work, `cache-parts-${stories}`), ["--parts"]);
    const parts = /from (\d+ parts[^)]*\))/.exec(built.stdout)?.[1] ?? "?";
    inParts = { ...built, parts, identical: treeDigest(partsOutput) === treeDigest(output) };
    log(`in parts: ${built.wallSeconds.toFixed(1)} s, equals the one-process build: ${inParts.identical}`);
    if (!values.keep)
      for (const dir of [partsOutput, path.join(work, `cache-parts-${stories}`)]) rmSync(dir, { recursive: true, force: true });
  }

  if (!values.keep)
    for (const dir of [
      input,
      output,
      cache,
      path.join(work, `cache-clean-${stories}`),
      path.join(work, `hugo-${stories}`),
      path.join(work, `hugo-${stories}-again`),
      path.join(work, `articles-clean-${stories}`),
    ])
      rmSync(dir, { recursive: true, force: true });
  return { stories, full, rebuild, rebuilds, rebuildIdentical, preview, firstSearch, hugo, again, inParts };
}

interface HugeFigures {
  stories: number;
  generateSeconds: number;
  inParts: BuildFigures & { parts: string };
  firstSearch: FirstSearch;
}

/** Issue 24: an archive too big for one process, built in parts, and searched. */
async function benchHuge(stories: number): Promise<HugeFigures> {
  const input = path.join(work, `articles-${stories}`);
  const output = path.join(work, `site-${stories}`);
  const cache = path.join(work, `cache-${stories}`);
  log(`generating ${stories} stories`);
  const generating = performance.now();
  generateArchive({ articles: stories, out: input, seed: 1 });
  const generateSeconds = (performance.now() - generating) / 1000;
  log(`generated in ${generateSeconds.toFixed(1)} s; building them in parts`);
  const built = await ourBuild(input, output, `huge-${stories}`, cache, ["--parts"]);
  const parts = /from (\d+ parts) built/.exec(built.stdout)?.[1] ?? "?";
  log(`in parts: ${built.wallSeconds.toFixed(1)} s, ${built.pages} pages, largest process ${built.peakProcessRssMB} MB`);
  log(`first search on ${stories} stories`);
  const firstSearch = await firstSearchBytes(output, "government").catch((error: unknown) => ({ error: String(error).split("\n")[0] }));
  if (!values.keep) for (const dir of [input, output, cache]) rmSync(dir, { recursive: true, force: true });
  return { stories, generateSeconds, inParts: { ...built, parts }, firstSearch };
}

/** The heading of the section `--huge` writes, which a later `--huge` run replaces. */
const HUGE_HEADING = "## Built in parts, beyond one process (`npm run bench -- --huge`)";

function hugeSection(figures: HugeFigures): string {
  const { inParts: built, firstSearch: fs } = figures;
  const largest = built.processPeaks
    .slice(0, 8)
    .map((peak) => `${peak.process} ${peak.peakRssMB} MB`)
    .join(", ");
  return [
    HUGE_HEADING,
    "",
    `Run on ${new Date().toISOString().slice(0, 10)} on ${machine()}: ${figures.stories.toLocaleString("en")} stories from \`bench/generate.ts\` (seed 1), built with \`--parts\` (two processes at a time; Hugo not run).`,
    "",
    `| ${figures.stories.toLocaleString("en")} stories | ours |`,
    `|---|---|`,
    `| generating the story files (not part of the build) | ${s(figures.generateSeconds)} |`,
    `| build in parts (${built.parts}), wall | ${s(built.wallSeconds)} |`,
    `| build in parts, CPU (user + sys, whole process tree) | ${s(built.cpuSeconds)} |`,
    `| peak memory, whole process tree | ${built.peakTreeRssMB} MB |`,
    `| peak memory of the largest process | ${built.peakProcessRssMB} MB |`,
    `| HTML pages written | ${built.pages.toLocaleString("en")} |`,
    `| first search ("${"query" in fs ? fs.query : "?"}"), bytes downloaded | ${describeFirstSearch(fs)} |`,
    "",
    `The largest processes, each at its own peak: ${largest}.`,
    "bytes" in fs
      ? `First search by kind: ${Object.entries(fs.byKind)
          .map(([kind, k]) => `${kind} ${(k.bytes / 1024).toFixed(1)} KB (${k.requests})`)
          .join(", ")}.`
      : "",
    "",
  ].join("\n");
}

/** bench/README.md with the section of `--huge` put in (replacing an earlier one), before "How the build spends its time". */
function withHugeSection(readmeText: string, section: string): string {
  const start = readmeText.indexOf(HUGE_HEADING);
  if (start >= 0) {
    const next = readmeText.indexOf("\n## ", start + HUGE_HEADING.length);
    return readmeText.slice(0, start) + section + (next >= 0 ? readmeText.slice(next + 1) : "");
  }
  const before = readmeText.indexOf("\n## How the build spends its time");
  return before >= 0 ? `${readmeText.slice(0, before + 1)}${section}\n${readmeText.slice(before + 1)}` : `${readmeText}\n${section}`;
}

function versions(): Record<string, string> {
  const pkg = (name: string) => JSON.parse(readFileSync(path.join(repo, "node_modules", name, "package.json"), "utf8")).version as string;
  const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" }).stdout.trim().split(" ")[1] ?? "missing";
  const chromium = spawnSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout.trim();
  return {
    node: process.version,
    eleventy: pkg("@11ty/eleventy"),
    pagefind: pkg("pagefind"),
    "markdown-it": pkg("markdown-it"),
    luxon: pkg("luxon"),
    hugo,
    chromium,
  };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`;
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const percentOf = (seconds: number, full: BuildFigures) => `${((100 * seconds) / full.wallSeconds).toFixed(1)} %`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;

function searchShare(figures: BuildFigures): string {
  const t = figures.timings;
  if (!t || t.searchWrite === undefined || t.eleventyWrite === undefined) return "n/a";
  const searchMs = t.searchWrite - t.eleventyWrite;
  return `${(searchMs / 1000).toFixed(1)} s (${Math.round((100 * searchMs) / (figures.wallSeconds * 1000))} %)`;
}

/** The seed archive of articles/ (12 stories), built as it is, and its first search. */
async function seedFirstSearch(): Promise<FirstSearch> {
  const output = path.join(work, "site-seed");
  log("first search on the seed archive");
  execFileSync(
    process.execPath,
    [
      "--max-old-space-size=6144",
      "src/cli/run.mjs",
      "build",
      "--input",
      "articles",
      "--output",
      output,
      "--cache-dir",
      path.join(work, "cache-seed"),
      // The bench measures the checkout's archive; it must not write the checkout's address record.
      "--no-address-record",
    ],
    { cwd: repo, stdio: "ignore" },
  );
  return firstSearchBytes(output, "huawei").catch((error: unknown) => ({ error: String(error).split("\n")[0] }));
}

const describeFirstSearch = (fs: FirstSearch) =>
  "bytes" in fs
    ? `${(fs.bytes / 1024).toFixed(0)} KB in ${fs.requests} requests (${(fs.gzipBytes / 1024).toFixed(0)} KB with text compressed by the host)`
    : fs.error;

function readme(results: SizeFigures[], seed: FirstSearch): string {
  const tenThousand = results.find((r) => r.stories === 10000);
  const rows = results.map((r) => {
    const fs = r.firstSearch;
    return [
      `| ${r.stories.toLocaleString("en")} stories | ours | Hugo | ours ÷ Hugo |`,
      `|---|---|---|---|`,
      `| full build, wall | ${s(r.full.wallSeconds)} | ${s(r.hugo.wallSeconds)} | ${ratio(r.full.wallSeconds, r.hugo.wallSeconds)} |`,
      `| full build, CPU (user + sys, whole process tree) | ${s(r.full.cpuSeconds)} | ${s(r.hugo.cpuSeconds)} | ${ratio(r.full.cpuSeconds, r.hugo.cpuSeconds)} |`,
      ...(r.again
        ? [
            `| full build, wall, measured again (a clean build of the ${(r.stories + 2).toLocaleString("en")} stories after the rebuilds, then Hugo on them) | ${s(r.again.ours.wallSeconds)} | ${s(r.again.hugo.wallSeconds)} | ${ratio(r.again.ours.wallSeconds, r.again.hugo.wallSeconds)} |`,
          ]
        : []),
      `| peak memory, whole process tree | ${r.full.peakTreeRssMB} MB | ${r.hugo.peakTreeRssMB} MB | ${ratio(r.full.peakTreeRssMB, r.hugo.peakTreeRssMB)} |`,
      `| HTML pages written | ${r.full.pages.toLocaleString("en")} | ${r.hugo.pages.toLocaleString("en")} | |`,
      `| search indexing (share of our wall time) | ${searchShare(r.full)} | none | |`,
      `| rebuild after adding one story | ${s(r.rebuild.wallSeconds)} (${percentOf(r.rebuild.wallSeconds, r.full)} of full) | | |`,
      ...[...new Set(r.rebuilds.map((rebuild) => rebuild.what))].map((what) => {
        const times = r.rebuilds.filter((rebuild) => rebuild.what === what).map((rebuild) => rebuild.figures.wallSeconds);
        return `| rebuild after ${what}, twice | ${times.map((t) => `${s(t)} (${percentOf(t, r.full)})`).join(", ")} of full | | |`;
      }),
      `| the site after those rebuilds equals a clean build | ${r.rebuildIdentical} | | |`,
      ...("saves" in r.preview
        ? [
            `| preview (\`npm start\`): first start, until the home page is served | ${s(r.preview.startSeconds)} (${percentOf(r.preview.startSeconds, r.full)} of a full build) | | |`,
            ...[...new Set(r.preview.saves.map((save) => save.what))].map((what) => {
              const times = (r.preview as PreviewLatency).saves.filter((save) => save.what === what).map((save) => save.seconds);
              return `| preview: ${what}, saved until its page shows it, twice | ${times.map((t) => `${t.toFixed(2)} s (${percentOf(t, r.full)})`).join(", ")} of a full build | | |`;
            }),
          ]
        : [`| preview (\`npm start\`) | ${r.preview.error} | | |`]),
      `| first search ("${"query" in fs ? fs.query : "?"}"), bytes downloaded | ${describeFirstSearch(fs)} | | |`,
      ...(r.stories > 10000 && tenThousand
        ? [
            `| time against 10,000 stories | ${ratio(r.full.wallSeconds, tenThousand.full.wallSeconds)} the wall time, ${ratio(r.full.cpuSeconds, tenThousand.full.cpuSeconds)} the CPU, for ${r.stories / 10000} × the stories | | |`,
          ]
        : []),
      ...(r.inParts
        ? [
            `| built in parts by separate processes (\`--parts\`: ${r.inParts.parts}, two at a time) | ${s(r.inParts.wallSeconds)}, CPU ${s(r.inParts.cpuSeconds)}, peak ${r.inParts.peakTreeRssMB} MB; equals the one-process build byte for byte: ${r.inParts.identical} | | |`,
          ]
        : []),
      "",
      "bytes" in fs
        ? `First search by kind: ${Object.entries(fs.byKind)
            .map(([kind, k]) => `${kind} ${(k.bytes / 1024).toFixed(1)} KB (${k.requests})`)
            .join(", ")}.`
        : "",
      r.full.timings
        ? `Our build's phases (ms from the start of Eleventy's run to the end of each): ${Object.entries(r.full.timings)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}.`
        : "",
      "",
    ].join("\n");
  });
  const v = versions();
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`) on ${new Date().toISOString().slice(0, 10)}; every ratio below comes from one run on one machine.
Archives come from \`bench/generate.ts\` (seed 1). Hugo builds the same stories converted by
\`bench/hugo/convert.ts\` (not timed) with the layouts in \`bench/hugo/\`: story pages, author, topic,
year, month and day taxonomy pages (paginated by 20) and a home page, without search.

- Machine: ${machine()}
- Versions: ${Object.entries(v)
    .map(([k, val]) => `${k} ${val}`)
    .join(", ")}
- CPU and memory are sampled from /proc every 100 ms over the whole process tree (Node, the
  indexing workers and Pagefind's service binary, Hugo), since \`/usr/bin/time\` misses children that are not reaped.
- Before each measured build, \`sync\` writes what the steps before it wrote to disk, so that no
  build pays for another's writes.
- First search: headless Chromium opens \`/search/?q=…\` on the built site served by
  \`test/support/serve.ts\` (no compression) and the body sizes of every response are summed.

The seed archive (\`articles/\`, 12 stories): first search ("huawei") downloads ${describeFirstSearch(seed)}.
${
  "byKind" in seed
    ? `By kind: ${Object.entries(seed.byKind)
        .map(([kind, k]) => `${kind} ${(k.bytes / 1024).toFixed(1)} KB (${k.requests})`)
        .join(", ")}.`
    : ""
}

${rows.join("\n")}
## How the build spends its time, and what is kept between builds

- The archive model (read, parse, render Markdown, group) is built once; Eleventy renders every
  page model through one paginated template. Front matter in the plain shape that \`npm run new\`
  and the ingest write is read without a YAML parser (\`src/article/plainFrontMatter.ts\`);
  anything else goes to \`yaml\`, whose results that reading equals (a test compares both).
  Pages whose fingerprint (view model + code, config,
  dependencies, settings) matches the published site's are kept instead of rendered.
- Search is indexed from the page models in worker processes while Eleventy renders, by our own
  writer of Pagefind 1.6's files (\`src/search/writePagefindIndex.ts\`): the same files, byte for
  byte once inflated, as Pagefind's indexer writes for the same records (a test compares them on
  the seed, 400 generated stories and awkward text), at about 0.8 CPU-ms a story against
  Pagefind's 2.7. Pagefind itself is asked only which words each distinct token gives (its
  tokenizing and stemming are not copied): one record of every distinct token of a shard, and
  where each word lands says which token gave it; that run also gives Pagefind's scripts and
  WebAssembly. Each shard keeps the words its tokens gave in \`.cache/\`, so indexing it again
  asks Pagefind only about tokens new to it. Text the writer cannot vouch for (Pagefind's own
  instructions in a story, a story whose text gives no word, a numeric sort) is indexed by
  Pagefind's indexer instead. Shards of at most 1,000 stories
  (\`src/search/searchShards.ts\`): the newest year alone, older years grouped oldest first, a
  year of more split into runs of months (the newest month alone) and a month of more into runs
  of days, so editing an old story indexes a thousand stories again; the search page prints a
  catalogue of them (names, stories) and searches them in turn, newest first (oldest first for
  that order), merging older ones (\`mergeIndex\`, each given a filter naming its shard, which
  narrows each search to one shard) only when a search reaches them: to fill its first ten
  results, on "Show more", or for a year filter (that year's shards). An unchanged shard is taken from
  \`.cache/\` by fingerprint. Shards reach the workers as a queue of files
  (\`src/search/shardQueue.ts\`) that they claim in turn and answer beside, so a worker goes from
  shard to shard while Eleventy's rendering keeps the build's event loop busy. Above 50,000
  stories one worker indexes until rendering ends and the second joins then, so that Eleventy's
  rendering (the longest path of the build) keeps a core to itself.
- A first search downloads the newest shard's metadata (about ten bytes a story, mostly Pagefind's
  page hashes) and the WebAssembly: those files are gzipped again with Zopfli in the workers
  (\`src/search/compressFirstSearchFiles.ts\`), the same bytes once inflated, the metadata a
  fifth smaller; the WebAssembly is compressed once per Pagefind version and kept beside the installed packages (\`node_modules/.cache/news-archive/\`), which a clean build keeps, as it keeps the bundle.
- \`npm run build\` runs a bundle of our TypeScript made by esbuild (\`src/cli/run.mjs\`, made again
  only when a source changes) with plain Node, in the build and in every process it forks: tsx's
  loader cost about half a second of start-up in each. The story files are read in a thread
  while the build loads its code (Eleventy alone takes half a second), straight into a few
  large buffers handed over whole. Eleventy's input folder is \`layouts/\`, so that it does not walk the story files
  looking for templates.
- A rebuild takes each unchanged story file from the cache as it was read and checked (front
  matter, dates with their zone offsets, rendered body), found by a hash of its bytes; the cache
  is kept one file per year folder, so adding a story rewrites one year's file, and a body's HTML
  is read from it only when the story's page is rendered again. It fingerprints
  the stories first so that the new year's search shard starts sooner. It publishes in place:
  the changed pages and search files are written to a staging folder, checked, then moved into
  the published site, and the files of pages that went are deleted, after a list of both is
  written so that a publish cut short is finished by the next build. Linking every unchanged file
  into a new folder instead (34,600 files and 23,800 folders at 10,000 stories) cost 1.3–2.7 s on
  this disk. A thread lists the published site's files meanwhile, once the stories are read: a
  kept file deleted by hand is rendered again, and whatever the build neither keeps nor writes
  (a file or folder put there by hand, even where a new page goes) is deleted, as a clean build
  would not have it. Listing the site's 23,800 folders cost the rebuild about 0.1 s more than
  checking each kept file did.
- A page's fingerprint hashes what it is made of rather than its model: a story page's, its
  story's key (a hash of its file and path) and those of the stories it lists and links to, and
  its topics' spellings; an index page's or a feed's, the page as the same function makes it with
  each story it lists given by its key (\`LazyOutput\` in \`src/pages/pageModels.ts\`). A rebuild
  makes the models of the pages it renders only, and decodes the text of those stories only. A
  test edits stories in the ways that change other pages and checks that every page whose
  content changed got a new fingerprint. A clean build works the fingerprints out (for the next
  build) after rendering, while the search index is finishing, and saves the parsed stories then.
- Where the targets stand: this machine's speed moves by half from hour to hour, and by a
  third within minutes (its disk, and its CPU: the same builds took 40 % more CPU time in one
  hour than in another, Hugo's as ours; and memory touched for the first time is slow on it,
  about 4.6 ms a MB). Over the bench runs of 2026-11-28 and 29, at 10,000 stories, Hugo took
  10.8–23.3 s and our full build 17.7–27.1 s: 1.07–1.75 × in one measurement or another. The
  runs of 2026-11-29 that measured each twice, within three minutes, found 1.24 × then 1.75 ×,
  1.26 × then 1.59 ×, 1.35 × then 1.51 ×, 1.16 × then 1.42 × and 1.38 × then 1.07 × (Hugo
  15.3 s, then 19.9 s on the same stories). Since the front matter is read without a YAML
  parser (the last three), one measurement of six passed 1.5 ×, 1.51 ×, with search records
  made text in the indexing processes (since reverted). Since that revert (the last run above),
  every measurement has met it: the code measured here, twice more, 1.43 × then 1.41 × (a
  10,000-story run), 1.20 × then 1.36 × in this run (Hugo 21.9 s, then 16.0 s), and 1.39 × then
  1.19 × in a 10,000-story run after it (ours 24.1 s twice; Hugo 17.4 s, then 20.3 s).
  Both cores are busy from the build's start to its end (its CPU time is nearly twice its wall
  time), so only less CPU work shortens it: work moved to a second
  thread was not (reading stories in the thread that reads the files: the same time, 2.5–4 s
  more CPU). Reading front matter without a YAML parser took 1.3 s of CPU from a 10,000-story
  build and the model of 100,000 stories from 47 s to 28–31 s. The build waits last for its
  largest search shard (one worker, sharing a core with Eleventy's garbage collector). Since
  pages are fingerprinted from their inputs, a rebuild took 19–25 % of the full build at 10,000
  stories in that day's runs (5.8 s of 26.4 s in this one, 22 %; 5.7 s of 24.1 s, 24 %, in the
  run after it) and 14–18 % at 100,000; before,
  23–28 % and 24 %. The 100,000-story build took 7.9–10.5 × the 10,000-story one in those runs
  (7.9 × in this one, 1.35 × Hugo; 1.11 × in the run before). Since the parsed stories are saved while the search index
  finishes, the 100,000-story build no longer waits 8.7 s for them before planning its pages.
  A rebuild still reads every story file, restores every story from the cache (its rendered
  HTML only for the pages it renders) and builds every index page's inputs (about 2 s of
  single-threaded work at 10,000 stories in memory, a third of it garbage collection).
  What was tried, kept and dropped, with figures: \`bench/experiments/README.md\`.

## Beyond one machine

A part (a run of years of about 10,000 stories, the newest year alone, with their search shards; \`src/build/siteParts.ts\`) is self-contained: its story pages, its day/month/year pages and its
search index need the text of its own stories only, and of other years' stories only facts
(title, date, address, bylines, topics, links): those its stories link to, those linking to them
(backlinks) and those sharing their topics (related stories). So the build of the whole site
reads every story once, keeps the stories as parsed in its cache (a file per year) and writes a
listing of every story: its file, its key in that cache and its year
(\`src/build/storyListing.ts\`). A part given the listing and the cache reads the story files of
its own years only, and takes every other story's facts from the cache. The common part (home,
authors, topics, search, feeds, sitemaps) prints stories of every year, their text in its feeds,
so it reads them all. Millions of stories thus build as N independent jobs (processes or CI
runners), each given its years' story files, the listing and the cache and writing \`<year>/\`
and its \`pagefind/shards/<name>/\`, plus one job for the pages spanning years; assembling them is
copying folders side by side, which any static host or CDN serves.
Implemented and measured here (\`npm run build -- --parts\`, \`src/build/buildSiteInParts.ts\`): the
archive is read and listed, then each part's run of years (its story, day, month and
year pages and its search shards) and the common part are built by separate processes, each with
its own Eleventy and search indexing, two at a time; their folders are moved side by side, the
assembled site is checked (every story exactly once, listed and indexed) and published
atomically. It equals the one-process build byte for byte (checked above and by a test), and
each story file is read by the part of its year alone (and by the common part). A test builds a
part from a folder holding only its years' story files, with the listing and the cache, and
finds its pages equal to the whole site's. The three steps are also commands, for CI jobs on
machines of their own: \`--list-parts\` (reads and lists the archive, prints the parts),
\`--part NAME\` (one job a part, given the listing, the cache and its years' story files) and
\`--assemble\` (moves the parts' folders side by side, checks, publishes); a test runs them so,
each in a folder of its own, and gets the one-process site byte for byte. On one 2-core machine
it is slower than one process: the archive is read once before the parts, and every process
loads Eleventy and the listing.
`;
}

if (values.images) {
  try {
    await runImageBench(Number(values.count ?? DEFAULT_IMAGES));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} else {
  const results: SizeFigures[] = [];
  let seed: FirstSearch = { error: "not measured" };
  let huge: HugeFigures | undefined;
  try {
    if (values.huge) huge = await benchHuge(hugeStories);
    else seed = await seedFirstSearch();
    for (const size of sizes) results.push(await benchSize(size));
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
  const readmeFile = path.join(repo, "bench/README.md");
  // A --huge run alone keeps the figures of every other size; with --sizes, those are written anew.
  let text = huge && results.length === 0 ? readFileSync(readmeFile, "utf8") : readme(results, seed);
  if (huge) text = withHugeSection(text, hugeSection(huge));
  if (!values["no-readme"]) writeFileSync(readmeFile, text);
  console.log(huge && results.length === 0 ? hugeSection(huge) : text);
}
