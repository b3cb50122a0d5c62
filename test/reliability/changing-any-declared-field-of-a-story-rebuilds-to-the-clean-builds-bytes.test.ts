import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { storyFields } from "../../src/article/schema.ts";
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { outputFileOf } from "../../src/build/pageCache.ts";
import { site } from "../../src/site.ts";
import { archiveOnDisk, differences, fingerprint, writeStoryFiles } from "./archiveOnDisk.ts";

/**
 * Issue 19: a rebuild keeps every page whose fingerprint is unchanged, so a field the fingerprint
 * forgot would leave pages stale. For every declared field (the loop goes over the declarations,
 * so a field added later is tried too), one story is given the field's documented example value;
 * the rebuild must equal a clean build byte for byte, and the site must differ from the one
 * without that value: the story's page, or for a field it does not print (a correction without
 * updated), the feeds that carry it.
 */

const test = suite("changing any declared field of a story rebuilds to the clean build's bytes");

const STORY = "2020/01/a-plain-story.md";
const base = { title: '"A Plain Story"', date: "2020-01-14" };
const storyText = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n")}\n---\nA short text, which [links to another story](../02/another-story.md).\n`;

/** The story's page as published: its file's bytes, or undefined when it has none (a draft). */
async function storyPageIn(siteFolder: string, articles: string): Promise<string | undefined> {
  const { archive } = buildArchive(await readStoryFiles(articles), { timeZone: site.timeZone, includeDrafts: false });
  const story = archive.bySourcePath.get(STORY);
  if (!story) return undefined;
  const file = path.join(siteFolder, outputFileOf(story.url));
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

test("for every declared field, a story given its value rebuilds to a clean build, and its page shows the change", async () => {
  const project = archiveOnDisk({
    [STORY]: storyText(base),
    "2020/02/another-story.md": `---\ntitle: "Another Story"\ndate: 2020-02-03\nbyline: [Dana Field]\ntopics: [Rebuilds]\n---\nIt is linked to.\n`,
  });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const pageWithout = await storyPageIn(project.site, project.articles);
  assert.ok(pageWithout, "the story has a page");
  const siteWithout = fingerprint(project.site);
  for (const [name, spec] of Object.entries(storyFields)) {
    assert.not.equal(base[name as keyof typeof base], spec.doc.example, `${name}: the fixture differs from the example`);
    writeStoryFiles(project.articles, { [STORY]: storyText({ ...base, [name]: spec.doc.example }) });
    await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
    const clean = archiveOnDisk();
    await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
    assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), [], `${name}: the rebuild equals a clean build`);
    const changed = differences(siteWithout, fingerprint(project.site));
    const pageChanged = (await storyPageIn(project.site, project.articles)) !== pageWithout;
    assert.ok(pageChanged || changed.some((file) => file.endsWith(".xml: changed")), `${name}: a page showing it changed`);
    clean.remove();
  }
});

test.run();
