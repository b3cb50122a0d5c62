import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { generateArchive, type GenerateSummary } from "../../bench/generate.ts";
import { slugify } from "../../src/slug.ts";

const ARTICLES = 300;
const SEED = 7;

interface GeneratedFile {
  sourcePath: string;
  text: string;
  frontMatter: Record<string, unknown>;
  body: string;
}

const root = mkdtempSync(path.join(tmpdir(), "news-archive-generate-"));
const first = path.join(root, "first");
const second = path.join(root, "second");
let summary: GenerateSummary;
let files: GeneratedFile[];

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((entry) => entry.endsWith(".md") && statSync(path.join(dir, entry)).isFile())
    .map((entry) => entry.split(path.sep).join("/"))
    .sort();
}

function readGenerated(dir: string): GeneratedFile[] {
  return listMarkdown(dir).map((sourcePath) => {
    const text = readFileSync(path.join(dir, sourcePath), "utf8");
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${sourcePath} has no front matter`);
    return { sourcePath, text, frontMatter: parse(match[1]) as Record<string, unknown>, body: match[2] };
  });
}

test.before(() => {
  summary = generateArchive({ articles: ARTICLES, out: first, seed: SEED });
  generateArchive({ articles: ARTICLES, out: second, seed: SEED });
  files = readGenerated(first);
});

test.after(() => {
  rmSync(root, { recursive: true, force: true });
});

test("the same article count and seed give byte-identical files", () => {
  const secondPaths = listMarkdown(second);
  assert.equal(
    secondPaths,
    files.map((file) => file.sourcePath),
  );
  for (const file of files) {
    assert.ok(readFileSync(path.join(second, file.sourcePath)).equals(Buffer.from(file.text)), `${file.sourcePath} differs between runs`);
  }
});

test("another seed gives another archive", () => {
  const other = path.join(root, "other-seed");
  generateArchive({ articles: 20, out: other, seed: SEED + 1 });
  assert.not.equal(listMarkdown(other), listMarkdown(first).slice(0, 20));
});

test("one file is written per article, as YYYY/MM/<slug>.md named after the title", () => {
  assert.is(files.length, ARTICLES);
  assert.is(summary.stories, ARTICLES);
  for (const file of files) {
    const { title, date } = file.frontMatter as { title: string; date: string };
    assert.type(title, "string");
    assert.is(file.sourcePath, `${String(date).slice(0, 4)}/${String(date).slice(5, 7)}/${slugify(title)}.md`);
  }
});

test("no two stories share an address", () => {
  const urls = files.map((file) => `${String(file.frontMatter.date).slice(0, 10)}/${slugify(String(file.frontMatter.title))}`);
  assert.is(new Set(urls).size, files.length);
  assert.is(new Set(files.map((file) => slugify(String(file.frontMatter.title)))).size, files.length);
});

test("the front matter is written in the archive's style", () => {
  for (const file of files) {
    const lines = file.text.split("\n");
    assert.is(lines[0], "---");
    assert.match(lines[1], /^title: "/);
    assert.match(lines[2], /^date: \d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
    assert.match(file.text, /\npublication: [A-Z][A-Za-z ]+\n/);
    assert.match(file.text, /\ntopics: \["[^"\n]+"(, "[^"\n]+")*\]\n/);
    const keys = Object.keys(file.frontMatter);
    const order = ["title", "date", "dateInferred", "byline", "publication", "topics", "source"];
    assert.equal(
      keys,
      order.filter((key) => keys.includes(key)),
      `${file.sourcePath}: fields out of order`,
    );
    if ("dateInferred" in file.frontMatter) assert.is(file.frontMatter.dateInferred, true);
    if ("source" in file.frontMatter) assert.match(String(file.frontMatter.source), /^https:\/\//);
  }
});

test("some dates carry a time and offset, most are plain days, a few are inferred", () => {
  const dates = files.map((file) => String(file.frontMatter.date));
  const withTime = dates.filter((date) => date.includes("T")).length;
  const inferred = files.filter((file) => file.frontMatter.dateInferred === true).length;
  assert.ok(withTime > 0 && withTime < ARTICLES / 2, `${withTime} dates with a time`);
  assert.ok(inferred > 0 && inferred < ARTICLES / 8, `${inferred} inferred dates`);
});

test("dates span 2001 to 2025", () => {
  const days = files.map((file) => String(file.frontMatter.date).slice(0, 10)).sort();
  assert.is(days[0].slice(0, 4), "2001");
  assert.is(days[days.length - 1].slice(0, 4), "2025");
  assert.ok(days[0] >= "2001-01-01" && days[days.length - 1] <= "2025-12-31");
  assert.ok(new Set(days.map((day) => day.slice(0, 4))).size >= 20, "stories spread over the years");
});

test("full and reference-only stories are mixed", () => {
  const referenceOnly = files.filter((file) => file.body === "");
  const full = files.filter((file) => file.body !== "");
  assert.ok(referenceOnly.length >= ARTICLES * 0.04 && referenceOnly.length <= ARTICLES * 0.2, `${referenceOnly.length} reference-only`);
  assert.is(summary.referenceOnly, referenceOnly.length);
  assert.is(summary.full, full.length);
  for (const file of full) {
    assert.ok(file.body.startsWith("\n") && file.body.endsWith("\n"), `${file.sourcePath}: body not set off by a blank line`);
    const paragraphs = file.body.trim().split("\n\n");
    assert.ok(paragraphs.length >= 5 && paragraphs.length <= 9, `${file.sourcePath}: ${paragraphs.length} paragraphs`);
    const words = file.body
      .replace(/\[[^\]]*\]\([^)]*\)/g, "")
      .split(/\s+/)
      .filter(Boolean).length;
    assert.ok(words >= 400 && words <= 900, `${file.sourcePath}: ${words} words`);
  }
});

test("bodies hold no Markdown syntax but the links", () => {
  for (const file of files) {
    const withoutLinks = file.body.replace(/\[[A-Za-z0-9 ]+\]\([^)\s]+\.md\)/g, "");
    assert.not.match(withoutLinks, /[\\`*_{}[\]()#+\-!<>|~=]/, `${file.sourcePath}`);
  }
});

test("every cross-reference points to a generated file, relative to the linking file", () => {
  const existing = new Set(files.map((file) => file.sourcePath));
  let links = 0;
  let linking = 0;
  for (const file of files) {
    const hrefs = [...file.body.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]);
    if (hrefs.length > 0) linking++;
    assert.ok(hrefs.length <= 3, `${file.sourcePath}: ${hrefs.length} links`);
    for (const href of hrefs) {
      links++;
      assert.ok(!href.startsWith("/") && href.endsWith(".md"), href);
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.sourcePath), href));
      assert.ok(existing.has(target), `${file.sourcePath} links to ${href}, which does not exist`);
      assert.is.not(target, file.sourcePath);
    }
  }
  assert.is(links, summary.links);
  const full = files.filter((file) => file.body !== "").length;
  assert.ok(linking > full * 0.15 && linking < full * 0.45, `${linking} of ${full} full stories link`);
});

test("there are about N/50 authors, with some writing many more stories than others", () => {
  const stories = new Map<string, number>();
  for (const file of files) {
    const bylines = file.frontMatter.byline as { name: string; role?: string }[];
    assert.ok(Array.isArray(bylines) && bylines.length >= 1 && bylines.length <= 2, `${file.sourcePath}: bylines`);
    for (const byline of bylines) stories.set(byline.name, (stories.get(byline.name) ?? 0) + 1);
  }
  const expected = Math.max(3, Math.round(ARTICLES / 50));
  assert.ok(Math.abs(stories.size - expected) <= 1, `${stories.size} authors, expected about ${expected}`);
  assert.is(summary.authors, stories.size);
  const counts = [...stories.values()].sort((a, b) => b - a);
  assert.ok(counts[0] >= 2 * counts[counts.length - 1], `story counts ${counts.join(", ")}`);
});

test("topics are spread unevenly, with case variants of one name", () => {
  const stories = new Map<string, number>();
  const spellings = new Map<string, Set<string>>();
  for (const file of files) {
    const topics = file.frontMatter.topics as string[];
    assert.ok(topics.length >= 1 && topics.length <= 5, `${file.sourcePath}: ${topics.length} topics`);
    for (const topic of topics) {
      const key = slugify(topic);
      stories.set(key, (stories.get(key) ?? 0) + 1);
      spellings.set(key, (spellings.get(key) ?? new Set()).add(topic));
    }
  }
  assert.is(summary.topics, stories.size);
  const counts = [...stories.values()].sort((a, b) => b - a);
  const median = counts[Math.floor(counts.length / 2)];
  assert.ok(counts[0] >= 10 * median, `most common topic on ${counts[0]} stories, median ${median}`);
  assert.ok(
    [...spellings.values()].some((names) => names.size > 1),
    "no topic is spelled two ways",
  );
});

test("an output folder that already holds files is refused", () => {
  assert.throws(() => generateArchive({ articles: 5, out: first, seed: SEED }), /not empty/);
});

test.run();
