import type { Archive } from "../archive/buildArchive.ts";
import { isoMoment } from "../dates.ts";
import type { SiteSettings } from "../site.ts";
import type { NewsSitemapModel } from "./pageModels.ts";

/** Google News reads at most this many addresses from one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1_000;

/** Where the news sitemap is: beside `/sitemap.xml`, and named in robots.txt. */
export const NEWS_SITEMAP_URL = "/sitemap-news.xml";

/**
 * The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the stories of the archive's newest two days, its newest story's day and the day before, in the
 * site's zone. Dated by the archive itself, not the build's clock, so two builds write the same file.
 */
export function buildNewsSitemap(archive: Archive, site: SiteSettings): NewsSitemapModel {
  const newest = archive.stories[0]?.date.local.startOf("day");
  const firstDay = newest?.minus({ days: 1 });
  const stories = firstDay === undefined ? [] : archive.stories.filter((story) => story.date.local.startOf("day") >= firstDay);
  return {
    kind: "newsSitemap",
    url: NEWS_SITEMAP_URL,
    entries: stories.slice(0, NEWS_SITEMAP_LIMIT).map((story) => ({
      url: story.url,
      publicationName: site.title,
      language: site.language,
      published: isoMoment(story.date),
      title: story.title,
    })),
  };
}
