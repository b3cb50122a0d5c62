import { hash } from "node:crypto";
import { humanDate, machineDate, type StoryDate } from "../dates.ts";
import type { Story } from "../archive/story.ts";
import { site as defaultSite, type SiteSettings } from "../site.ts";
import type { Thumbnail } from "../images/storyImages.ts";
import type { DateView, StoryListItem } from "./pageModels.ts";

export function dateView(date: StoryDate, inferred: boolean, site: SiteSettings): DateView {
  return { label: humanDate(date, site.language), datetime: machineDate(date), inferred };
}

/**
 * A story is listed on its day, month, author, topic and year pages, and on the pages that link
 * to it: its list item is made once per build and shared (page models are never mutated).
 */
const listItems = new WeakMap<SiteSettings, WeakMap<Story, StoryListItem>>();

/** `images`: the archive's, whose thumbnail of the story's lead image the item shows (a story is in one archive). */
export function storyListItem(story: Story, site: SiteSettings, images: { thumbnail(story: Story): Thumbnail | undefined }): StoryListItem {
  let forSite = listItems.get(site);
  if (!forSite) listItems.set(site, (forSite = new WeakMap()));
  let item = forSite.get(story);
  if (!item) forSite.set(story, (item = makeStoryListItem(story, site, images.thumbnail(story))));
  return item;
}

function makeStoryListItem(story: Story, site: SiteSettings, thumbnail: Thumbnail | undefined): StoryListItem {
  return {
    title: story.title,
    url: story.url,
    date: dateView(story.date, story.dateInferred, site),
    bylines: story.byline.map((byline) => byline.name),
    publication: story.publication,
    referenceOnly: story.referenceOnly,
    ...(thumbnail ? { thumbnail } : {}),
  };
}

export function countLabel(count: number, one = "story", many = "stories"): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

const listingKeys = new WeakMap<Story, string>();

/**
 * A story's key as a list shows it: its list item itself, so that whatever a list comes to show
 * is in the key (issue 19), its lead image's thumbnail among it (named by a hash of the image);
 * `images` is its archive's. The item is made with the project's default settings, as a build's
 * own settings are in every fingerprint already. The pages that list or link to a story are made
 * of its list item, not its text, so an edited paragraph re-renders the story's own page alone
 * (issue 23); its `inputKey` would re-render every page linking to it, and re-index their shards.
 */
export function storyListingKey(story: Story, images: { thumbnail(story: Story): Thumbnail | undefined }): string {
  let key = listingKeys.get(story);
  if (key === undefined) {
    const item = makeStoryListItem(story, defaultSite, images.thumbnail(story));
    listingKeys.set(story, (key = hash("sha1", JSON.stringify(item), "base64")));
  }
  return key;
}
