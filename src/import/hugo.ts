import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import type { Problem } from "../problems.ts";
import type { ImportedPost, ImportedSite } from "./importedPost.ts";
import { sourceDay } from "./sourceDates.ts";
import { proposeSettings } from "./proposedSettings.ts";
import { featuredImage, readPostFile, stringList } from "./sourceFrontMatter.ts";

/** Reads a Hugo site folder (its `hugo.toml`/`config.toml`/`hugo.yaml` and `content/`), or one content section folder. */
export function readHugoSite(folder: string, siteUrlOption: string | undefined, timeZoneFallback: string): ImportedSite {
  const { config, name: configName } = readConfig(folder);
  const timeZone = typeof config.timeZone === "string" ? config.timeZone : timeZoneFallback;
  const siteUrl = (siteUrlOption ?? (typeof config.baseURL === "string" ? config.baseURL : "")).replace(/\/+$/, "") || undefined;
  const content = existsSync(path.join(folder, "content")) ? path.join(folder, "content") : folder;
  const warnings: Problem[] = [];
  const skipped: ImportedSite["skipped"] = [];
  const posts: ImportedPost[] = [];
  const byContentPath = new Map<string, ImportedPost>();
  for (const name of (readdirSync(content, { recursive: true, encoding: "utf8" }) as string[]).sort()) {
    if (!/\.(?:md|markdown)$/.test(name) || path.basename(name).startsWith("_index")) continue;
    const file = path.join(content, name);
    const source = readPostFile(file, skipped);
    if (!source) continue;
    const { data } = source;
    const date = sourceDay(data.date ?? data.publishDate, timeZone);
    if (typeof data.title !== "string" || !date) {
      skipped.push({ file, reason: typeof data.title !== "string" ? "it has no title" : "it has no date Hugo reads" });
      continue;
    }
    const contentPath = name.split(path.sep).join("/");
    const bundle = path.basename(contentPath).startsWith("index.");
    const slug =
      typeof data.slug === "string" ? data.slug : path.basename(bundle ? path.dirname(contentPath) : contentPath).replace(/\.\w+$/, "");
    const section = contentPath.includes("/") ? contentPath.split("/")[0] + "/" : "";
    const permalink = typeof data.url === "string" ? data.url : `/${section}${slug}/`;
    const post: ImportedPost = {
      file,
      bodyStartLine: source.bodyStartLine,
      title: data.title.trim(),
      date,
      byline: [...stringList(data.authors), ...stringList(data.author)],
      topics: [...stringList(data.categories), ...stringList(data.tags)],
      summary:
        typeof data.summary === "string" ? data.summary.trim() : typeof data.description === "string" ? data.description.trim() : undefined,
      draft: data.draft === true,
      body: source.body,
      oldPaths: [permalink, ...stringList(data.aliases)],
      oldSlug: slug,
      source: siteUrl ? siteUrl + permalink : undefined,
      image: featuredImage(source),
    };
    posts.push(post);
    byContentPath.set(contentPath.replace(/(?:\/index)?\.\w+$/, ""), post);
  }
  for (const post of posts) post.body = convertShortcodes(post, byContentPath, warnings);
  const staticFolder = path.join(folder, "static");
  return {
    posts,
    skipped,
    warnings,
    siteUrl,
    settings:
      configName === undefined
        ? undefined
        : proposeSettings(configName, {
            title: config.title,
            description: (config.params as Record<string, unknown> | undefined)?.description,
            url: config.baseURL,
            language: config.languageCode,
            timeZone: config.timeZone,
          }),
    imageFile(sitePath, post) {
      for (const candidate of [path.join(staticFolder, sitePath), path.join(path.dirname(post.file), path.basename(sitePath))])
        if (existsSync(candidate)) return candidate;
      return undefined;
    },
  };
}

/** The site's configuration, and the name of its file; none when given a content section folder. */
function readConfig(folder: string): { config: Record<string, unknown>; name?: string } {
  for (const name of ["hugo.toml", "config.toml", "hugo.yaml", "config.yaml"]) {
    const file = path.join(folder, name);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    return { config: (name.endsWith(".toml") ? parseToml(text) : (parseYaml(text) ?? {})) as Record<string, unknown>, name };
  }
  return { config: {} };
}

/**
 * `ref`/`relref` become the post's old address, `figure` an HTML figure, `youtube` an iframe on
 * youtube-nocookie.com; any other shortcode is removed with a warning naming its line.
 */
function convertShortcodes(post: ImportedPost, byContentPath: Map<string, ImportedPost>, warnings: Problem[]): string {
  const lineAt = (offset: number) => post.bodyStartLine! + post.body.slice(0, offset).split("\n").length - 1;
  const attribute = (inner: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(inner)?.[1];
  return post.body.replace(/\{\{[<%]\s*(\/?[\w-]+)([^]*?)[>%]\}\}/g, (whole, name: string, inner: string, offset: number) => {
    if (name === "ref" || name === "relref") {
      const target = /"([^"]+)"/.exec(inner)?.[1] ?? "";
      const [file, fragment] = target.split("#");
      const found = byContentPath.get(file.replace(/^\//, "").replace(/(?:\/index)?\.\w+$/, ""));
      if (found) return found.oldPaths[0] + (fragment ? `#${fragment}` : "");
    }
    if (name === "figure") {
      const src = attribute(inner, "src") ?? "";
      const caption = attribute(inner, "caption");
      return `<figure><img src="${src}" alt="${attribute(inner, "alt") ?? caption ?? ""}">${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
    }
    if (name === "youtube") {
      const id = attribute(inner, "id") ?? /"?([\w-]{11})"?/.exec(inner)?.[1];
      if (id)
        return `<iframe src="https://www.youtube-nocookie.com/embed/${id}" title="${attribute(inner, "title") ?? "YouTube video"}" allowfullscreen></iframe>`;
    }
    warnings.push({
      file: post.file,
      line: lineAt(offset),
      message: `the shortcode ${JSON.stringify(whole.slice(0, 60))} has no meaning outside Hugo: removed`,
      hint: "write what it showed into the story by hand if it mattered",
    });
    return "";
  });
}
