/**
 * Experiment: what Eleventy itself costs per page of our one paginated template, without search.
 *
 *   node --import tsx [--cpu-prof] bench/experiments/eleventyOverhead.ts --input /tmp/gen10k --output /tmp/exp-out \
 *        [--variant global|templateData|stories] [--dry-run] [--setUseTemplateCache false]
 *
 * global: the product's wiring (global data `archivePages`, paginated size 1);
 * templateData: the page models given as the template's own data instead of global data;
 * stories: only the 10,000 story pages.
 */
import Eleventy from "@11ty/eleventy";
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadSite } from "../../src/build/loadSite.ts";
import type { Page } from "../../src/pages/pageModels.ts";
import { site } from "../../src/site.ts";
import { renderOutput } from "../../layouts/renderPage.ts";
const renderPage = (page: Parameters<typeof renderOutput>[0], site: import("../../src/site.ts").SiteSettings) =>
  renderOutput(page, { site, absolute: (sitePath) => sitePath, prefixed: (sitePath) => sitePath }) as string;

const { values } = parseArgs({
  options: {
    input: { type: "string" },
    output: { type: "string" },
    variant: { type: "string", default: "global" },
    "dry-run": { type: "boolean", default: false },
    "template-cache": { type: "string", default: "default" },
  },
});
const t0 = performance.now();
const loaded = await loadSite(values.input!, site, false);
const pages: Page[] = values.variant === "stories" ? loaded.pages.filter((p) => p.kind === "story") : loaded.pages;
const t1 = performance.now();
await rm(values.output!, { recursive: true, force: true });

const eleventy = new Eleventy(values.input!, values.output!, {
  quietMode: true,
  config(eleventyConfig: any) {
    eleventyConfig.setTemplateFormats(["11ty.js"]);
    if (values["template-cache"] !== "default") eleventyConfig.setUseTemplateCache(values["template-cache"] === "true");
    if (values.variant !== "templateData") eleventyConfig.addGlobalData("archivePages", () => pages);
    eleventyConfig.addTemplate(
      "archive-pages.11ty.js",
      {
        data: {
          ...(values.variant === "templateData" ? { archivePages: pages } : {}),
          pagination: { data: "archivePages", size: 1, alias: "view" },
          permalink: (data: { view: Page }) => data.view.url,
          eleventyExcludeFromCollections: true,
        },
        render: (data: { view: Page }) => renderPage(data.view, site),
      },
      {},
    );
  },
});
eleventy.disableLogger();
if (values["dry-run"]) eleventy.setDryRun(true);
const results = (await eleventy.write()) as unknown as unknown[];
const t2 = performance.now();
console.log(
  JSON.stringify({
    variant: values.variant,
    dryRun: values["dry-run"],
    templateCache: values["template-cache"],
    pages: pages.length,
    written: results.length,
    modelMs: Math.round(t1 - t0),
    eleventyMs: Math.round(t2 - t1),
    perPageMs: +((t2 - t1) / pages.length).toFixed(3),
  }),
);
