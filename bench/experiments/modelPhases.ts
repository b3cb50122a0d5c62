// Experiment: times our own phases (read, buildArchive, buildPages, render) on one archive.
// node --import tsx [--cpu-prof] bench/experiments/modelPhases.ts [DIR]
// CPU ms of this process (user + system): steadier than wall time on a shared machine.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { buildPages } from "../../src/pages/buildPages.ts";
import { site } from "../../src/site.ts";
import { renderOutput } from "../../layouts/renderPage.ts";
const renderPage = (page: Parameters<typeof renderOutput>[0], site: import("../../src/site.ts").SiteSettings) =>
  renderOutput(page, { site, absolute: (sitePath) => sitePath, prefixed: (sitePath) => sitePath }) as string;
const t0 = cpu();
const sources = await readStoryFiles(process.argv[2] ?? "/tmp/gen10k");
const t1 = cpu();
const { archive } = buildArchive(sources, { timeZone: site.timeZone, includeDrafts: false });
const t2 = cpu();
const built = buildPages(archive, site);
const pages = [...built.indexPages.map((page) => page.model()), ...archive.stories.map(built.storyPage)];
const t3 = cpu();
let bytes = 0;
for (const p of pages) bytes += renderPage(p, site).length;
const t4 = cpu();
console.log(
  JSON.stringify({
    cpuMs: { read: Math.round(t1 - t0), buildArchive: Math.round(t2 - t1), buildPages: Math.round(t3 - t2), render: Math.round(t4 - t3) },
    pages: pages.length,
    bytes,
  }),
);
