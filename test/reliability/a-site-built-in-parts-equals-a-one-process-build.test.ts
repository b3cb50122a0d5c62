import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { buildSiteInParts } from "../../src/build/buildSiteInParts.ts";
import { COMMON_PART, partOfUrl } from "../../src/build/siteParts.ts";
import { readStoryListing, writeStoryListing, yearsOfPart } from "../../src/build/storyListing.ts";
import { loadSite, type LoadedSite } from "../../src/build/loadSite.ts";
import { site } from "../../src/site.ts";
import { absoluteUrl, prefixedPath } from "../../src/urls.ts";
import { renderOutput } from "../../layouts/renderPage.ts";
import { runCli } from "../support/runCli.ts";
import { projectRoot } from "../../src/projectFiles.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";

/**
 * An archive too big for one machine is built as parts (runs of years, and the pages spanning
 * years) by separate processes, and assembled by putting their folders side by side. The
 * assembled site must be the site one process builds, byte for byte, search index included.
 */

const test = suite("a site built in parts by separate processes");

test("equals the site one process builds, byte for byte", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 300, out: project.articles, seed: 11, clean: true });
  const whole = archiveOnDisk();
  await buildSite({ input: project.articles, output: whole.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });

  const { parts, storyFilesRead } = await buildSiteInParts({
    input: project.articles,
    output: project.site,
    cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")),
  });
  assert.ok(parts.length >= 3, `the archive spans years enough for two search shards and the common part: ${parts.join(", ")}`);
  const assembled = fingerprint(project.site);
  assert.ok(
    [...assembled.keys()].some((file) => file.startsWith("pagefind/shards/")),
    "an older shard's search index is merged in",
  );
  assert.equal(differences(assembled, fingerprint(whole.site)), []);

  // Each story file was read by the part of its year alone, and by the common part (its feeds print every year's stories).
  const storyFiles = readdirSync(project.articles, { recursive: true }).filter((file) => String(file).endsWith(".md")).length;
  const published = (await loadSite(project.articles, site, false)).archive.stories.length;
  const yearParts = parts.filter((part) => part !== COMMON_PART);
  for (const part of yearParts)
    assert.ok(
      storyFilesRead[part] > 0 && storyFilesRead[part] < published,
      `the part ${part} read ${storyFilesRead[part]} of ${published} stories`,
    );
  assert.is(
    yearParts.reduce((sum, part) => sum + storyFilesRead[part], 0),
    published,
  );
  assert.is(storyFilesRead[COMMON_PART], storyFiles);
});

test("a part given the whole site's listing of its stories needs the files of its own years only", async () => {
  const project = archiveOnDisk({
    "2019/05/the-first-report.md":
      "---\ntitle: The First Report\ndate: 2019-05-02\nbyline: [Dan Jones]\ntopics: [Huawei, 5G]\n---\nIt says what [the follow-up](../../2020/03/the-follow-up.md) found later.\n",
    "2020/03/the-follow-up.md":
      "---\ntitle: The Follow-Up\ndate: 2020-03-10\nbyline: [Ray Le Maistre]\ntopics: [Huawei]\n---\nIt follows [the first report](../../2019/05/the-first-report.md) and [the last word](../../2021/01/the-last-word.md).\n",
    "2021/01/the-last-word.md":
      "---\ntitle: The Last Word\ndate: 2021-01-04\nbyline: [Dan Jones]\ntopics: [5G]\n---\nIt cites [the follow-up](../../2020/03/the-follow-up.md).\n",
    "2021/02/facts-only.md":
      "---\ntitle: A Story We Hold the Facts Of\ndate: 2021-02-01\npublication: Light Reading\ntopics: [Huawei]\n---\n",
  });
  const cacheDir = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  const whole = await loadSite(project.articles, site, false, { cacheDir });
  whole.saveParseCache();
  const listingFile = path.join(cacheDir, "stories.v8");
  writeStoryListing(listingFile, whole.archive, whole.siteParts);
  const listing = readStoryListing(listingFile);
  const part = whole.siteParts.find((listed) => listed.years.includes(2020))!;
  assert.not.ok(part.years.includes(2021), "the newest year is a part of its own");

  // The part's machine holds its own years' story files, the listing and the cache; no other story file.
  const own = archiveOnDisk();
  for (const story of whole.archive.stories.filter((story) => part.years.includes(story.date.local.year))) {
    mkdirSync(path.dirname(path.join(own.articles, story.sourcePath)), { recursive: true });
    copyFileSync(path.join(project.articles, story.sourcePath), path.join(own.articles, story.sourcePath));
  }
  const alone = await loadSite(own.articles, site, false, { cacheDir, listed: { listing, readYears: part.years } });
  assert.is(alone.storyFilesRead, 2);

  const inPart = partOfUrl(whole.siteParts);
  const context = {
    site,
    absolute: (sitePath: string) => absoluteUrl(site.baseUrl, "/", sitePath),
    prefixed: (sitePath: string) => prefixedPath("/", sitePath),
  };
  const printed = async (loaded: LoadedSite) => {
    // As the build makes them: only those of the part (the others' would need the text of other years' stories).
    const outputs = [
      ...loaded.otherOutputs,
      ...loaded.archive.stories.map((story) => ({ url: story.url, model: () => loaded.storyPage(story) })),
    ]
      .filter((output) => inPart(output.url) === part.name)
      .map((output) => output.model());
    return new Map(await Promise.all(outputs.map(async (output) => [output.url, await renderOutput(output, context)] as const)));
  };
  const expected = await printed(whole);
  assert.ok(expected.has("/2020/03/10/the-follow-up/") && expected.has("/2019/"), [...expected.keys()].join(", "));
  assert.equal(await printed(alone), expected);
  assert.match(expected.get("/2020/03/10/the-follow-up/")!, "The Last Word", "a link to a story of another part, with its title");
});

test("its three steps, run as commands on machines of their own, assemble the same site", async () => {
  const project = archiveOnDisk();
  generateArchive({ articles: 200, out: project.articles, seed: 17, clean: true });
  const whole = archiveOnDisk();
  await buildSite({ input: project.articles, output: whole.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  const build = async (args: string[]) => {
    const run = await runCli("build", args, projectRoot);
    assert.is(run.code, 0, `npm run build -- ${args.join(" ")}\n${run.stdout}${run.stderr}`);
    return run.stdout;
  };

  // The first job reads the whole archive, and hands on the listing and the cache.
  const first = {
    partsDir: mkdtempSync(path.join(tmpdir(), "news-archive-parts-")),
    cache: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")),
  };
  const parts = JSON.parse(
    await build(["--list-parts", "--parts-dir", first.partsDir, "--input", project.articles, "--cache-dir", first.cache]),
  ) as string[];
  const listing = readStoryListing(path.join(first.partsDir, "stories.v8"));
  assert.ok(parts.length >= 3, parts.join(", "));

  // A job a part, each on a machine of its own: the listing, the cache, and the story files of its years.
  const gathered = mkdtempSync(path.join(tmpdir(), "news-archive-parts-"));
  cpSync(first.partsDir, gathered, { recursive: true });
  for (const part of parts) {
    const machine = {
      articles: mkdtempSync(path.join(tmpdir(), "news-archive-articles-")),
      partsDir: mkdtempSync(path.join(tmpdir(), "news-archive-parts-")),
      cache: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")),
    };
    cpSync(first.partsDir, machine.partsDir, { recursive: true });
    cpSync(first.cache, machine.cache, { recursive: true });
    const years = yearsOfPart(listing, part);
    if (years === undefined) cpSync(project.articles, machine.articles, { recursive: true });
    else
      for (const story of listing.stories.filter((story) => years.includes(story.year))) {
        mkdirSync(path.dirname(path.join(machine.articles, story.sourcePath)), { recursive: true });
        copyFileSync(path.join(project.articles, story.sourcePath), path.join(machine.articles, story.sourcePath));
      }
    await build(["--part", part, "--parts-dir", machine.partsDir, "--input", machine.articles, "--cache-dir", machine.cache]);
    // Its folder and its report are what the job hands on.
    cpSync(path.join(machine.partsDir, part), path.join(gathered, part), { recursive: true });
    cpSync(path.join(machine.partsDir, `${part}.json`), path.join(gathered, `${part}.json`));
  }

  // The last job assembles them, reading no story file, and publishes.
  const out = await build([
    "--assemble",
    "--parts-dir",
    gathered,
    "--input",
    project.articles,
    "--cache-dir",
    first.cache,
    "--output",
    project.site,
  ]);
  assert.match(out, `from ${parts.length} parts`);
  assert.equal(differences(fingerprint(project.site), fingerprint(whole.site)), []);
});

test("assembling fails, naming the part and the site left as it was, when a part was not built", async () => {
  const project = archiveOnDisk({ "2020/01/a-story.md": "---\ntitle: A Story\ndate: 2020-01-14\n---\nText.\n" });
  const partsDir = mkdtempSync(path.join(tmpdir(), "news-archive-parts-"));
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  const listed = await runCli(
    "build",
    ["--list-parts", "--parts-dir", partsDir, "--input", project.articles, "--cache-dir", cache],
    projectRoot,
  );
  const [firstPart] = JSON.parse(listed.stdout) as string[];
  const assembled = await runCli(
    "build",
    ["--assemble", "--parts-dir", partsDir, "--input", project.articles, "--cache-dir", cache, "--output", project.site],
    projectRoot,
  );
  assert.is(assembled.code, 1);
  assert.match(assembled.stderr, `the part ${firstPart} is missing`);
  assert.match(assembled.stderr, `not built into ${partsDir}`);
  assert.match(assembled.stderr, `--part ${firstPart}`);
  assert.not.ok(existsSync(project.site), "no site was published");
});

test("a page under a year belongs to that year's part, every other page to the common part", () => {
  const partOf = partOfUrl([
    { name: "2025", years: [2025], shards: ["2025-07-2025-12", "2025-01-2025-06"] },
    { name: "2001-2024", years: [2024, 2001], shards: ["2024", "2001-2023"] },
  ]);
  assert.is(partOf("/2025/03/04/a-story/"), "2025");
  assert.is(partOf("/2001/"), "2001-2024");
  assert.is(partOf("/authors/jane-doe/2025/"), COMMON_PART);
  assert.is(partOf("/search/"), COMMON_PART);
  assert.is(partOf("/feed.xml"), COMMON_PART);
});

test.run();
