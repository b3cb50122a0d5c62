import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { archiveOnDisk, differences, fingerprint, writeStoryFiles } from "./archiveOnDisk.ts";

/**
 * A rebuild keeps what did not change (pages, feeds, search shards, parsed stories) from the
 * previous build and its cache; whatever it keeps, the site must equal a clean build's, byte for
 * byte, including the pages that only show the changed story (lists, backlinks, related stories).
 */

const test = suite("a rebuild after editing the archive equals a clean build");

function firstStoryFile(articles: string): string {
  const year = readdirSync(articles).sort()[0];
  const month = readdirSync(path.join(articles, year)).sort()[0];
  return path.join(articles, year, month, readdirSync(path.join(articles, year, month)).sort()[0]);
}

test("adding a story that links to another, and retitling a third, rebuilds to the clean build's bytes", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 300, out: project.articles, seed: 5, clean: true });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });

  const linked = firstStoryFile(project.articles);
  const linkedFromNew = path.posix.relative("2025/12", path.relative(project.articles, linked).split(path.sep).join("/"));
  writeStoryFiles(project.articles, {
    "2025/12/a-new-story-for-the-rebuild.md": `---\ntitle: "A New Story for the Rebuild"\ndate: 2025-12-30\nbyline: [Rebuild Reporter]\ntopics: ["5G"]\n---\nIt cites [an old story](${linkedFromNew}).\n`,
  });
  const retitled = readFileSync(linked, "utf8")
    .replace(/^title: .*$/m, 'title: "A Retitled Old Story"')
    .replace(/^---\n/, "---\nslug: retitled-but-same-address\n");
  writeFileSync(linked, retitled);

  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });

  const rebuilt = fingerprint(project.site);
  assert.ok(
    [...rebuilt.keys()].some((file) => file.includes("a-new-story-for-the-rebuild")),
    "the new story has a page",
  );
  assert.equal(differences(rebuilt, fingerprint(clean.site)), []);
});

test("a rebuild after a story is deleted leaves neither its page nor its folder", async () => {
  const project = archiveOnDisk({
    "2020/01/kept.md": `---\ntitle: "A Story That Stays"\ndate: 2020-01-14\n---\nIt stays.\n`,
    "2021/06/deleted.md": `---\ntitle: "A Story That Goes"\ndate: 2021-06-02\ntopics: [Goners]\n---\nIt goes.\n`,
  });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  rmSync(path.join(project.articles, "2021"), { recursive: true });
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });

  const rebuilt = fingerprint(project.site);
  assert.not.ok(rebuilt.has("2021"), "the deleted story's year folder is gone");
  assert.not.ok(rebuilt.has("topics/goners"), "its topic's folder is gone");
  assert.equal(differences(rebuilt, fingerprint(clean.site)), []);
});

test("a rebuild puts back pages and search files deleted by hand from the published site", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 60, out: project.articles, seed: 9, clean: true });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const built = [...fingerprint(project.site).keys()];
  const deleted = [
    built.find((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file))!,
    built.find((file) => file.startsWith("topics/") && file.endsWith("/index.html"))!,
    built.find((file) => file.startsWith("pagefind/") && file.includes("/fragment/"))!,
  ];
  for (const file of deleted) rmSync(path.join(project.site, file));

  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  const rebuilt = fingerprint(project.site);
  for (const file of deleted) assert.ok(rebuilt.has(file), `${file} is back`);
  assert.equal(differences(rebuilt, fingerprint(clean.site)), []);
});

test("a rebuild removes files and folders put into the published site by hand, even where its new pages go, as a clean build would not have them", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 60, out: project.articles, seed: 13, clean: true });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const storyPage = [...fingerprint(project.site).keys()].find((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file))!;
  const added = [
    path.join(path.dirname(storyPage), "notes-by-hand.txt"),
    "topics/by-hand/index.html",
    "pagefind/by-hand.js",
    "authors/an-empty-folder-by-hand",
    "assets/by-hand/deeper/more.css",
  ];
  for (const entry of added) {
    if (path.extname(entry) === "") mkdirSync(path.join(project.site, entry), { recursive: true });
    else writeStoryFiles(project.site, { [entry]: "put here by hand\n" });
  }
  // Three new stories, whose pages go where things were put by hand.
  const story = (slug: string, day: number) => ({ [`2025/12/${slug}.md`]: `---\ntitle: "${slug}"\ndate: 2025-12-${day}\n---\nNew.\n` });
  writeStoryFiles(project.articles, { ...story("first-new", 29), ...story("second-new", 30), ...story("third-new", 31) });
  const inTheWay = {
    "a folder where a page goes": "2025/12/29/first-new/index.html/in-the-way/file",
    "an empty folder where a page goes": "2025/12/30/second-new/index.html/",
    "a file where a page's folder goes": "2025/12/31/third-new",
  };
  for (const entry of Object.values(inTheWay)) {
    if (entry.endsWith("/")) mkdirSync(path.join(project.site, entry), { recursive: true });
    else writeStoryFiles(project.site, { [entry]: "in the way\n" });
  }
  const publishedFolder = statSync(project.site).ino;

  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  assert.is(statSync(project.site).ino, publishedFolder, "the rebuild updated the site in place (a new folder would hold none of them)");
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  const rebuilt = fingerprint(project.site);
  assert.ok(rebuilt.has(storyPage), "the story's page is still there");
  for (const entry of added) assert.not.ok(rebuilt.has(entry), `${entry} is gone`);
  for (const [obstacle, entry] of Object.entries(inTheWay)) {
    const page = `${entry.split("/").slice(0, 4).join("/")}/index.html`;
    assert.ok(rebuilt.has(page) && rebuilt.get(page) !== "dir", `the page is published where ${obstacle} was`);
  }
  assert.not.ok(rebuilt.has("assets/by-hand"), "so is the folder holding a file put there by hand");
  assert.equal(differences(rebuilt, fingerprint(clean.site)), []);
});

test("a rebuild that takes a search shard back to an earlier build's (a story added, then deleted) equals a clean build", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 60, out: project.articles, seed: 11, clean: true });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const added = "2025/12/a-story-added-then-deleted.md";
  writeStoryFiles(project.articles, {
    [added]: `---\ntitle: "A Story Added Then Deleted"\ndate: 2025-12-31\ntopics: [Rebuilds]\n---\nIt holds a word no other story has: quuxification.\n`,
  });
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  rmSync(path.join(project.articles, added));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
});

test("a rebuild after a new year begins and an old year grows past the shard size regroups the search shards as a clean build does", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 300, out: project.articles, seed: 5, clean: true });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  const options = { input: project.articles, cacheDir: cache, searchShardStories: 15 };
  await buildSite({ ...options, output: project.site });
  const shardFolders = (site: string) => readdirSync(path.join(site, "pagefind", "shards")).sort();
  const before = shardFolders(project.site);
  // An old year that was one shard gets sixteen stories more, so it is split into months.
  const grown = before.find((name) => /^\d{4}$/.test(name))!;

  const added: Record<string, string> = {
    "2026/01/the-first-story-of-a-new-year.md": `---\ntitle: "The First Story of a New Year"\ndate: 2026-01-02\n---\nA new year begins.\n`,
  };
  for (let day = 1; day <= 16; day++)
    added[`${grown}/03/an-old-story-found-${day}.md`] =
      `---\ntitle: "An Old Story Found ${day}"\ndate: ${grown}-03-${String(day).padStart(2, "0")}\n---\nFound in the basement.\n`;
  writeStoryFiles(project.articles, added);
  await buildSite({ ...options, output: project.site });
  const clean = archiveOnDisk();
  await buildSite({ ...options, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });

  const after = shardFolders(project.site);
  assert.ok(
    !after.includes(grown) && after.some((name) => name.startsWith(`${grown}-`)),
    `${grown} is split into months: ${after.join(" ")}`,
  );
  const catalogue = /data-shards="([^"]*)"/.exec(readFileSync(path.join(project.site, "search", "index.html"), "utf8"))![1];
  assert.match(catalogue, /^2026:1 2025/, "the new year is the newest shard, alone in pagefind/, and 2025 the next");
  assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
});

test("a rebuild after another build published to the same folder does not reuse that build's pages", async () => {
  const project = archiveOnDisk({ "2020/01/first.md": `---\ntitle: "First Story"\ndate: 2020-01-14\n---\nFirst text.\n` });
  const other = archiveOnDisk({ "2020/01/first.md": `---\ntitle: "First Story"\ndate: 2020-01-14\n---\nA different text.\n` });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  // Another build, with its own cache, publishes a different archive to the same folder.
  await buildSite({ input: other.articles, output: project.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const page = readFileSync(path.join(project.site, "2020/01/14/first-story/index.html"), "utf8");
  assert.match(page, "First text.");
  assert.not.match(page, "A different text.");
});

test("search shards no build uses any more leave the cache once an hour old", async () => {
  const project = archiveOnDisk({ "2020/01/first.md": `---\ntitle: "First Story"\ndate: 2020-01-14\n---\nFirst text.\n` });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  const shards = path.join(cache, "search");
  mkdirSync(path.join(shards, "old-unused-shard"), { recursive: true });
  mkdirSync(path.join(shards, "recent-unused-shard"), { recursive: true });
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(path.join(shards, "old-unused-shard"), twoHoursAgo, twoHoursAgo);
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  // Each entry's seal (src/cacheIntegrity.ts) goes and stays with it.
  const kept = readdirSync(shards).filter((name) => !name.endsWith(".sha256.json"));
  assert.not.ok(kept.includes("old-unused-shard"));
  assert.ok(kept.includes("recent-unused-shard"));
  assert.is(kept.length, 2, `the build's own shard is kept beside the recent one: ${kept.join(", ")}`);
});

test.run();
