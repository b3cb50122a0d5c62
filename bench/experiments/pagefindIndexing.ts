/**
 * Experiment (not part of the product): how Pagefind's Node API spends its time on our story pages.
 *
 *   node --import tsx bench/experiments/pagefindIndexing.ts dump --input /tmp/gen10k --out /tmp/pf/pages.json
 *   node --import tsx bench/experiments/pagefindIndexing.ts run --pages /tmp/pf/pages.json --out /tmp/pf/html \
 *        [--mode html|custom] [--batch 64] [--max-fragments N] [--shards none|year|5year] [--procs 2]
 *
 * `dump` builds the archive and renders every story page once; `run` indexes them and prints
 * phase timings as JSON (add = addHTMLFile/addCustomRecord calls, write = writeFiles).
 */
import { execFileSync, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import * as pagefind from "pagefind";
import { loadSite } from "../../src/build/loadSite.ts";
import type { StoryPage } from "../../src/pages/pageModels.ts";
import { site } from "../../src/site.ts";
import { renderOutput } from "../../layouts/renderPage.ts";
const renderPage = (page: Parameters<typeof renderOutput>[0], site: import("../../src/site.ts").SiteSettings) =>
  renderOutput(page, { site, absolute: (sitePath) => sitePath, prefixed: (sitePath) => sitePath }) as string;

interface DumpedPage {
  url: string;
  html: string;
  year: number;
  record: { content: string; meta: Record<string, string>; filters: Record<string, string[]>; sort: Record<string, string> };
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const plain = (htmlText: string) =>
  decode(htmlText.replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

function customRecord(page: StoryPage): DumpedPage["record"] {
  const bylines = page.bylines.map((b) => b.name);
  const content = [
    page.publication,
    page.headline,
    bylines.length ? `By ${bylines.join(", ")}` : "Byline unknown",
    page.date.label,
    page.topics.map((t) => t.name).join(" "),
    page.bodyHtml ? plain(page.bodyHtml) : "We hold only the facts of this story, not its text.",
  ]
    .filter(Boolean)
    .join(". ");
  const meta: Record<string, string> = {
    title: page.headline,
    date: page.date.datetime,
    byline: bylines.join(", "),
    dated: page.date.label + (page.date.inferred ? " (date inferred)" : ""),
  };
  if (page.publication) meta.publication = page.publication;
  return {
    content,
    meta,
    filters: { author: bylines, topic: page.topics.map((t) => t.name), year: [String(page.year)] },
    sort: { date: page.date.datetime },
  };
}

/** CPU seconds and peak RSS (MB) of the Pagefind service binaries this process started (read before close()). */
function pagefindBinaryUsage(): { cpuS: number; peakMB: number } {
  let cpuS = 0;
  let peakMB = 0;
  const pids = execFileSync("ps", ["--ppid", String(process.pid), "-o", "pid=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .filter((line) => /pagefind/.test(line))
    .map((line) => line.trim().split(/\s+/)[0]);
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    cpuS += (Number(stat[11]) + Number(stat[12])) / 100;
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    peakMB = Math.max(peakMB, Math.round(Number(hwm?.[1] ?? 0) / 1024));
  }
  return { cpuS, peakMB };
}

async function dump(input: string, out: string) {
  const loaded = await loadSite(input, site, false);
  const pages: DumpedPage[] = loaded.pages
    .filter((page): page is StoryPage => page.kind === "story")
    .map((page) => ({ url: page.url, html: renderPage(page, site), year: page.year, record: customRecord(page) }));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(pages));
  console.log(`${pages.length} story pages dumped to ${out}`);
}

interface RunOptions {
  mode: "html" | "custom";
  batch: number;
  maxFragments?: number;
}

async function indexShard(pages: DumpedPage[], out: string, options: RunOptions) {
  const t0 = performance.now();
  const created = await pagefind.createIndex({
    forceLanguage: "en",
    ...(options.maxFragments ? { maxFragments: options.maxFragments } : {}),
  });
  if (!created.index) throw new Error(created.errors.join("\n"));
  const index = created.index;
  let count = 0;
  for (let start = 0; start < pages.length; start += options.batch) {
    const added = await Promise.all(
      pages
        .slice(start, start + options.batch)
        .map((page) =>
          options.mode === "html"
            ? index.addHTMLFile({ url: page.url, content: page.html })
            : index.addCustomRecord({ url: page.url, language: "en", ...page.record }),
        ),
    );
    for (const result of added) {
      if (result.errors.length) throw new Error(result.errors.join("\n"));
      count++;
    }
  }
  const t1 = performance.now();
  await rm(out, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join("\n"));
  const t2 = performance.now();
  await index.deleteIndex();
  return { pages: count, addMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1), ...pagefindBinaryUsage() };
}

function shardKey(year: number, shards: string): string {
  if (shards === "year") return String(year);
  if (shards === "5year") return `${year - (year % 5)}`;
  return "all";
}

async function run(values: Record<string, string | undefined>) {
  const t0 = performance.now();
  const pages: DumpedPage[] = JSON.parse(await readFile(values.pages!, "utf8"));
  const options: RunOptions = {
    mode: (values.mode ?? "html") as RunOptions["mode"],
    batch: Number(values.batch ?? 64),
    maxFragments: values["max-fragments"] ? Number(values["max-fragments"]) : undefined,
  };
  const shards = values.shards ?? "none";
  const procs = Number(values.procs ?? 1);
  const groups = new Map<string, DumpedPage[]>();
  for (const page of pages) {
    const key = shardKey(page.year, shards);
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  const tLoad = performance.now();
  const keys = [...groups.keys()].sort();
  const results: Record<string, unknown> = {};
  if (procs <= 1) {
    for (const key of keys) results[key] = await indexShard(groups.get(key)!, path.join(values.out!, key === "all" ? "" : key), options);
  } else {
    // Each worker process gets its own Pagefind service binary (real parallelism on several cores)
    // and indexes its share of the shards one after another, balanced by page count.
    const shares: string[][] = Array.from({ length: procs }, () => []);
    const load = new Array(procs).fill(0);
    for (const key of [...keys].sort((a, b) => groups.get(b)!.length - groups.get(a)!.length)) {
      const least = load.indexOf(Math.min(...load));
      shares[least].push(key);
      load[least] += groups.get(key)!.length;
    }
    await Promise.all(
      shares.map(async (share) => {
        const child = fork(
          process.argv[1],
          [
            "shard",
            "--pages",
            values.pages!,
            "--key",
            share.join(","),
            "--shards",
            shards,
            "--out",
            values.out!,
            "--mode",
            options.mode,
            "--batch",
            String(options.batch),
            ...(options.maxFragments ? ["--max-fragments", String(options.maxFragments)] : []),
          ],
          { execArgv: ["--import", "tsx"] },
        );
        const childResults = await new Promise<Record<string, unknown>>((resolve, reject) => {
          child.on("message", (message) => resolve(message as Record<string, unknown>));
          child.on("exit", (code) => (code ? reject(new Error(`shards ${share} exited ${code}`)) : undefined));
        });
        Object.assign(results, childResults);
      }),
    );
  }
  const tEnd = performance.now();
  await pagefind.close();
  console.log(
    JSON.stringify({
      mode: options.mode,
      batch: options.batch,
      maxFragments: options.maxFragments,
      shards,
      procs,
      loadMs: Math.round(tLoad - t0),
      indexMs: Math.round(tEnd - tLoad),
      shardCount: keys.length,
      results,
    }),
  );
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: Object.fromEntries(
    ["input", "out", "pages", "mode", "batch", "max-fragments", "shards", "procs", "key"].map((k) => [k, { type: "string" as const }]),
  ),
});
if (positionals[0] === "dump") await dump(values.input!, values.out!);
else if (positionals[0] === "run") await run(values);
else if (positionals[0] === "shard") {
  const pages: DumpedPage[] = JSON.parse(await readFile(values.pages!, "utf8"));
  const results: Record<string, unknown> = {};
  for (const key of values.key!.split(",")) {
    const mine = pages.filter((page) => shardKey(page.year, values.shards!) === key);
    results[key] = await indexShard(mine, path.join(values.out!, key), {
      mode: values.mode as RunOptions["mode"],
      batch: Number(values.batch),
      maxFragments: values["max-fragments"] ? Number(values["max-fragments"]) : undefined,
    });
  }
  results[`usage:${values.key!.split(",")[0]}`] = pagefindBinaryUsage();
  await pagefind.close();
  process.send!(results);
}
