import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { temporaryFolder } from "../support/builtSite.ts";
import type { FixtureArchive } from "../support/fixtureArchive.ts";
import { archiveWithImages, photo, STORY_WITH_IMAGES, STORY_WITH_IMAGES_URL } from "../support/storyWithImages.ts";

/**
 * Issue 20: processed images are kept in the build's cache, by their bytes, not found by
 * looking in the output folder (the eleventy-img trap): a rebuild, and a clean build after
 * `rm -rf _site` with the cache kept, process none; a changed image is processed again and its
 * page shows the new files.
 */
interface Context {
  archive: FixtureArchive;
  output: string;
  cacheDir: string;
}

const cached = suite<Context>("a rebuild and a clean build with the cache kept process no image again");

cached.before(async (context) => {
  context.archive = await archiveWithImages();
  context.output = path.join(temporaryFolder(), "site");
  context.cacheDir = temporaryFolder();
});
cached.after(async (context) => context.archive?.remove());

const build = ({ archive, output, cacheDir }: Context) => buildSite({ input: archive.articles, output, cacheDir });
const page = ({ output }: Context) => readFileSync(path.join(output, STORY_WITH_IMAGES_URL, "index.html"), "utf8");
const imageFiles = ({ output }: Context) => readdirSync(path.join(output, "images")).sort();
/** Every image file a page names: pictures, thumbnails (thumb-320), link previews' crops (16x9-1200). */
const namedImages = (html: string) =>
  [...new Set([...html.matchAll(/\/images\/([0-9a-f]+(?:-[0-9a-z-]+)?\.[a-z]+)/g)].map((match) => match[1]))].sort();
/** Every image file the site's pages name (the story pages, and the thumbnails on the lists of stories). */
const namedOnSite = ({ output }: Context) =>
  [
    ...new Set(
      readdirSync(output, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".html"))
        .flatMap((file) => namedImages(readFileSync(path.join(output, file), "utf8"))),
    ),
  ].sort();

cached(
  "the first build processes each of the stories' six image files once, and publishes exactly the files the pages name",
  async (context) => {
    const { imagesProcessed } = await build(context);
    assert.is(imagesProcessed, 6);
    assert.equal(imageFiles(context), namedOnSite(context));
  },
);

cached("a rebuild processes none, and every image file is still there", async (context) => {
  const before = page(context);
  const { imagesProcessed } = await build(context);
  assert.is(imagesProcessed, 0);
  assert.is(page(context), before);
  assert.equal(imageFiles(context), namedOnSite(context));
});

cached("a clean build after the site folder is deleted processes none, and publishes every image file", async (context) => {
  const before = page(context);
  rmSync(context.output, { recursive: true, force: true });
  const { imagesProcessed } = await build(context);
  assert.is(imagesProcessed, 0);
  assert.is(page(context), before);
  for (const name of namedOnSite(context)) assert.ok(statSync(path.join(context.output, "images", name)).size > 0, name);
});

cached("a changed image is processed again, and the story's page shows its new files and not the old", async (context) => {
  const before = namedImages(page(context));
  const photoFile = path.join(context.archive.articles, path.dirname(STORY_WITH_IMAGES), "photos/terminal-front.jpg");
  await writeFile(photoFile, await photo(1200, 800, 120));
  const { imagesProcessed } = await build(context);
  assert.is(imagesProcessed, 1);
  const after = namedImages(page(context));
  const added = after.filter((name) => !before.includes(name));
  const gone = before.filter((name) => !after.includes(name));
  assert.ok(added.length >= 2 && added.every((name) => /\.(jpeg|webp)$/.test(name)), added.join(" "));
  assert.is(gone.length, added.length);
  assert.equal(imageFiles(context), namedOnSite(context));
});

cached(
  "a new lead photo under the same name changes the thumbnail on every list of stories, as a clean build shows it",
  async (context) => {
    const topicPage = () => readFileSync(path.join(context.output, "topics/ferries/index.html"), "utf8");
    const thumbnailOn = (html: string) => namedImages(html).filter((name) => name.includes("thumb"));
    // Both ferry stories have a lead image, so the topic page shows two thumbnails.
    const before = thumbnailOn(topicPage());
    assert.is(before.length, 2, `the topic page names ${before.join(" ")}`);
    const leadFile = path.join(context.archive.articles, path.dirname(STORY_WITH_IMAGES), "photos/quay-at-dawn.jpg");
    await writeFile(leadFile, await photo(1600, 900, 200));
    await build(context);
    const after = thumbnailOn(topicPage());
    const added = after.filter((name) => !before.includes(name));
    assert.is(added.length, 1, `the topic page shows ${after.join(" ")}, and showed ${before.join(" ")}`);
    assert.is(after.length, 2);
    assert.ok(statSync(path.join(context.output, "images", added[0])).size > 0, added[0]);
    const clean = path.join(temporaryFolder(), "clean");
    await buildSite({ input: context.archive.articles, output: clean, cacheDir: temporaryFolder() });
    assert.is(topicPage(), readFileSync(path.join(clean, "topics/ferries/index.html"), "utf8"));
    assert.equal(imageFiles(context), namedOnSite(context));
  },
);

cached.run();
