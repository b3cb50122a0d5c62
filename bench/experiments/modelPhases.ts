// Experiment: times our own phases (read, buildArchive, buildPages, render) on one archive.
// node --import tsx [--cpu-prof] bench/experiments/modelPhases.ts [DIR]
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { buildPages } from "../../src/pages/buildPages.ts";
import { site } from "../../src/site.ts";
import { renderPage } from "../../layouts/renderPage.ts";
const t0 = performance.now();
const sources = await readStoryFiles(process.argv[2] ?? "/tmp/gen10k");
const t1 = performance.now();
const { archive } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts: false });
const t2 = performance.now();
const pages = buildPages(archive, site);
const t3 = performance.now();
let bytes = 0; for (const p of pages) bytes += renderPage(p, site).length;
const t4 = performance.now();
console.log(JSON.stringify({ read: t1 - t0, buildArchive: t2 - t1, buildPages: t3 - t2, render: t4 - t3, pages: pages.length, bytes }));
