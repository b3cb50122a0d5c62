import { NEWS_SITEMAP_URL } from "./buildNewsSitemap.ts";
import type { RobotsModel, SitemapIndexModel, SitemapModel } from "./pageModels.ts";

/** The sitemap protocol's limit of addresses in one file. */
export const SITEMAP_LIMIT = 50_000;

/**
 * `/sitemap.xml` lists every page (`entries`, the 404 page left out: it is not a page to be
 * found); past 50,000 pages it becomes an index of numbered parts, as the sitemap protocol requires.
 */
export function buildSitemaps(entries: SitemapModel["entries"]): (SitemapModel | SitemapIndexModel | RobotsModel)[] {
  const robots: RobotsModel = { kind: "robots", url: "/robots.txt", sitemapUrls: ["/sitemap.xml", NEWS_SITEMAP_URL] };
  if (entries.length <= SITEMAP_LIMIT) return [{ kind: "sitemap", url: "/sitemap.xml", entries }, robots];
  const parts: SitemapModel[] = [];
  for (let start = 0; start < entries.length; start += SITEMAP_LIMIT) {
    parts.push({ kind: "sitemap", url: `/sitemaps/${parts.length + 1}.xml`, entries: entries.slice(start, start + SITEMAP_LIMIT) });
  }
  return [{ kind: "sitemapIndex", url: "/sitemap.xml", sitemaps: parts.map((part) => part.url) }, ...parts, robots];
}
