import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { Problem } from "../problems.ts";
import type { ImportedPost, ImportedSite } from "./importedPost.ts";
import { sourceDay } from "./sourceDates.ts";
import { proposeSettings } from "./proposedSettings.ts";
import { featuredImage, readPostFile, readSourceFile, stringList } from "./sourceFrontMatter.ts";

const POST_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(?:md|markdown|html)$/;

/** Jekyll's named permalink styles (jekyllrb.com/docs/permalinks/#built-in-formats). */
const PERMALINK_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

/** Reads a Jekyll site folder: `_config.yml`, `_posts/`, `_drafts/`, `_authors/`, its asset files. */
export function readJekyllSite(siteFolder: string, siteUrlOption: string | undefined, timeZoneFallback: string): ImportedSite {
  const config = (
    existsSync(path.join(siteFolder, "_config.yml")) ? (parseYaml(readFileSync(path.join(siteFolder, "_config.yml"), "utf8")) ?? {}) : {}
  ) as Record<string, unknown>;
  const timeZone = typeof config.timezone === "string" ? config.timezone : timeZoneFallback;
  const baseurl = typeof config.baseurl === "string" ? config.baseurl.replace(/\/+$/, "") : "";
  const siteUrl = siteUrlOption ?? (typeof config.url === "string" ? config.url.replace(/\/+$/, "") + baseurl : undefined);
  const permalink = typeof config.permalink === "string" ? (PERMALINK_STYLES[config.permalink] ?? config.permalink) : PERMALINK_STYLES.date;
  const authors = readAuthors(path.join(siteFolder, "_authors"));
  const warnings: Problem[] = [];
  const skipped: ImportedSite["skipped"] = [];
  const posts: ImportedPost[] = [];
  const byFileName = new Map<string, ImportedPost>();

  for (const [folder, draftFolder] of [
    ["_posts", false],
    ["_drafts", true],
  ] as const) {
    const dir = path.join(siteFolder, folder);
    if (!existsSync(dir)) continue;
    for (const name of (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).sort()) {
      const file = path.join(dir, name);
      const base = path.basename(name);
      const match = POST_NAME.exec(base);
      if (!match) {
        if (/\.(?:md|markdown|html)$/.test(base)) skipped.push({ file, reason: "the name does not start with a date YYYY-MM-DD-" });
        continue;
      }
      const source = readPostFile(file, skipped);
      if (!source) continue;
      const { data } = source;
      const title = typeof data.title === "string" ? data.title.trim() : match[4].replace(/-/g, " ");
      const date = data.date === undefined ? `${match[1]}-${match[2]}-${match[3]}` : sourceDay(data.date, timeZone);
      if (!date) {
        skipped.push({ file, reason: `date: ${JSON.stringify(data.date)} is not a date Jekyll reads` });
        continue;
      }
      const slug = typeof data.slug === "string" ? data.slug : match[4];
      const categories = [...stringList(data.categories), ...stringList(data.category)];
      const pattern = typeof data.permalink === "string" ? data.permalink : permalink;
      const oldPath = permalinkPath(pattern, { date, slug, categories });
      const names = [...stringList(data.author), ...stringList(data.authors)];
      const post: ImportedPost = {
        file,
        bodyStartLine: source.bodyStartLine,
        title,
        date,
        byline: names.map((name) => authors.get(name) ?? name),
        topics: [...categories, ...stringList(data.tags)],
        summary:
          typeof data.excerpt === "string"
            ? data.excerpt.trim() || undefined
            : typeof data.description === "string"
              ? data.description.trim() || undefined
              : undefined,
        draft: draftFolder || data.published === false || data.draft === true,
        body: source.body,
        oldPaths: [oldPath, ...stringList(data.redirect_from)],
        oldSlug: slug,
        source: siteUrl ? siteUrl + oldPath : undefined,
        image: featuredImage(source),
      };
      posts.push(post);
      byFileName.set(base.replace(/\.(?:md|markdown|html)$/, ""), post);
    }
  }
  for (const post of posts) post.body = convertLiquid(post, byFileName, baseurl, warnings);
  return {
    posts,
    skipped,
    warnings,
    siteUrl,
    settings: proposeSettings("_config.yml", {
      title: config.title,
      description: config.description,
      url: typeof config.url === "string" ? config.url.replace(/\/+$/, "") + baseurl : undefined,
      language: config.lang,
      timeZone: config.timezone,
    }),
    imageFile(sitePath) {
      // Only files of the site folder: a "../" in an old post's image path must not reach outside it.
      const root = path.resolve(siteFolder);
      const file = path.resolve(root, `.${path.posix.normalize(`/${sitePath}`)}`);
      return file.startsWith(root + path.sep) && existsSync(file) ? file : undefined;
    },
  };
}

/** Full names of authors from `_authors/<key>.md` (their `name:`), by key. */
function readAuthors(folder: string): Map<string, string> {
  const authors = new Map<string, string>();
  if (!existsSync(folder)) return authors;
  for (const name of readdirSync(folder).sort()) {
    const { data } = readSourceFile(readFileSync(path.join(folder, name), "utf8"));
    const key = typeof data.short_name === "string" ? data.short_name : path.parse(name).name;
    if (typeof data.name === "string") authors.set(key, data.name);
  }
  return authors;
}

function permalinkPath(pattern: string, { date, slug, categories }: { date: string; slug: string; categories: string[] }): string {
  const [year, month, day] = date.split("-");
  const filled = pattern
    .replace(/:categories/g, categories.map((category) => category.toLowerCase().replace(/\s+/g, "-")).join("/"))
    .replace(/:year/g, year)
    .replace(/:month/g, month)
    .replace(/:i_month/g, String(Number(month)))
    .replace(/:day/g, day)
    .replace(/:i_day/g, String(Number(day)))
    .replace(/:title|:slug/g, slug)
    .replace(/:output_ext/g, ".html");
  return "/" + filled.replace(/\/{2,}/g, "/").replace(/^\//, "");
}

/**
 * Liquid with a meaning becomes what Jekyll would have printed (`{{ site.baseurl }}`, `{% post_url %}`,
 * `{% link %}`); any other tag or output is removed with a warning naming its line, so no reader sees it.
 */
function convertLiquid(post: ImportedPost, byFileName: Map<string, ImportedPost>, baseurl: string, warnings: Problem[]): string {
  const lineAt = (offset: number) => post.bodyStartLine! + post.body.slice(0, offset).split("\n").length - 1;
  return post.body
    .replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_, inner: string) => inner.replace(/\{/g, "&#123;"))
    .replace(/\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g, "")
    .replace(/\{%-?\s*post_url\s+(\S+?)\s*-?%\}/g, (whole, name: string, offset: number) => {
      const target = byFileName.get(path.basename(name));
      if (target) return target.oldPaths[0];
      warnings.push({
        file: post.file,
        line: lineAt(offset),
        message: `{% post_url ${name} %} names no post of the site: removed`,
        hint: "check the post's file name",
      });
      return "";
    })
    .replace(/\{%-?\s*link\s+(\S+?)\s*-?%\}/g, (_, target: string) => {
      const named = byFileName.get(path.basename(target).replace(/\.(?:md|markdown|html)$/, ""));
      return named ? named.oldPaths[0] : "/" + target.replace(/^\//, "").replace(/\.(?:md|markdown)$/, ".html");
    })
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, (whole: string, offset: number) => {
      warnings.push({
        file: post.file,
        line: lineAt(offset),
        message: `the Liquid ${JSON.stringify(whole.slice(0, 60))} has no meaning outside Jekyll: removed`,
        hint: "write what it printed into the story by hand if it mattered",
      });
      return "";
    });
}
