import type { Archive } from "../archive/buildArchive.ts";
import type { Story } from "../archive/story.ts";
import { NEWS_SITEMAP_URL } from "../pages/buildNewsSitemap.ts";
import type { RedirectPageModel, RedirectsFileModel } from "../pages/pageModels.ts";
import { outputFileOf } from "../build/pageCache.ts";
import type { Problem } from "../problems.ts";

/** Where Netlify and Cloudflare Pages read a site's redirect rules: a file at its root. */
export const REDIRECTS_FILE_URL = "/_redirects";

/** Folders the site writes besides its pages: an alias there would be shadowed or shadow a file. */
const RESERVED_FOLDERS = ["/assets/", "/pagefind/", "/sitemaps/"];

export interface Redirects {
  /** A page at each alias a static host can serve as HTML: a path ending in "/" or a .html file. */
  pages: RedirectPageModel[];
  /** Every alias as a rule, the `?name=value` ones and other files included (see readAliases). */
  file: RedirectsFileModel;
  problems: Problem[];
}

/** An alias a static page can answer: no query, and a folder or an HTML file (any other file would be served as download). */
export const aliasHasPage = (alias: string): boolean => !alias.includes("?") && (alias.endsWith("/") || /\.html?$/i.test(alias));

/**
 * The redirects of every story's `aliases:` (issue 21), and a problem on the `aliases:` line for
 * each alias that is another output of the site (`siteUrls`: the stories' and index pages',
 * feeds', sitemaps') or another story's alias, naming both stories. `recorded` adds, by story file,
 * the addresses the archive published for it before (see reconcileAddresses): redirected as aliases are. Compared by the file each
 * would be written to and without regard to case: one file on case-insensitive disks (issue 22).
 */
export function buildRedirects(
  stories: readonly Story[],
  siteUrls: Iterable<string>,
  recorded: ReadonlyMap<string, readonly string[]> = new Map(),
): Redirects {
  const problems: Problem[] = [];
  const storyAt = new Map<string, Story>();
  for (const story of stories) storyAt.set(fileKey(story.url), story);
  const outputs = new Set<string>();
  for (const url of siteUrls) outputs.add(fileKey(url));
  const aliasOwners = new Map<string, { story: Story; alias: string }[]>();
  for (const story of stories) {
    for (const alias of [...story.aliases, ...(recorded.get(story.sourcePath) ?? [])]) {
      const key = fileKey(alias);
      const owners = aliasOwners.get(key) ?? [];
      owners.push({ story, alias });
      aliasOwners.set(key, owners);
    }
  }
  const at = (story: Story) => ({ file: story.file, line: story.fieldLines.aliases ?? 1 });
  const pages: RedirectPageModel[] = [];
  const rules: RedirectsFileModel["rules"] = [];
  for (const [key, owners] of aliasOwners) {
    const page = storyAt.get(key);
    const reserved = RESERVED_FOLDERS.find((folder) => key.startsWith(folder.slice(1)));
    for (const { story, alias } of owners) {
      if (page === story)
        problems.push({ ...at(story), message: `aliases: ${alias} is this story's own address`, hint: "remove it from aliases" });
      else if (page)
        problems.push({
          ...at(story),
          message: `aliases: ${alias} is the address of another story, ${page.file} (${page.url})`,
          hint: "remove the alias, or give the other story a different slug: line",
        });
      else if (outputs.has(key) || key === fileKey(REDIRECTS_FILE_URL))
        problems.push({ ...at(story), message: `aliases: ${alias} is a page of the archive itself`, hint: "remove it from aliases" });
      else if (reserved)
        problems.push({
          ...at(story),
          message: `aliases: ${alias} is in ${reserved}, which the archive writes itself`,
          hint: "remove it from aliases",
        });
      const others = owners.filter((other) => other.story !== story);
      if (others.length > 0)
        problems.push({
          ...at(story),
          message: `aliases: ${alias} is also an alias of ${others.map((other) => other.story.file).join(", ")}`,
          hint: "an old address can lead to one story only: remove it from all but one",
        });
    }
    if (page || owners.length > 1) continue;
    const [{ story, alias }] = owners;
    rules.push({ from: alias, to: story.url });
    if (aliasHasPage(alias)) pages.push({ kind: "redirect", url: alias, target: story.url, title: story.title });
  }
  if (problems.length > 0) return { pages: [], file: { kind: "redirectsFile", url: REDIRECTS_FILE_URL, rules: [] }, problems };
  rules.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { pages, file: { kind: "redirectsFile", url: REDIRECTS_FILE_URL, rules }, problems };
}

/**
 * The redirects of an archive's aliases, checked against its other outputs (`outputUrls`: the index
 * pages' and feeds'); the sitemaps and robots.txt are at fixed addresses, known without making them.
 */
export function archiveRedirects(
  archive: Archive,
  outputUrls: readonly string[],
  recorded: ReadonlyMap<string, readonly string[]> = new Map(),
): Redirects {
  if (recorded.size === 0 && !archive.stories.some((story) => story.aliases.length > 0)) return buildRedirects([], []);
  return buildRedirects(archive.stories, [...outputUrls, "/sitemap.xml", "/robots.txt", NEWS_SITEMAP_URL], recorded);
}

/** The file an address is written to, in one case: "/old" and "/old/" and "/OLD/index.html" are one. */
function fileKey(url: string): string {
  return outputFileOf(url).toLowerCase();
}
