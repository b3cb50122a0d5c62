import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { formatProblem, sortProblems, type Problem } from "../problems.ts";
import { slugify } from "../slug.ts";
import { writeStoryFile } from "../cli/storyFile.ts";
import { serializeStory, type StoryFields } from "../wire/frontMatter.ts";
import type { ImportedPost, ImportedSite } from "./importedPost.ts";
import { normalisedPath, rewriteLinks, type PostAddresses } from "./linkRewriter.ts";

export interface ImportOptions {
  articles: string;
  dryRun: boolean;
  force: boolean;
}

export interface ImportReport {
  /** Source path in the archive, and what happened: written, unchanged (same bytes already there), replaced. */
  imported: { sourcePath: string; from: string; outcome: "written" | "unchanged" | "replaced" }[];
  skipped: { file: string; line?: number; reason: string }[];
  warnings: Problem[];
  /** Old addresses that do not fit the archive's scheme /YYYY/MM/DD/<slug>/: each with its story. */
  oldAddresses: { sourcePath: string; oldPath: string }[];
}

interface PlannedStory {
  post: ImportedPost;
  sourcePath: string;
  slug: string;
}

/**
 * Gives each post its place in the archive: `articles/YYYY/MM/<slug>.md`, the slug taken from its
 * old address when that address is already the archive's `/YYYY/MM/DD/<slug>/` for the same day
 * (so the old address keeps working as it is), else the archive's slug of its title.
 */
export function planStories(posts: readonly ImportedPost[]): PlannedStory[] {
  const taken = new Set<string>();
  return posts.map((post) => {
    const [year, month, day] = post.date.split("-");
    const fits = post.oldPaths
      .map((oldPath) => new RegExp(`^/${year}/${month}/${day}/([a-z0-9]+(?:-[a-z0-9]+)*)/?$`).exec(normalisedPath(oldPath) + "/"))
      .find(Boolean);
    let slug = fits?.[1] ?? (slugify(post.title) || slugify(post.oldSlug ?? "") || "story");
    for (let n = 2; taken.has(`${year}/${month}/${slug}`); n++) slug = `${fits?.[1] ?? slugify(post.title)}-${n}`;
    taken.add(`${year}/${month}/${slug}`);
    return { post, slug, sourcePath: `${year}/${month}/${slug}.md` };
  });
}

/** Writes the imported stories and their images; never replaces a different story without `force`. */
export async function writeImport(site: ImportedSite, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [...site.skipped], warnings: [...site.warnings], oldAddresses: [] };
  const planned = planStories(site.posts);
  const addresses: PostAddresses = { bySitePath: new Map() };
  for (const { post, sourcePath } of planned) {
    for (const oldPath of post.oldPaths) addresses.bySitePath.set(normalisedPath(oldPath), sourcePath);
    if (post.postId) addresses.bySitePath.set(`?p=${post.postId}`, sourcePath);
  }
  const placed = new Map<string, string>();
  for (const { post, sourcePath, slug } of planned) {
    const { body, images, warnings } = rewriteLinks(post.body, post, sourcePath, site, addresses, placed);
    report.warnings.push(...warnings);
    const storyUrlPath = `/${post.date.slice(0, 4)}/${post.date.slice(5, 7)}/${post.date.slice(8, 10)}/${slug}`;
    for (const oldPath of post.oldPaths) if (normalisedPath(oldPath) !== storyUrlPath) report.oldAddresses.push({ sourcePath, oldPath });
    const fields: StoryFields = {
      title: post.title,
      date: post.date,
      byline: post.byline.length > 0 ? post.byline.map((name) => ({ name })) : undefined,
      topics: post.topics.length > 0 ? post.topics : undefined,
      source: post.source,
      slug: slug === slugify(post.title) ? undefined : slug,
      summary: post.summary,
      draft: post.draft,
    };
    const text = serializeStory(fields, body);
    const file = path.join(options.articles, sourcePath);
    const existing = await readFile(file, "utf8").catch(() => undefined);
    if (existing === text) {
      report.imported.push({ sourcePath, from: post.file, outcome: "unchanged" });
    } else if (existing !== undefined && !options.force) {
      report.skipped.push({
        file: post.file,
        line: post.line,
        reason: `${sourcePath} already holds a different story (pass --force to replace it)`,
      });
      continue;
    } else {
      if (!options.dryRun) await writeStoryFile(file, text, { replace: true });
      report.imported.push({ sourcePath, from: post.file, outcome: existing === undefined ? "written" : "replaced" });
    }
    for (const image of images) await copyImage(image.from, path.join(options.articles, image.to), options);
  }
  return report;
}

/** Copies an image unless the same bytes are there already (a second import writes nothing). */
async function copyImage(from: string, to: string, { dryRun }: ImportOptions): Promise<void> {
  const [source, existing] = await Promise.all([readFile(from), readFile(to).catch(() => undefined)]);
  if (dryRun || (existing && existing.equals(source))) return;
  await copyFile(from, to);
}

/** The report as printed: one line per story, per skipped post and per warning (`file:line: …`). */
export function formatReport(report: ImportReport, dryRun: boolean): string {
  const lines: string[] = [];
  const verb = dryRun ? "would import" : "imported";
  for (const { sourcePath, from, outcome } of report.imported)
    lines.push(
      `${outcome === "unchanged" ? "unchanged" : outcome === "replaced" ? (dryRun ? "would replace" : "replaced") : verb} ${sourcePath} (from ${from})`,
    );
  for (const { file, line, reason } of report.skipped) lines.push(`skipped ${line === undefined ? file : `${file}:${line}`}: ${reason}`);
  for (const warning of sortProblems(report.warnings)) lines.push(`warning: ${formatProblem(warning)}`);
  for (const { sourcePath, oldPath } of report.oldAddresses)
    lines.push(`old address ${oldPath} of ${sourcePath} does not fit /YYYY/MM/DD/<slug>/: it needs a redirect`);
  const count = (outcome: string) => report.imported.filter((entry) => entry.outcome === outcome).length;
  lines.push(
    `${count("written")} new, ${count("replaced")} replaced, ${count("unchanged")} unchanged, ${report.skipped.length} skipped, ${report.warnings.length} warnings`,
  );
  return lines.join("\n");
}
