import type { StoryDate } from "./dates.ts";

/**
 * The archive's URL scheme, in one place. Every URL is site-relative and starts with "/";
 * Eleventy's base plugin adds the path prefix when the site is hosted under a sub-path.
 */
const pad = (value: number) => String(value).padStart(2, "0");

export const urls = {
  home: "/",
  search: "/search/",
  archive: "/archive/",
  authors: "/authors/",
  topics: "/topics/",
  feed: "/feed.xml",
  corrections: "/corrections/",
  correctionsFeed: "/corrections/feed.xml",
  story: (date: StoryDate, slug: string) => `/${date.local.year}/${pad(date.local.month)}/${pad(date.local.day)}/${slug}/`,
  year: (year: number) => `/${year}/`,
  month: (year: number, month: number) => `/${year}/${pad(month)}/`,
  day: (year: number, month: number, day: number) => `/${year}/${pad(month)}/${pad(day)}/`,
  author: (slug: string) => `/authors/${slug}/`,
  authorYear: (slug: string, year: number) => `/authors/${slug}/${year}/`,
  authorFeed: (slug: string) => `/authors/${slug}/feed.xml`,
  topic: (slug: string) => `/topics/${slug}/`,
  topicYear: (slug: string, year: number) => `/topics/${slug}/${year}/`,
  topicFeed: (slug: string) => `/topics/${slug}/feed.xml`,
};

/** An absolute URL for feeds, canonical links and sitemaps: base URL + path prefix + site path. */
export function absoluteUrl(baseUrl: string, pathPrefix: string, sitePath: string): string {
  return baseUrl.replace(/\/+$/, "") + prefixedPath(pathPrefix, sitePath);
}

/** The path a site path is served at under the path prefix: "/news/" and "/2018/" give "/news/2018/". */
export function prefixedPath(pathPrefix: string, sitePath: string): string {
  const prefix = ("/" + pathPrefix.replace(/^\/+|\/+$/g, "") + "/").replace(/^\/\/$/, "/");
  return prefix + sitePath.replace(/^\/+/, "");
}
