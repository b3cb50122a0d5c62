/**
 * Story images (issue 20): images per second on a clean build, and how many a warm build (a
 * rebuild, then a clean build after the site folder is deleted, the cache kept) processes again.
 * Not part of `npm run bench` yet: run it alone, on an otherwise idle machine.
 *
 *   node --import tsx bench/images.ts [-- images]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildSite } from "../src/build/buildSite.ts";
import { photo } from "../test/support/storyWithImages.ts";

const count = Number(process.argv[2] ?? 40);
const root = mkdtempSync(path.join(tmpdir(), "news-archive-bench-images-"));
const articles = path.join(root, "articles");
const output = path.join(root, "site");
const cacheDir = path.join(root, "cache");
try {
  // One story a day, each with one photo of its own, 1,600 × 1,067 as a newsroom's camera exports them.
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, "0");
    const folder = path.join(articles, "2024", String(Math.floor(index / 28) + 1).padStart(2, "0"));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `photo-${index}.jpg`), await photo(1600, 1067, index));
    writeFileSync(
      path.join(folder, `story-${index}.md`),
      `---\ntitle: "Bench Story ${index}"\ndate: 2024-${path.basename(folder)}-${day}\n---\nA paragraph.\n\n![Photo ${index}](photo-${index}.jpg)\n`,
    );
  }
  const timed = async () => {
    const started = performance.now();
    const { imagesProcessed } = await buildSite({ input: articles, output, cacheDir });
    return { seconds: (performance.now() - started) / 1000, imagesProcessed: imagesProcessed ?? 0 };
  };
  const clean = await timed();
  const rebuild = await timed();
  rmSync(output, { recursive: true, force: true });
  const cleanWithCache = await timed();
  console.log(
    JSON.stringify(
      {
        images: count,
        cleanBuild: { ...clean, imagesPerSecond: Math.round((clean.imagesProcessed / clean.seconds) * 10) / 10 },
        rebuild,
        cleanBuildWithCacheKept: cleanWithCache,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
