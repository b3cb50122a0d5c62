import { humanDate, machineDate, type StoryDate } from "../dates.ts";
import type { Story } from "../archive/story.ts";
import type { SiteSettings } from "../site.ts";
import type { DateView, StoryListItem } from "./pageModels.ts";

export function dateView(date: StoryDate, inferred: boolean, site: SiteSettings): DateView {
  return { label: humanDate(date, site.language), datetime: machineDate(date), inferred };
}

export function storyListItem(story: Story, site: SiteSettings): StoryListItem {
  return {
    title: story.title,
    url: story.url,
    date: dateView(story.date, story.dateInferred, site),
    bylines: story.bylines.map((byline) => byline.name),
    publication: story.publication,
    referenceOnly: story.body === "",
  };
}

export function countLabel(count: number, one = "story", many = "stories"): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
