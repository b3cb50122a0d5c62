import type { NewsSitemapModel, RobotsModel, SitemapIndexModel, SitemapModel } from "../src/pages/pageModels.ts";
import { html } from "./html.ts";
import type { RenderContext } from "./renderContext.ts";

export function renderSitemap(sitemap: SitemapModel, context: RenderContext): string {
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemap.entries.map(
  (
    entry,
  ) => html`<url><loc>${context.absolute(entry.url)}</loc>${entry.lastModified ? html`<lastmod>${entry.lastModified}</lastmod>` : ""}</url>
`,
)}</urlset>
`.value;
}

export function renderSitemapIndex(index: SitemapIndexModel, context: RenderContext): string {
  return html`<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${index.sitemaps.map(
  (url) => html`<sitemap><loc>${context.absolute(url)}</loc></sitemap>
`,
)}</sitemapindex>
`.value;
}

export function renderRobots(robots: RobotsModel, context: RenderContext): string {
  return `User-agent: *\nAllow: /\n\n${robots.sitemapUrls.map((url) => `Sitemap: ${context.absolute(url)}\n`).join("")}`;
}

export function renderNewsSitemap(sitemap: NewsSitemapModel, context: RenderContext): string {
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${sitemap.entries.map(
  (
    entry,
  ) => html`<url><loc>${context.absolute(entry.url)}</loc><news:news><news:publication><news:name>${entry.publicationName}</news:name><news:language>${entry.language}</news:language></news:publication><news:publication_date>${entry.published}</news:publication_date><news:title>${entry.title}</news:title></news:news></url>
`,
)}</urlset>
`.value;
}
