import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { ParseCacheChangedError, StoryParseCache, type ParseCache } from "../../src/archive/parseCache.ts";
import { parseStoryFile } from "../../src/article/parse.ts";
import { quoted, storyFile, storySource } from "../support/storyFile.ts";

const ZONE = "America/New_York";
const test = suite("StoryParseCache: kept a folder of the articles a file, rewritten only where a build read something new");

let dir = "";
test.before.each(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "parse-cache-"));
});
test.after.each(() => rmSync(dir, { recursive: true, force: true }));

/** One build reading `files` (source path → title) through a cache kept in `dir`; how many cache files it wrote. */
function build(files: Record<string, string>, code = "code 1"): { saved: number; fromCache: number } {
  const cache = StoryParseCache.load(dir, code);
  let fromCache = 0;
  for (const [sourcePath, title] of Object.entries(files)) {
    const use = cache.usedFor(sourcePath);
    const bytes = Buffer.from(storyFile({ title, date: "2019-05-06" }, "Body."));
    const result = parseStoryFile(bytes, `articles/${sourcePath}`, ZONE, use);
    assert.ok(result.ok);
    if (result.ok && use.read.files.has(result.fileKey)) fromCache++;
  }
  return { saved: cache.save(), fromCache };
}

test("a first build writes one file a folder; the same articles again read everything from it and write nothing", () => {
  const articles = { "2019/05/a.md": "A", "2019/06/b.md": "B", "2020/01/c.md": "C", "top.md": "Top" };
  assert.equal(build(articles), { saved: 3, fromCache: 0 });
  assert.equal(readdirSync(dir).sort(), ["-.v8", "2019.v8", "2020.v8"]);
  assert.equal(build(articles), { saved: 0, fromCache: 4 });
});

test("a story added to one year rewrites only that year's file", () => {
  build({ "2019/05/a.md": "A", "2020/01/c.md": "C" });
  assert.equal(build({ "2019/05/a.md": "A", "2020/01/c.md": "C", "2020/02/d.md": "D" }), { saved: 1, fromCache: 2 });
  assert.equal(build({ "2019/05/a.md": "A", "2020/01/c.md": "C", "2020/02/d.md": "D" }), { saved: 0, fromCache: 3 });
});

test("a year whose stories are all gone loses its file; changed code reads nothing from the cache", () => {
  build({ "2019/05/a.md": "A", "2020/01/c.md": "C" });
  build({ "2020/01/c.md": "C" });
  assert.equal(readdirSync(dir), ["2020.v8"]);
  build({ "2019/05/a.md": "A", "2020/01/c.md": "C" });
  assert.equal(build({ "2020/01/c.md": "C" }, "code 2"), { saved: 1, fromCache: 0 });
  assert.equal(readdirSync(dir), ["2020.v8"], "nor is a file of the old code kept");
});

/** One build that renders `body` for the file at "2019/05/a.md", through a cache kept in `dir`. */
function buildWithBody(body: string): { html: string | undefined; saved: number } {
  const cache = StoryParseCache.load(dir, "code 1");
  const source = storySource("2019/05/a.md", storyFile({ title: quoted("A"), date: "2019-05-06" }, body));
  const { archive, problems } = buildArchive([source], { timeZone: ZONE, includeDrafts: false, cache });
  assert.equal(problems, []);
  const html = archive.stories[0].bodyHtml;
  return { html, saved: cache.save() };
}

test("a body rendered once is read back from the cache's file, the same HTML, when its story is printed", () => {
  const first = buildWithBody("The *first* words.");
  assert.is(first.html, "<p>The <em>first</em> words.</p>\n");
  const again = buildWithBody("The *first* words.");
  assert.equal(again, { html: first.html, saved: 0 });
});

test("a body's HTML asked for after another build replaced the cache's file is not read from the wrong place", () => {
  buildWithBody("Old words.");
  const cache = StoryParseCache.load(dir, "code 1");
  const [[, body]] = [...cache.read.bodies];
  // Another build sharing the cache folder writes the same folder's file meanwhile.
  buildWithBody("Other, longer words than before, which move everything in the file.");
  assert.throws(
    () => body.html,
    (error: unknown) => error instanceof ParseCacheChangedError,
  );
});

test("a story whose cached body can no longer be read is rendered again, to the same HTML", () => {
  const source = storySource("2019/05/a.md", storyFile({ title: quoted("A"), date: "2019-05-06" }, "See [the other](b.md)."));
  const other = storySource("2019/05/b.md", storyFile({ title: quoted("B"), date: "2019-05-07" }, "B."));
  const fresh = buildArchive([source, other], { timeZone: ZONE, includeDrafts: false }).archive;
  const unreadable = (read: ParseCache): ParseCache => ({
    files: read.files,
    bodies: new Map(
      [...read.bodies].map(([key, body]) => [
        key,
        {
          references: body.references,
          ids: body.ids,
          removals: body.removals,
          images: body.images,
          get html(): string {
            throw new ParseCacheChangedError("replaced");
          },
        },
      ]),
    ),
  });
  const cache = StoryParseCache.load(dir, "code 1");
  buildArchive([source, other], { timeZone: ZONE, includeDrafts: false, cache });
  cache.save();
  const stale = StoryParseCache.load(dir, "code 1");
  const read = unreadable(stale.read);
  const { archive } = buildArchive([source, other], {
    timeZone: ZONE,
    includeDrafts: false,
    cache: { usedFor: (sourcePath) => ({ ...stale.usedFor(sourcePath), read }) },
  });
  assert.ok(read.bodies.size === 2, "both bodies came from the cache");
  assert.is(archive.bySourcePath.get("2019/05/a.md")!.bodyHtml, fresh.bySourcePath.get("2019/05/a.md")!.bodyHtml);
  assert.match(archive.bySourcePath.get("2019/05/a.md")!.bodyHtml!, /href="\/2019\/05\/07\/b\/"/);
});

test.run();
