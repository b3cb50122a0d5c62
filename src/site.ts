/**
 * Site settings: the one typed place for what differs between newsrooms.
 * Every date shown or grouped goes through `timeZone`; every absolute URL starts with `baseUrl`.
 */
export interface SiteSettings {
  /** The archive's name, shown in every page's header and title. */
  title: string;
  /** One sentence that says what the archive holds. */
  description: string;
  /** Where the site is served, without the path prefix: absolute links (feeds, canonical, sitemap) start here. */
  baseUrl: string;
  /** BCP 47 language of the pages. */
  language: string;
  /** IANA zone in which a story's day is decided: a story at 23:30 local time belongs to that local day. */
  timeZone: string;
  /** Stories listed on the home page and at the head of an author's or topic's page. */
  latestCount: number;
}

export const site: SiteSettings = {
  title: "News Archive",
  description: "A searchable archive of telecoms industry news stories, with their cross-references.",
  baseUrl: process.env.SITE_BASE_URL ?? "https://archive.example.com",
  language: "en",
  timeZone: process.env.SITE_TIME_ZONE ?? "America/New_York",
  latestCount: 20,
};
