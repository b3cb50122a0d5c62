import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderOutput } from "../../layouts/renderPage.ts";
import { loadSite } from "../../src/build/loadSite.ts";
import type { FeedModel, StoryPage } from "../../src/pages/pageModels.ts";
import { searchRecord } from "../../src/search/searchRecords.ts";
import { site } from "../../src/site.ts";
import { urls } from "../../src/urls.ts";
import { archiveOnDisk } from "../reliability/archiveOnDisk.ts";

/**
 * Issue 20: a lead image on another site (`image: https://…`) is not processed, so its size is
 * not known. Link previews and the feed get its address as it is (no crops, no length); lists of
 * stories and search results show no thumbnail, as one without width and height would move the
 * page as it loads.
 */
const REMOTE = "https://images.example.org/archive/harbour-1987.jpg";

const remote = suite("a lead image from another site is shared by its address and listed without a thumbnail");

const context = {
  site,
  absolute: (sitePath: string) => `https://archive.example.com${sitePath}`,
  prefixed: (sitePath: string) => sitePath,
};

async function loaded() {
  const project = archiveOnDisk({
    "2024/06/the-old-pier.md": `---\ntitle: The Old Pier in 1987\ndate: 2024-06-12\nbyline: [Mara Quint]\ntopics: [Harbour]\nimage:\n  src: ${REMOTE}\n  alt: "The wooden pier at low tide"\n---\nThe pier stood for ninety years before the storm of 1987.\n`,
  });
  return loadSite(project.articles, site, false);
}

remote("the story page shares the address as og:image and in the NewsArticle data, with no size", async () => {
  const { archive, storyPage } = await loaded();
  const page: StoryPage = storyPage(archive.stories[0]);
  assert.equal(page.leadImage?.shared, [{ url: REMOTE }]);
  const html = await renderOutput(page, context);
  assert.match(html, `<meta property="og:image" content="${REMOTE}">`);
  assert.not.match(html, "og:image:width");
  assert.match(html, `"image":["${REMOTE}"]`);
});

remote("the feed entry's enclosure is the address alone, and no list or search result has a thumbnail", async () => {
  const { archive, storyPage, otherOutputs, indexPages } = await loaded();
  const feed = otherOutputs.find((output) => output.url === urls.feed)!.model() as FeedModel;
  assert.match(await renderOutput(feed, context), `<link rel="enclosure" href="${REMOTE}"/>`);
  const home = await renderOutput(indexPages.find((page) => page.url === urls.home)!.model(), context);
  assert.match(home, "The Old Pier in 1987");
  assert.not.match(home, "thumbnail");
  const record = searchRecord(storyPage(archive.stories[0]));
  assert.is(record.meta.image, undefined);
});

remote.run();
