/**
 * Turns our article files into a Hugo content folder for the side-by-side figure in `npm run bench`.
 * Not timed: Hugo is timed on its own build only. Each story keeps its URL (/YYYY/MM/DD/slug/),
 * bylines become the `authors` taxonomy, topics the `topics` taxonomy, and its local year, month
 * and day become `years`/`months`/`days` taxonomies, Hugo's equivalent of our date archive pages.
 * Cross-references (links to another story's .md file) are rewritten to the target's URL here, as
 * Hugo has no equivalent of our resolution step.
 *
 *   node --import tsx bench/hugo/convert.ts --input /tmp/gen10k --out /tmp/hugo10k/content
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { buildArchive } from "../../src/archive/buildArchive.ts";
import { readStoryFiles } from "../../src/article/readStoryFiles.ts";
import { machineDate } from "../../src/dates.ts";
import { site } from "../../src/site.ts";

export async function convertToHugo(input: string, contentDir: string): Promise<number> {
  const { archive, problems } = buildArchive(await readStoryFiles(input), { timeZone: site.timeZone, includeDrafts: false });
  if (problems.length > 0) throw new Error(`${problems.length} problems in ${input}`);
  await rm(contentDir, { recursive: true, force: true });
  const pad = (n: number) => String(n).padStart(2, "0");
  const dirs = new Set<string>();
  for (const story of archive.stories) {
    const { year, month, day } = story.date.local;
    const frontMatter = {
      title: story.title,
      date: machineDate(story.date),
      url: story.url,
      byline: story.byline.map((b) => (b.role ? { name: b.name, role: b.role } : { name: b.name })),
      authors: story.byline.map((b) => b.name),
      topics: story.topics,
      years: [String(year)],
      months: [`${year}-${pad(month)}`],
      days: [`${year}-${pad(month)}-${pad(day)}`],
      publication: story.publication,
      source: story.source,
      dateInferred: story.dateInferred || undefined,
    };
    const body = story.body.replace(/\]\(([^)\s]+\.md)(#[^)]*)?\)/g, (whole, href: string, fragment = "") => {
      const target = archive.bySourcePath.get(path.posix.normalize(path.posix.join(path.posix.dirname(story.sourcePath), href)));
      return target ? `](${target.url}${fragment})` : whole;
    });
    const file = path.join(contentDir, "stories", story.sourcePath);
    const dir = path.dirname(file);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(file, `---\n${stringify(JSON.parse(JSON.stringify(frontMatter)))}---\n\n${body}`);
  }
  return archive.stories.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { input: { type: "string" }, out: { type: "string" } } });
  if (!values.input || !values.out) throw new Error("usage: convert.ts --input DIR --out CONTENT_DIR");
  const count = await convertToHugo(values.input, values.out);
  console.log(`${count} stories written to ${values.out}`);
}
