import type { LeadImageView, SharedImage, Thumbnail } from "../images/storyImages.ts";
import type { StoryFacts } from "../archive/story.ts";

/**
 * What each page prints, as plain data: layouts receive exactly this and decide nothing.
 * Being plain data also lets a page be fingerprinted to know whether it changed between builds.
 */

export interface DateView {
  /** "23 November 2018" */
  label: string;
  /** For `<time datetime>`: "2018-11-23" or a full ISO moment. */
  datetime: string;
  inferred: boolean;
}

export interface NamedLink {
  name: string;
  url: string;
}

export interface CountedLink extends NamedLink {
  count: number;
}

export interface BylineView extends NamedLink {
  role?: string;
}

/** One story in a list: enough to recognise it and decide to open it. */
export interface StoryListItem {
  title: string;
  url: string;
  date: DateView;
  bylines: string[];
  publication?: string;
  referenceOnly: boolean;
  /** The story's lead image, small (issue 20); absent without one, or when it is another site's. */
  thumbnail?: Thumbnail;
}

/**
 * Pages and feeds that list stories are generic in how each story is shown (`Item`): the
 * layouts get list items; a build's page cache gets, from the same code, each story's key
 * (see LazyOutput).
 */
export interface StoryListSection<Item = StoryListItem> {
  heading?: string;
  headingUrl?: string;
  stories: Item[];
}

interface PageBase {
  url: string;
  /** The document title, without the site name. */
  title: string;
  /** The meta description. */
  description: string;
  /** From the home page down to this page's parent. */
  breadcrumbs: NamedLink[];
  /** Feeds of this page's stories, advertised with `<link rel="alternate">`. */
  feeds: NamedLink[];
  /** Newest date among the page's stories (ISO day), for the sitemap. */
  lastModified?: string;
}

export interface StoryPage extends PageBase {
  kind: "story";
  sourcePath: string;
  /**
   * Every declared field of the story as the archive settled it (see StoryFacts), for a layout to
   * print a field that needs no view of its own: a field added to the declarations is here
   * without being listed again, and the page's fingerprint covers it (see Story.inputKey). The
   * views below are what the page shows of the others: labels, addresses, the archive's spellings.
   */
  facts: StoryFacts;
  headline: string;
  date: DateView;
  year: number;
  bylines: BylineView[];
  publication?: string;
  topics: NamedLink[];
  /** Rendered Markdown, raw HTML off; absent when we hold only the story's facts. */
  bodyHtml?: string;
  /** The lead image (front matter `image:`), processed, with its caption and credit. */
  leadImage?: LeadImageView;
  /** The lead image, small, as search results show it. */
  thumbnail?: Thumbnail;
  source?: string;
  updated?: DateView;
  correction?: string;
  referencedBy: StoryListItem[];
  references: StoryListItem[];
  related: StoryListItem[];
  /** Full ISO moments, for metadata. */
  published: string;
  modified: string;
  /** The original address, when known, for metadata. */
  isBasedOn?: string;
}

/** Author, topic and date pages: a heading, ways to narrow down, and lists of stories. */
export interface ListPage<Item = StoryListItem> extends PageBase {
  kind: "list";
  heading: string;
  /** "12 stories" and the like. */
  summary: string;
  /** Years, months or days, each with its count. */
  facets?: { heading: string; links: CountedLink[] };
  sections: StoryListSection<Item>[];
  /** A link to the full list when the sections show only the latest stories. */
  more?: NamedLink;
}

/** The list of every author, every topic or every year. */
export interface DirectoryPage extends PageBase {
  kind: "directory";
  heading: string;
  summary: string;
  entries: CountedLink[];
}

export interface HomePage<Item = StoryListItem> extends PageBase {
  kind: "home";
  latest: Item[];
  years: CountedLink[];
  topTopics: CountedLink[];
  authorCount: number;
  topicCount: number;
  storyCount: number;
}

export interface SearchPage extends PageBase {
  kind: "search";
  /**
   * The catalogue of search shards, newest first: the first is pagefind/, the others
   * pagefind/shards/<name>/; each name is its years ("2025", "2013-2024"). The page searches
   * them in turn and loads an older one only when a search needs it (issue 24).
   */
  shards: { name: string; stories: number }[];
  /** Every value of each search filter, with its number of stories, in the order the page lists them. */
  facets: Record<"author" | "topic" | "year", { value: string; count: number }[]>;
}

export interface NotFoundPage<Item = StoryListItem> extends PageBase {
  kind: "notFound";
  latest: Item[];
}

export type Page<Item = StoryListItem> = StoryPage | ListPage<Item> | DirectoryPage | HomePage<Item> | SearchPage | NotFoundPage<Item>;

/** An Atom feed: the latest stories of the archive, an author or a topic. */
export interface FeedModel<Entry = FeedEntry> {
  kind: "feed";
  url: string;
  title: string;
  subtitle: string;
  /** The HTML page whose stories the feed carries. */
  pageUrl: string;
  /** The newest entry's update time: a feed changes only when its stories do. */
  updated: string;
  entries: Entry[];
}

export interface FeedEntry {
  title: string;
  url: string;
  published: string;
  updated: string;
  authors: string[];
  categories: string[];
  summary: string;
  /** Rendered Markdown body with site-relative links; absent for a reference-only story. */
  contentHtml?: string;
  correction?: string;
  /** The lead image as the story's link previews share it, for the entry's enclosure (issue 20). */
  image?: SharedImage;
}

/** One sitemap file: every page, or one part of them on a very large archive. */
export interface SitemapModel {
  kind: "sitemap";
  url: string;
  entries: { url: string; lastModified?: string }[];
}

export interface SitemapIndexModel {
  kind: "sitemapIndex";
  url: string;
  sitemaps: string[];
}

export interface RobotsModel {
  kind: "robots";
  url: string;
  /** Every sitemap crawlers are told of: the sitemap (or its index) and the news sitemap. */
  sitemapUrls: string[];
}

/** The Google News sitemap: the newest stories, each with its `news:news` facts. */
export interface NewsSitemapModel {
  kind: "newsSitemap";
  url: string;
  entries: { url: string; publicationName: string; language: string; published: string; title: string }[];
}

/** A page at a story's old address (`aliases:`) that sends the reader on to the story (issue 21). */
export interface RedirectPageModel {
  kind: "redirect";
  url: string;
  /** The story's address, site-relative. */
  target: string;
  /** The story's title, for the link a reader follows should the refresh not happen. */
  title: string;
}

/** `/_redirects`, the rules Netlify and Cloudflare Pages read: every alias to its story, site-relative. */
export interface RedirectsFileModel {
  kind: "redirectsFile";
  url: string;
  rules: { from: string; to: string }[];
}

/** Every file the archive writes through its layouts. */
export type Output =
  Page | FeedModel | SitemapModel | SitemapIndexModel | RobotsModel | NewsSitemapModel | RedirectPageModel | RedirectsFileModel;

/**
 * An output made when first asked for, and what it is made of: `inputs` is plain data, equal in
 * two builds of the same code only if the output is. A build keeps the previous output when its
 * inputs are unchanged, without making it; most of an archive does not change between builds.
 */
export interface LazyOutput<Model extends Output = Output, Inputs = unknown> {
  url: string;
  inputs(): Inputs;
  model(): Model;
}

/** A LazyOutput whose inputs and model are each made once, when first asked for. */
export function lazyOutput<Model extends Output, Inputs>(
  url: string,
  makeInputs: () => Inputs,
  makeModel: () => Model,
): LazyOutput<Model, Inputs> {
  let inputs: Inputs | undefined;
  let model: Model | undefined;
  return { url, inputs: () => (inputs ??= makeInputs()), model: () => (model ??= makeModel()) };
}
