import type { Archive } from "../archive/buildArchive.ts";
import { isoMoment } from "../dates.ts";
import type { Story } from "../archive/story.ts";
import type { SiteSettings } from "../site.ts";
import { urls } from "../urls.ts";
import { lazyOutput, type FeedEntry, type FeedModel, type LazyOutput } from "./pageModels.ts";
import { describeStory } from "./buildPages.ts";
import { correctedStories } from "./buildCorrections.ts";
import type { ArchiveImages } from "../images/storyImages.ts";

/** Entries in each feed: a reader wants the latest stories, not the archive. */
export const FEED_LIMIT = 20;

/** A feed, whose inputs are the feed with each entry given by its story's key and the addresses of the stories its body links to. */
export type LazyFeed = LazyOutput<FeedModel, FeedModel<string[]>>;

/** The whole archive's feed, and one for each author and each topic, latest stories first. */
export function buildFeeds(archive: Archive, site: SiteSettings): LazyFeed[] {
  // An entry prints its body, whose links carry the addresses of the stories it links to.
  const entryInputs = (story: Story) => [story.inputKey, ...story.references.map((path) => archive.bySourcePath.get(path)!.url)];
  const lazyFeed = (url: string, title: string, subtitle: string, pageUrl: string, storiesNewestFirst: readonly Story[]): LazyFeed =>
    lazyOutput(
      url,
      () => feed(url, title, subtitle, pageUrl, storiesNewestFirst, entryInputs),
      () => feed(url, title, subtitle, pageUrl, storiesNewestFirst, (story) => feedEntry(story, archive.images)),
    );
  return [
    lazyFeed(urls.feed, site.title, site.description, urls.home, archive.stories),
    lazyFeed(
      urls.correctionsFeed,
      `${site.title}: corrections`,
      "Stories corrected after they were published, the latest correction first.",
      urls.corrections,
      correctedStories(archive),
    ),
    ...archive.authors.map((author) =>
      lazyFeed(
        urls.authorFeed(author.slug),
        `${site.title}: stories by ${author.name}`,
        `The latest stories by ${author.name}.`,
        urls.author(author.slug),
        author.stories,
      ),
    ),
    ...archive.topics.map((topic) =>
      lazyFeed(
        urls.topicFeed(topic.slug),
        `${site.title}: stories on ${topic.name}`,
        `The latest stories on ${topic.name}.`,
        urls.topic(topic.slug),
        topic.stories,
      ),
    ),
  ];
}

function feed<Entry>(
  url: string,
  title: string,
  subtitle: string,
  pageUrl: string,
  storiesNewestFirst: readonly Story[],
  entry: (story: Story) => Entry,
): FeedModel<Entry> {
  const latest = storiesNewestFirst.slice(0, FEED_LIMIT);
  const moments = latest.map(updatedMoment);
  const updated = moments.reduce((newest, moment) => (moment > newest ? moment : newest), moments[0] ?? "1970-01-01T00:00:00Z");
  return { kind: "feed", url, title, subtitle, pageUrl, updated, entries: latest.map(entry) };
}

const updatedMoment = (story: Story) => isoMoment(story.updated ?? story.date);

const entries = new WeakMap<Story, FeedEntry>();

/** One entry a story, made once and shared by every feed that lists it. */
function feedEntry(story: Story, images: ArchiveImages): FeedEntry {
  let entry = entries.get(story);
  if (!entry) entries.set(story, (entry = makeFeedEntry(story, images)));
  return entry;
}

function makeFeedEntry(story: Story, images: ArchiveImages): FeedEntry {
  // The lead image as link previews get it (its 16:9 crop where the source is large enough).
  const image = images.lead(story)?.shared[0];
  return {
    title: story.title,
    url: story.url,
    published: isoMoment(story.date),
    updated: updatedMoment(story),
    authors: story.byline.map((byline) => byline.name),
    categories: story.topics,
    summary: describeStory(story),
    contentHtml: story.bodyHtml,
    correction: story.correction,
    ...(image ? { image } : {}),
  };
}
