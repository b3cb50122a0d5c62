import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { storyFields, type FieldDeclarations } from "../../src/article/schema.ts";
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { outputFileOf } from "../../src/build/pageCache.ts";
import { site } from "../../src/site.ts";
import { archiveOnDisk, differences, fingerprint, writeStoryFiles } from "./archiveOnDisk.ts";

/**
 * Issue 19: a rebuild keeps every page whose fingerprint is unchanged, so a field the fingerprint
 * forgot would leave pages stale. For every declared field (the loop goes over the declarations,
 * so a field added later is tried too), a story of its own is given the field's documented
 * example value (with the example of the field it needs, if any: a correction with its updated),
 * all in one edit; the rebuild must equal a clean build byte for byte (a story page left stale by
 * a forgotten field would differ: each story page shows one story), and each story's page must
 * have changed.
 */

const test = suite("changing any declared field of a story rebuilds to the clean build's bytes");

const storyOf = (field: string) => `2020/01/a-story-given-${field.toLowerCase()}.md`;
const base = (field: string) => ({ title: `"A Story Given ${field}"`, date: "2020-01-14" });
const storyText = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n")}\n---\nA short text, which [links to another story](../02/another-story.md).\n`;

/** Each field's story page as published: its file's bytes, or undefined when it has none (a draft). */
async function storyPagesIn(siteFolder: string, articles: string): Promise<Map<string, string | undefined>> {
  const { archive } = buildArchive(await readStoryFiles(articles), { timeZone: site.timeZone, includeDrafts: false });
  return new Map(
    Object.keys(storyFields).map((field) => {
      const story = archive.bySourcePath.get(storyOf(field));
      const file = story && path.join(siteFolder, outputFileOf(story.url));
      return [field, file && existsSync(file) ? readFileSync(file, "utf8") : undefined];
    }),
  );
}

test("for every declared field, a story given its value rebuilds to a clean build, and its page shows the change", async () => {
  const fields = Object.entries(storyFields);
  const project = archiveOnDisk({
    ...Object.fromEntries(fields.map(([name]) => [storyOf(name), storyText(base(name))])),
    "2020/02/another-story.md": `---\ntitle: "Another Story"\ndate: 2020-02-03\nbyline: [Dana Field]\ntopics: [Rebuilds]\n---\nIt is linked to.\n`,
  });
  const cache = mkdtempSync(path.join(tmpdir(), "news-archive-cache-"));
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const pagesWithout = await storyPagesIn(project.site, project.articles);
  const siteWithout = fingerprint(project.site);
  for (const [name, spec] of fields) {
    assert.ok(pagesWithout.get(name), `${name}: the story has a page`);
    assert.not.equal(base(name)[name as "title" | "date"], spec.doc.example, `${name}: the fixture differs from the example`);
    const needed: Record<string, string> = spec.needs ? { [spec.needs]: (storyFields as FieldDeclarations)[spec.needs].doc.example } : {};
    writeStoryFiles(project.articles, { [storyOf(name)]: storyText({ ...base(name), ...needed, [name]: spec.doc.example }) });
  }
  await buildSite({ input: project.articles, output: project.site, cacheDir: cache });
  const clean = archiveOnDisk();
  await buildSite({ input: project.articles, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), [], "the rebuild equals a clean build");
  const changes = differences(siteWithout, fingerprint(project.site));
  // Aliases are not shown on the story's page: each is a redirect page of its own, and a rule of _redirects.
  // The documented example is [/2018/11/old-address/, /blog/old-story.html].
  const aliasPagesWritten = ["_redirects", "2018/11/old-address/index.html", "blog/old-story.html"].every((file) =>
    changes.includes(`${file}: new`),
  );
  const pagesWith = await storyPagesIn(project.site, project.articles);
  for (const [name] of fields) {
    const pageChanged = pagesWith.get(name) !== pagesWithout.get(name);
    assert.ok(pageChanged || (name === "aliases" && aliasPagesWritten), `${name}: a page showing it changed`);
  }
});

test.run();
