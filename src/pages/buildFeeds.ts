import type { Archive } from "../archive/buildArchive.ts";
import { isoMoment } from "../dates.ts";
import type { Story } from "../archive/story.ts";
import type { SiteSettings } from "../site.ts";
import { urls } from "../urls.ts";
import type { FeedEntry, FeedModel } from "./pageModels.ts";
import { describeStory } from "./buildPages.ts";

/** Entries in each feed: a reader wants the latest stories, not the archive. */
export const FEED_LIMIT = 20;

/** The whole archive's feed, and one for each author and each topic, latest stories first. */
export function buildFeeds(archive: Archive, site: SiteSettings): FeedModel[] {
  return [
    feed(urls.feed, site.title, site.description, urls.home, archive.stories),
    ...archive.authors.map((author) => feed(urls.authorFeed(author.slug), `${site.title}: stories by ${author.name}`, `The latest stories by ${author.name}.`, urls.author(author.slug), author.stories)),
    ...archive.topics.map((topic) => feed(urls.topicFeed(topic.slug), `${site.title}: stories on ${topic.name}`, `The latest stories on ${topic.name}.`, urls.topic(topic.slug), topic.stories)),
  ];
}

function feed(url: string, title: string, subtitle: string, pageUrl: string, storiesNewestFirst: readonly Story[]): FeedModel {
  const latest = storiesNewestFirst.slice(0, FEED_LIMIT).map(feedEntry);
  const updated = latest.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), latest[0]?.updated ?? "1970-01-01T00:00:00Z");
  return { kind: "feed", url, title, subtitle, pageUrl, updated, entries: latest };
}

const entries = new WeakMap<Story, FeedEntry>();

/** One entry a story, the same in every feed that lists it (see the page cache). */
function feedEntry(story: Story): FeedEntry {
  let entry = entries.get(story);
  if (!entry) entries.set(story, (entry = makeFeedEntry(story)));
  return entry;
}

function makeFeedEntry(story: Story): FeedEntry {
  return {
    title: story.title,
    url: story.url,
    published: isoMoment(story.date),
    updated: isoMoment(story.updated ?? story.date),
    authors: story.bylines.map((byline) => byline.name),
    categories: story.topics,
    summary: describeStory(story),
    contentHtml: story.bodyHtml,
    correction: story.correction,
  };
}
