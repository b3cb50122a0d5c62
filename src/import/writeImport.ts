import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { formatProblem, sortProblems, type Problem } from "../problems.ts";
import { readAliases } from "../article/aliasPaths.ts";
import { outputFileOf } from "../build/pageCache.ts";
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
  /**
   * Old addresses that do not fit the archive's scheme /YYYY/MM/DD/<slug>/, each with its story:
   * written in its `aliases:` (a redirect to the story), or, if no redirect can answer it, why not.
   */
  oldAddresses: { sourcePath: string; oldPath: string; notAnAlias?: string }[];
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
    const { body, images, warnings, image } = rewriteLinks(post.body, post, sourcePath, site, addresses, placed);
    report.warnings.push(...warnings);
    const storyUrlPath = `/${post.date.slice(0, 4)}/${post.date.slice(5, 7)}/${post.date.slice(8, 10)}/${slug}`;
    const aliases: string[] = [];
    for (const oldPath of oldAddressesOf(post)) {
      const read = readAliases(oldPath.replace(/ /g, "%20"));
      // The story's own page, as written or as its index.html: no redirect ("/x.html" is another file, and needs one).
      if (read.ok && outputFileOf(read.value[0]) === outputFileOf(`${storyUrlPath}/`)) continue;
      if (read.ok && !aliases.includes(read.value[0])) aliases.push(read.value[0]);
      report.oldAddresses.push({ sourcePath, oldPath, notAnAlias: read.ok ? undefined : read.message.replace(/^aliases 1: /, "") });
    }
    const fields: StoryFields = {
      title: post.title,
      date: post.date,
      byline: post.byline.length > 0 ? post.byline.map((name) => ({ name })) : undefined,
      topics: post.topics.length > 0 ? post.topics : undefined,
      source: post.source,
      slug: slug === slugify(post.title) ? undefined : slug,
      summary: post.summary,
      draft: post.draft,
      aliases,
      image,
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

/**
 * The post's old addresses, and WordPress's `/?p=ID` of a published post: the address every
 * WordPress site answers whatever its permalinks, and a redirect rule only (see readAliases).
 */
function oldAddressesOf(post: ImportedPost): string[] {
  return post.postId && !post.draft ? [...post.oldPaths, `/?p=${post.postId}`] : post.oldPaths;
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
  for (const { sourcePath, oldPath, notAnAlias } of report.oldAddresses)
    lines.push(
      notAnAlias
        ? `old address ${oldPath} of ${sourcePath} cannot redirect: ${notAnAlias}`
        : `old address ${oldPath} of ${sourcePath} redirects to it (aliases:)`,
    );
  const count = (outcome: string) => report.imported.filter((entry) => entry.outcome === outcome).length;
  lines.push(
    `${count("written")} new, ${count("replaced")} replaced, ${count("unchanged")} unchanged, ${report.skipped.length} skipped, ${report.warnings.length} warnings`,
  );
  return lines.join("\n");
}
