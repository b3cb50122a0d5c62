import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { StoryParseCache } from "../../src/archive/parseCache.ts";
import { parseStoryFile } from "../../src/article/parse.ts";
import { storyFile } from "../support/storyFile.ts";

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

test.run();
