import type { Archive } from "../archive/buildArchive.ts";
import type { Story } from "../archive/story.ts";
import { isoMoment } from "../dates.ts";
import type { SiteSettings } from "../site.ts";
import { urls } from "../urls.ts";
import type { Page } from "./pageModels.ts";
import { countLabel } from "./views.ts";

/** Every story with a correction (`correction:` with `updated:`), the latest correction first (issue 20). */
export function correctedStories(archive: Archive): Story[] {
  const corrected = archive.stories.filter((story) => story.correction !== undefined && story.updated !== undefined);
  // A stable sort: stories corrected at the same moment keep the archive's order.
  return corrected.sort((a, b) =>
    isoMoment(b.updated!) > isoMoment(a.updated!) ? 1 : isoMoment(b.updated!) < isoMoment(a.updated!) ? -1 : 0,
  );
}

/** The corrections page: each corrected story, the latest correction first, with its feed. */
export function correctionsPage<Item>(archive: Archive, site: SiteSettings, show: (story: Story) => Item): Page<Item> {
  const stories = correctedStories(archive);
  return {
    kind: "list",
    url: urls.corrections,
    title: "Corrections",
    description: `Every story of ${site.title} corrected after it was published, the latest correction first.`,
    breadcrumbs: [{ name: "Home", url: urls.home }],
    feeds: [{ name: `${site.title}: corrections`, url: urls.correctionsFeed }],
    heading: "Corrections",
    summary: `${countLabel(stories.length)} corrected, the latest correction first.`,
    sections: [{ stories: stories.map(show) }],
  };
}
