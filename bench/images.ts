/**
 * Story images (issue 20): images per second on a clean build, and how many a warm build (a
 * rebuild, then a clean build after the site folder is deleted, the cache kept) processes
 * again, which must be none. Prints its figures as JSON; bench/README.md is the lead's to write.
 *
 *   npm run bench -- --images [--count 200]
 *   npm run bench:images -- [--count 200]
 *
 * The photos are made here by sharp at run time (never committed): a story a day, each with a
 * photo in its body, and every other story a lead photo besides (whose thumbnail and link
 * preview crops are made too), at the sizes newsroom cameras and phones export them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildSite } from "../src/build/buildSite.ts";
import { photo } from "../test/support/storyWithImages.ts";

export const DEFAULT_IMAGES = 200;

/** Width × height of the photos, taken in turn: a camera's 12 MP, its 6 MP export, a phone's, web exports. */
const SIZES = [
  [4000, 3000],
  [3000, 2000],
  [2048, 1536],
  [1600, 1067],
  [1200, 800],
  [800, 600],
] as const;

interface BuildFigures {
  wallSeconds: number;
  /** This process's CPU time (every thread of it), steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** The build's images phase alone (src/build/loadSite.ts marks it), from its phase timings. */
  imagesPhaseSeconds: number;
  imagesProcessed: number;
}

export interface ImageFigures {
  images: number;
  stories: number;
  sourceMegapixels: number;
  cleanBuild: BuildFigures & { imagesPerSecond: number; imagesPerCpuSecond: number };
  rebuild: BuildFigures;
  cleanBuildWithCacheKept: BuildFigures;
}

/** Writes `count` photos into an archive of stories, builds it three times, and returns the figures. */
export async function benchImages({ count }: { count: number }): Promise<ImageFigures> {
  const root = mkdtempSync(path.join(tmpdir(), "news-archive-bench-images-"));
  const articles = path.join(root, "articles");
  const output = path.join(root, "site");
  const cacheDir = path.join(root, "cache");
  const timingsFile = path.join(root, "timings.json");
  try {
    let images = 0;
    let pixels = 0;
    let stories = 0;
    const nextPhoto = async (folder: string, name: string) => {
      const [width, height] = SIZES[images % SIZES.length];
      writeFileSync(path.join(folder, name), await photo(width, height, images));
      images++;
      pixels += width * height;
      return name;
    };
    while (images < count) {
      const month = String(Math.floor(stories / 28) + 1).padStart(2, "0");
      const day = String((stories % 28) + 1).padStart(2, "0");
      const year = 2024 + Math.floor(stories / (28 * 12));
      const folder = path.join(articles, String(year), month);
      mkdirSync(folder, { recursive: true });
      const body = await nextPhoto(folder, `photo-${stories}.jpg`);
      const lead = stories % 2 === 0 && images < count ? await nextPhoto(folder, `lead-${stories}.jpg`) : undefined;
      writeFileSync(
        path.join(folder, `story-${stories}.md`),
        [
          "---",
          `title: "Bench Story ${stories}"`,
          `date: ${year}-${month}-${day}`,
          "byline: [Bench Reporter]",
          ...(lead ? ["image:", `  src: ${lead}`, `  alt: "Lead photo of bench story ${stories}"`] : []),
          "---",
          `The harbour office published its figures for the week on ${day} ${month}.`,
          "",
          `![Photo ${stories} of the quay](${body})`,
          "",
        ].join("\n"),
      );
      stories++;
    }
    const timed = async (): Promise<BuildFigures> => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const { imagesProcessed } = await buildSite({ input: articles, output, cacheDir, timingsFile });
      const used = process.cpuUsage(cpu);
      const marks = JSON.parse(readFileSync(timingsFile, "utf8")) as Record<string, number>;
      return {
        wallSeconds: round((performance.now() - started) / 1000),
        cpuSeconds: round((used.user + used.system) / 1e6),
        imagesPhaseSeconds: round((marks.images - marks.buildArchive) / 1000),
        imagesProcessed: imagesProcessed ?? 0,
      };
    };
    const clean = await timed();
    const rebuild = await timed();
    rmSync(output, { recursive: true, force: true });
    const cleanBuildWithCacheKept = await timed();
    return {
      images,
      stories,
      sourceMegapixels: round(pixels / 1e6),
      cleanBuild: {
        ...clean,
        imagesPerSecond: round(clean.imagesProcessed / clean.imagesPhaseSeconds),
        imagesPerCpuSecond: round(clean.imagesProcessed / clean.cpuSeconds),
      },
      rebuild,
      cleanBuildWithCacheKept,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Prints the figures, and fails when a warm build processed any image again. */
export async function runImageBench(count: number): Promise<void> {
  const figures = await benchImages({ count });
  console.log(JSON.stringify(figures, null, 2));
  const reprocessed = figures.rebuild.imagesProcessed + figures.cleanBuildWithCacheKept.imagesProcessed;
  if (reprocessed > 0) {
    console.error(`a warm build processed ${reprocessed} image(s) again: the image cache is not used`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { count: { type: "string" } } });
  await runImageBench(Number(values.count ?? DEFAULT_IMAGES));
}
