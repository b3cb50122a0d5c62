import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LostStoryError, verifyBuild, type WrittenPage } from "../../src/build/verifyBuild.ts";
import { loadSite, type LoadedSite } from "../../src/build/loadSite.ts";
import { site } from "../../src/site.ts";
import { storyListingKey } from "../../src/pages/views.ts";
import { archiveOnDisk } from "./archiveOnDisk.ts";

/**
 * The build's last check, fed what Eleventy reports it wrote: every story must have come out as
 * exactly one page, be listed on its day, author-year and topic-year pages, and be in the search
 * index. Each test takes one of those away and expects the build to fail naming the story's file.
 */

const project = archiveOnDisk({
  "2018/11/huawei-faces-further-heat.md":
    "---\ntitle: Huawei Faces Further Heat\ndate: 2018-11-23\nbyline: [Ray Le Maistre]\ntopics: [Huawei, Security]\n---\nThe text.\n",
  "2018/08/australia-excludes-huawei.md":
    "---\ntitle: Australia Excludes Huawei\ndate: 2018-08-23\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\n",
});
const lostFile = path.relative(process.cwd(), path.join(project.articles, "2018/11/huawei-faces-further-heat.md"));
const lostUrl = "/2018/11/23/huawei-faces-further-heat/";

/** A fresh model each time, so a test can take something out of it. */
function loaded(): Promise<LoadedSite> {
  return loadSite(project.articles, site, false);
}

/** Every output of the site, as Eleventy reports the pages it wrote. */
function everyPageWritten(model: LoadedSite): WrittenPage[] {
  return [...model.otherOutputs, ...model.archive.stories.map(model.storyPage)].map((output) => ({
    url: output.url,
    outputPath: `_site${output.url}`,
  }));
}

/** The address of every story, as the search index reports the pages it indexed. */
function everyStoryIndexed(model: LoadedSite): string[] {
  return model.archive.stories.map((story) => story.url);
}

function lostStoryMessage(check: () => void): string {
  try {
    check();
  } catch (error) {
    assert.instance(error, LostStoryError);
    return (error as Error).message;
  }
  throw new Error("verifyBuild found nothing lost");
}

const test = suite("a story missing from the build fails it, naming the story");

test("a build that wrote every page, listed every story and indexed them all passes", async () => {
  const model = await loaded();
  verifyBuild(model, everyPageWritten(model), everyStoryIndexed(model));
});

test("a story page that was not written fails the build naming the story's file and address", async () => {
  const model = await loaded();
  const written = everyPageWritten(model).filter((page) => page.url !== lostUrl);
  const message = lostStoryMessage(() => verifyBuild(model, written, everyStoryIndexed(model)));
  assert.match(message, `${lostFile}: came out as 0 pages at ${lostUrl} instead of one`);
});

test("a story written as two pages fails the build naming the story's file", async () => {
  const model = await loaded();
  const written = everyPageWritten(model);
  written.push(written.find((page) => page.url === lostUrl)!);
  const message = lostStoryMessage(() => verifyBuild(model, written, everyStoryIndexed(model)));
  assert.match(message, `${lostFile}: came out as 2 pages at ${lostUrl} instead of one`);
});

for (const [index, listing] of ["/2018/11/23/", "/authors/ray-le-maistre/2018/", "/topics/security/2018/"].entries()) {
  test(`a story missing from ${["its day's page", "its author's page for the year", "its topic's page for the year"][index]} fails the build naming the story's file`, async () => {
    const model = await loaded();
    // The build checks the pages as it lists them for its page cache, each story by its key.
    const page = model.indexPages.find((candidate) => candidate.url === listing)?.inputs();
    assert.ok(page?.kind === "list", `${listing} is a list page`);
    const lostKey = storyListingKey(
      model.archive.stories.find((story) => story.url === lostUrl)!,
      model.archive.images,
    );
    for (const section of page.kind === "list" ? page.sections : []) section.stories = section.stories.filter((key) => key !== lostKey);
    const message = lostStoryMessage(() => verifyBuild(model, everyPageWritten(model), everyStoryIndexed(model)));
    assert.equal(message.split("\n").slice(1, -1), [`${lostFile}: is not listed on ${listing}`]);
  });
}

test("a story missing from the search index fails the build naming the story's file", async () => {
  const model = await loaded();
  const message = lostStoryMessage(() =>
    verifyBuild(
      model,
      everyPageWritten(model),
      everyStoryIndexed(model).filter((url) => url !== lostUrl),
    ),
  );
  assert.equal(message.split("\n").slice(1, -1), [`${lostFile}: is not in the search index`]);
});

test.run();
