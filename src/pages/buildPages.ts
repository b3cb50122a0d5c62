import type { Archive } from "../archive/buildArchive.ts";
import type { IndexEntry } from "../archive/indexes.ts";
import { storyFacts, type Story } from "../archive/story.ts";
import { dayLabel, humanDay, isoMoment, monthName } from "../dates.ts";
import type { SearchShard } from "../search/searchShards.ts";
import type { SiteSettings } from "../site.ts";
import { nameSlug } from "../slugRules.ts";
import { urls } from "../urls.ts";
import {
  lazyOutput,
  type DirectoryPage,
  type HomePage,
  type LazyOutput,
  type NamedLink,
  type NotFoundPage,
  type Page,
  type SearchPage,
  type StoryListItem,
  type StoryPage,
} from "./pageModels.ts";
import { countLabel, dateView, storyListingKey, storyListItem } from "./views.ts";
import { correctionsPage } from "./buildCorrections.ts";

const home: NamedLink = { name: "Home", url: urls.home };
const siteFeed: NamedLink = { name: "Latest stories", url: urls.feed };

/** The newest day among stories sorted newest first, for the sitemap. */
const newestDay = (stories: readonly Story[]): string | undefined => stories[0]?.date.local.toISODate() ?? undefined;

/** Every page of the site, as data for the layouts. */
export interface SitePages {
  /** The home, search and 404 pages and the date, author and topic indexes. */
  indexPages: IndexPage[];
  /** A story's page, made when first asked for: a rebuild needs only those of the stories that changed (see storyPageInputs). */
  storyPage(story: Story): StoryPage;
}

/** A page that lists stories, whose inputs are the page with each story it lists given by its key. */
export type IndexPage = LazyOutput<Page, Page<string>> & { lastModified?: string };

/** A story as lists show it (see storyListItem), and its key for the list's fingerprint (see storyListingKey). */
interface StoryLister {
  item: (story: Story) => StoryListItem;
  key: (story: Story) => string;
}

/** Makes a page, showing each story it lists with `show`. */
type PageMaker = <Item>(show: (story: Story) => Item) => Page<Item>;

/**
 * One function makes both the page and its inputs: the inputs are the page with each story it
 * lists given by its key instead of its list item (a function of the story alone), so equal
 * inputs make equal pages. Both are made once, when first asked for. `lastModified` (the
 * newest day among its stories) is known without making either, for the sitemap.
 */
function indexPage(url: string, lastModified: string | undefined, make: PageMaker, lister: StoryLister): IndexPage {
  const dated = <Item>(page: Page<Item>): Page<Item> => Object.assign(page, { lastModified });
  return {
    ...lazyOutput(
      url,
      () => dated(make(lister.key)),
      () => dated(make(lister.item)),
    ),
    lastModified,
  };
}

/** `searchShards`: the search index's shards, newest first, which the search page searches in turn. */
export function buildPages(archive: Archive, site: SiteSettings, searchShards: readonly SearchShard[] = []): SitePages {
  const storyPages = new Map<Story, StoryPage>();
  const listItem: StoryLister = {
    item: (story) => storyListItem(story, site, archive.images),
    key: (story) => storyListingKey(story, archive.images),
  };
  return {
    indexPages: [
      indexPage(urls.home, newestDay(archive.stories), (show) => homePage(archive, site, show), listItem),
      indexPage(urls.search, undefined, () => searchPage(archive, searchShards), listItem),
      indexPage(NOT_FOUND_URL, undefined, (show) => notFoundPage(archive, show), listItem),
      indexPage(urls.corrections, newestDay(archive.stories), (show) => correctionsPage(archive, site, show), listItem),
      ...datePages(archive, site, listItem),
      ...entryPages(archive.authors, "author", site, listItem),
      ...entryPages(archive.topics, "topic", site, listItem),
    ],
    storyPage(story) {
      let page = storyPages.get(story);
      if (page === undefined) storyPages.set(story, (page = storyPage(story, archive, site)));
      return page;
    },
  };
}

/**
 * Everything a story's page is made of besides the site settings and the code, as keys: its own
 * story's (every declared field's value and its body, see Story.inputKey), the listing keys of
 * the stories it lists (which also decide the addresses its body links to), and how the archive spells its
 * topics. Equal inputs make equal pages, so a rebuild knows that
 * a story's page did not change without making it: whatever `storyPage` reads must be here.
 */
export function storyPageInputs(story: Story, archive: Archive): unknown[] {
  // The stories it lists are shown by their list items (see storyListingKey).
  const keyOf = (listed: Story) => storyListingKey(listed, archive.images);
  return [
    story.inputKey,
    story.topics.map((topic) => topicName(archive, topic)),
    (archive.referencedBy.get(story.sourcePath) ?? []).map(keyOf),
    story.references.map((path) => keyOf(archive.bySourcePath.get(path)!)),
    (archive.related.get(story.sourcePath) ?? []).map(keyOf),
  ];
}

/**
 * What a story's search record is made of (see searchRecord): its own fields and body (links
 * become text, so the stories it links to are not), and how the archive spells its topics. A
 * search shard is indexed again only when one of its stories' records changed (issue 23).
 */
export function storySearchInputs(story: Story, archive: Archive): unknown[] {
  return [story.inputKey, story.topics.map((topic) => topicName(archive, topic))];
}

/** The day a story last changed, for its page and the sitemap. */
export const storyLastModified = (story: Story): string => (story.updated ?? story.date).local.toISODate()!;

function storyPage(story: Story, archive: Archive, site: SiteSettings): StoryPage {
  const { year, month, day } = story.date.local;
  const dateLabel = humanDay(story.date.local, site.language);
  return {
    kind: "story",
    url: story.url,
    sourcePath: story.sourcePath,
    facts: storyFacts(story, archive.fields),
    title: story.title,
    description: describeStory(story),
    breadcrumbs: [
      home,
      { name: String(year), url: urls.year(year) },
      { name: monthName(year, month, site.timeZone, site.language), url: urls.month(year, month) },
      { name: dateLabel, url: urls.day(year, month, day) },
    ],
    headline: story.title,
    date: dateView(story.date, story.dateInferred, site),
    year,
    bylines: story.byline.map((byline) => ({ name: byline.name, role: byline.role, url: urls.author(nameSlug(byline.name, "author")) })),
    publication: story.publication,
    topics: story.topics.map((topic) => ({ name: topicName(archive, topic), url: urls.topic(nameSlug(topic, "topic")) })),
    bodyHtml: story.bodyHtml,
    leadImage: archive.images.lead(story),
    thumbnail: archive.images.thumbnail(story),
    source: story.source,
    updated: story.updated && dateView(story.updated, false, site),
    correction: story.correction,
    referencedBy: (archive.referencedBy.get(story.sourcePath) ?? []).map((other) => storyListItem(other, site, archive.images)),
    references: story.references.map((path) => storyListItem(archive.bySourcePath.get(path)!, site, archive.images)),
    related: (archive.related.get(story.sourcePath) ?? []).map((other) => storyListItem(other, site, archive.images)),
    published: isoMoment(story.date),
    modified: isoMoment(story.updated ?? story.date),
    isBasedOn: story.source,
    feeds: [],
    lastModified: storyLastModified(story),
  };
}

/** A topic is shown under the spelling the archive settled on, whatever case this story used. */
function topicName(archive: Archive, topic: string): string {
  return archive.topicNames.get(nameSlug(topic, "topic")) ?? topic;
}

/** The meta description: the summary, else the start of the body, else a sentence from the facts. */
export function describeStory(story: Story): string {
  let description = descriptions.get(story);
  if (description === undefined) descriptions.set(story, (description = describe(story)));
  return description;
}

// Each story is described on its page and in up to three feeds (the archive's, its authors', its topics').
const descriptions = new WeakMap<Story, string>();

function describe(story: Story): string {
  if (story.summary) return story.summary;
  if (!story.referenceOnly) {
    const plain = openingParagraphs(story.body, 600)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!&<>|~])/g, "$1")
      .replace(/^\s*[-*+]\s+/gm, "")
      .replace(/\s+/g, " ")
      .trim();
    return plain.length <= 200 ? plain : plain.slice(0, plain.lastIndexOf(" ", 197)) + "…";
  }
  const by = story.byline.length > 0 ? ` by ${story.byline.map((byline) => byline.name).join(" and ")}` : "";
  const where = story.publication ? `${story.publication} story` : "Story";
  const when = story.date.local.toFormat("d MMMM yyyy");
  return `${where}${by}, ${when}${story.dateInferred ? " (date inferred)" : ""}. The archive holds its facts, not its text.`;
}

/** Whole paragraphs from the start of a body up to about `length` characters: never a link cut in two. */
function openingParagraphs(body: string, length: number): string {
  let end = 0;
  while (end < body.length && end < length) {
    const next = body.indexOf("\n\n", end + 1);
    end = next === -1 ? body.length : next;
  }
  return body.slice(0, end);
}

function homePage<Item>(archive: Archive, site: SiteSettings, show: (story: Story) => Item): HomePage<Item> {
  return {
    kind: "home",
    url: urls.home,
    title: site.title,
    description: site.description,
    breadcrumbs: [],
    feeds: [siteFeed],
    latest: archive.stories.slice(0, site.latestCount).map(show),
    years: archive.years.map((year) => ({ name: String(year.year), url: urls.year(year.year), count: year.stories.length })),
    topTopics: [...archive.topics]
      .sort((a, b) => b.stories.length - a.stories.length || a.name.localeCompare(b.name, "en"))
      .slice(0, 20)
      .map((topic) => ({ name: topic.name, url: urls.topic(topic.slug), count: topic.stories.length })),
    authorCount: archive.authors.length,
    topicCount: archive.topics.length,
    storyCount: archive.stories.length,
  };
}

function searchPage(archive: Archive, shards: readonly SearchShard[]): SearchPage {
  return {
    kind: "search",
    url: urls.search,
    title: "Search",
    description: "Search every story in the archive.",
    breadcrumbs: [home],
    feeds: [],
    facets: searchFacets(archive),
    shards: shards.map((shard) => ({ name: shard.name, stories: shard.stories })),
  };
}

/**
 * The values of the search filters with their counts, printed into the search page so the page
 * need not download every filter index to list them: counted from the same values the search
 * records carry (each story's byline names as written, topics as the archive spells them, year).
 */
function searchFacets(archive: Archive): SearchPage["facets"] {
  const counts = { author: new Map<string, number>(), topic: new Map<string, number>(), year: new Map<string, number>() };
  const add = (map: Map<string, number>, value: string) => map.set(value, (map.get(value) ?? 0) + 1);
  for (const story of archive.stories) {
    for (const byline of new Set(story.byline.map((b) => b.name))) add(counts.author, byline);
    for (const topic of story.topics) add(counts.topic, topicName(archive, topic));
    add(counts.year, String(story.date.local.year));
  }
  const byName = (map: Map<string, number>) =>
    [...map]
      .sort(([a], [b]) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : 1))
      .map(([value, count]) => ({ value, count }));
  return {
    author: byName(counts.author),
    topic: byName(counts.topic),
    year: [...counts.year].sort(([a], [b]) => b.localeCompare(a)).map(([value, count]) => ({ value, count })),
  };
}

export const NOT_FOUND_URL = "/404.html";

function notFoundPage<Item>(archive: Archive, show: (story: Story) => Item): NotFoundPage<Item> {
  return {
    kind: "notFound",
    url: NOT_FOUND_URL,
    title: "Page not found",
    description: "There is no page at this address.",
    breadcrumbs: [home],
    feeds: [siteFeed],
    latest: archive.stories.slice(0, 10).map(show),
  };
}

function datePages(archive: Archive, site: SiteSettings, listItem: StoryLister): IndexPage[] {
  const archiveLink: NamedLink = { name: "Archive", url: urls.archive };
  const pages: IndexPage[] = [];
  const archivePage: DirectoryPage = {
    kind: "directory",
    url: urls.archive,
    title: "Archive by year",
    description: `Every year of the archive, with its number of stories.`,
    breadcrumbs: [home],
    feeds: [],
    heading: "Archive by year",
    summary: `${countLabel(archive.stories.length)} from ${countLabel(archive.years.length, "year", "years")}.`,
    entries: archive.years.map((year) => ({ name: String(year.year), url: urls.year(year.year), count: year.stories.length })),
  };
  pages.push(indexPage(archivePage.url, newestDay(archive.stories), () => archivePage, listItem));
  for (const year of archive.years) {
    const yearLink: NamedLink = { name: String(year.year), url: urls.year(year.year) };
    pages.push(
      indexPage(
        yearLink.url,
        newestDay(year.stories),
        () => ({
          kind: "list",
          url: yearLink.url,
          title: `Stories of ${year.year}`,
          description: `${countLabel(year.stories.length)} published in ${year.year}, month by month.`,
          breadcrumbs: [home, archiveLink],
          feeds: [],
          heading: `Stories of ${year.year}`,
          summary: `${countLabel(year.stories.length)}.`,
          facets: {
            heading: "Months",
            links: year.months.map((month) => ({
              name: monthName(year.year, month.month, site.timeZone, site.language),
              url: urls.month(year.year, month.month),
              count: month.stories.length,
            })),
          },
          sections: [],
        }),
        listItem,
      ),
    );
    for (const month of year.months) {
      const name = monthName(year.year, month.month, site.timeZone, site.language);
      const monthLink: NamedLink = { name, url: urls.month(year.year, month.month) };
      const dayName = (day: number) => dayLabel(year.year, month.month, day, site.language);
      pages.push(
        indexPage(
          monthLink.url,
          newestDay(month.stories),
          (show) => ({
            kind: "list",
            url: monthLink.url,
            title: `Stories of ${name}`,
            description: `${countLabel(month.stories.length)} published in ${name}, day by day.`,
            breadcrumbs: [home, archiveLink, yearLink],
            feeds: [],
            heading: `Stories of ${name}`,
            summary: `${countLabel(month.stories.length)}.`,
            sections: month.days.map((day) => ({
              heading: dayName(day.day),
              headingUrl: urls.day(year.year, month.month, day.day),
              stories: day.stories.map(show),
            })),
          }),
          listItem,
        ),
      );
      for (const day of month.days) {
        const url = urls.day(year.year, month.month, day.day);
        pages.push(
          indexPage(
            url,
            newestDay(day.stories),
            (show) => {
              const label = dayName(day.day);
              return {
                kind: "list",
                url,
                title: `Stories of ${label}`,
                description: `${countLabel(day.stories.length)} published on ${label}.`,
                breadcrumbs: [home, archiveLink, yearLink, monthLink],
                feeds: [],
                heading: `Stories of ${label}`,
                summary: `${countLabel(day.stories.length)}.`,
                sections: [{ stories: day.stories.map(show) }],
              };
            },
            listItem,
          ),
        );
      }
    }
  }
  return pages;
}

const entryKinds = {
  author: {
    plural: "Authors",
    directoryUrl: urls.authors,
    url: urls.author,
    yearUrl: urls.authorYear,
    feedUrl: urls.authorFeed,
    headingOf: (name: string) => `Stories by ${name}`,
    describe: "by",
  },
  topic: {
    plural: "Topics",
    directoryUrl: urls.topics,
    url: urls.topic,
    yearUrl: urls.topicYear,
    feedUrl: urls.topicFeed,
    headingOf: (name: string) => `Stories on ${name}`,
    describe: "on",
  },
} as const;

/** The directory of authors or topics, a page for each, and one for each of its years. */
function entryPages(entries: readonly IndexEntry[], kind: keyof typeof entryKinds, site: SiteSettings, listItem: StoryLister): IndexPage[] {
  const config = entryKinds[kind];
  const directoryLink: NamedLink = { name: config.plural, url: config.directoryUrl };
  const directory: DirectoryPage = {
    kind: "directory",
    url: config.directoryUrl,
    title: config.plural,
    description: `Every ${kind} in the archive, with their number of stories.`,
    breadcrumbs: [home],
    feeds: [],
    heading: config.plural,
    summary: `${countLabel(entries.length, kind, kind + "s")}.`,
    entries: entries.map((entry) => ({ name: entry.name, url: config.url(entry.slug), count: entry.stories.length })),
  };
  const pages: IndexPage[] = [indexPage(directory.url, undefined, () => directory, listItem)];
  for (const entry of entries) {
    const entryLink: NamedLink = { name: entry.name, url: config.url(entry.slug) };
    const heading = config.headingOf(entry.name);
    const latest = entry.stories.slice(0, site.latestCount);
    pages.push(
      indexPage(
        entryLink.url,
        newestDay(entry.stories),
        (show) => ({
          kind: "list",
          url: entryLink.url,
          title: heading,
          description: `${countLabel(entry.stories.length)} ${config.describe} ${entry.name}, newest first.`,
          breadcrumbs: [home, directoryLink],
          feeds: [{ name: heading, url: config.feedUrl(entry.slug) }],
          heading,
          summary: `${countLabel(entry.stories.length)}, newest first.`,
          facets: {
            heading: "By year",
            links: entry.years.map((year) => ({
              name: String(year.year),
              url: config.yearUrl(entry.slug, year.year),
              count: year.stories.length,
            })),
          },
          sections: [{ heading: latest.length < entry.stories.length ? "Latest stories" : undefined, stories: latest.map(show) }],
          more:
            latest.length < entry.stories.length
              ? { name: `All ${countLabel(entry.stories.length)}, year by year`, url: config.yearUrl(entry.slug, entry.years[0].year) }
              : undefined,
        }),
        listItem,
      ),
    );
    for (const year of entry.years) {
      const yearHeading = `${heading} in ${year.year}`;
      const url = config.yearUrl(entry.slug, year.year);
      pages.push(
        indexPage(
          url,
          newestDay(year.stories),
          (show) => ({
            kind: "list",
            url,
            title: yearHeading,
            description: `${countLabel(year.stories.length)} ${config.describe} ${entry.name} in ${year.year}, newest first.`,
            breadcrumbs: [home, directoryLink, entryLink],
            feeds: [{ name: heading, url: config.feedUrl(entry.slug) }],
            heading: yearHeading,
            summary: `${countLabel(year.stories.length)}, newest first.`,
            facets: {
              heading: "Other years",
              links: entry.years.map((other) => ({
                name: String(other.year),
                url: config.yearUrl(entry.slug, other.year),
                count: other.stories.length,
              })),
            },
            sections: [{ stories: year.stories.map(show) }],
          }),
          listItem,
        ),
      );
    }
  }
  return pages;
}
