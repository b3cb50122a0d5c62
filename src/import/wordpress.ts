import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Problem } from "../problems.ts";
import type { ImportedPost, ImportedSite } from "./importedPost.ts";
import { proposeSettings } from "./proposedSettings.ts";

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Node[];
const text = (value: unknown): string =>
  (value === undefined || value === null ? "" : typeof value === "object" ? String((value as Node)["#text"] ?? "") : String(value)).trim();

/**
 * Reads a WordPress export (WXR): posts only (pages and attachments serve links and images),
 * `dc:creator` logins as the authors' display names, categories and tags as topics, the day of
 * `wp:post_date` (the site's local time), drafts and private posts as drafts.
 */
export function readWordPressExport(file: string, siteUrlOption: string | undefined, uploads: string | undefined): ImportedSite {
  const xml = readFileSync(file, "utf8");
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: false });
  const channel = (parser.parse(xml) as Node).rss as Node;
  const { channel: inner } = channel as { channel: Node };
  const siteUrl = (siteUrlOption ?? text(inner["wp:base_blog_url"] ?? inner.link)).replace(/\/+$/, "") || undefined;
  const authors = new Map(
    list(inner["wp:author"]).map((author) => [text(author["wp:author_login"]), text(author["wp:author_display_name"])]),
  );
  const warnings: Problem[] = [];
  const skipped: ImportedSite["skipped"] = [];
  const posts: ImportedPost[] = [];
  const attachments = attachmentsOf(list(inner.item), xml);
  for (const item of list(inner.item)) {
    const id = text(item["wp:post_id"]);
    const line = lineOf(xml, `<wp:post_id>${id}</wp:post_id>`);
    const type = text(item["wp:post_type"]);
    if (type !== "post") {
      if (type !== "attachment") skipped.push({ file, line, reason: `"${text(item.title)}" is a ${type}, not a post` });
      continue;
    }
    const status = text(item["wp:status"]);
    if (status === "trash" || status === "auto-draft") {
      skipped.push({ file, line, reason: `"${text(item.title)}" is in WordPress's ${status}` });
      continue;
    }
    const day = /^\d{4}-\d{2}-\d{2}/.exec(text(item["wp:post_date"]))?.[0];
    if (!day || day.startsWith("0000")) {
      skipped.push({ file, line, reason: `"${text(item.title)}" has no wp:post_date` });
      continue;
    }
    const link = text(item.link);
    const oldPath = link && siteUrl && link.startsWith(siteUrl) ? link.slice(siteUrl.length) || "/" : undefined;
    const categories = list(item.category);
    const post: ImportedPost = {
      file,
      line,
      title: text(item.title) || `Untitled post ${id}`,
      date: day,
      byline: [text(item["dc:creator"])].filter(Boolean).map((login) => authors.get(login) || login),
      topics: [...categories.filter((c) => c["@_domain"] === "category"), ...categories.filter((c) => c["@_domain"] === "post_tag")]
        .map(text)
        .filter((name) => name !== "" && name !== "Uncategorized"),
      summary: text(item["excerpt:encoded"]) || undefined,
      draft: status !== "publish",
      body: "",
      oldPaths: oldPath && !/[?&]p=\d+/.test(oldPath) ? [oldPath] : [],
      oldSlug: text(item["wp:post_name"]) || undefined,
      postId: id,
      source: status === "publish" && link ? link : undefined,
    };
    post.body = convertShortcodes(text(item["content:encoded"]), post, warnings);
    const thumbnailId = postMeta(item, "_thumbnail_id");
    if (thumbnailId) {
      const attachment = attachments.get(thumbnailId);
      if (attachment) post.image = attachment;
      else
        warnings.push({
          file,
          line,
          message: `the featured image of "${post.title}" is attachment ${thumbnailId}, which is not in the export: imported without image:`,
          hint: "export with Tools → Export → All content, so attachments are included, and import again with --force",
        });
    }
    posts.push(post);
  }
  return {
    posts,
    skipped,
    warnings,
    siteUrl,
    // WordPress keeps its time zone in its options, which an export leaves out.
    settings: proposeSettings("the export's channel", {
      title: text(inner.title),
      description: text(inner.description),
      url: text(inner.link) || siteUrl,
      language: text(inner.language),
    }),
    imageFile(sitePath) {
      const at = sitePath.indexOf("/wp-content/uploads/");
      if (!uploads || at === -1) return undefined;
      const found = path.join(uploads, sitePath.slice(at + "/wp-content/uploads/".length));
      return existsSync(found) ? found : undefined;
    },
  };
}

/** A `wp:postmeta` value of an item, by its key. */
function postMeta(item: Node, key: string): string | undefined {
  return list(item["wp:postmeta"])
    .filter((meta) => text(meta["wp:meta_key"]) === key)
    .map((meta) => text(meta["wp:meta_value"]))[0];
}

/**
 * The attachments of an export by their ID, as a featured image (`_thumbnail_id`) names them:
 * the file's address, its alt text (`_wp_attachment_image_alt`) and caption (the attachment's
 * excerpt, which is what WordPress's media library calls its caption), and its line.
 */
function attachmentsOf(items: Node[], xml: string): Map<string, NonNullable<ImportedPost["image"]>> {
  const attachments = new Map<string, NonNullable<ImportedPost["image"]>>();
  for (const item of items) {
    if (text(item["wp:post_type"]) !== "attachment") continue;
    const id = text(item["wp:post_id"]);
    const href = text(item["wp:attachment_url"]) || text(item.guid);
    if (!href) continue;
    const alt = postMeta(item, "_wp_attachment_image_alt");
    const caption = text(item["excerpt:encoded"]);
    attachments.set(id, {
      href,
      alt: alt === undefined ? undefined : alt,
      caption: caption || undefined,
      line: lineOf(xml, `<wp:post_id>${id}</wp:post_id>`),
    });
  }
  return attachments;
}

function lineOf(xml: string, needle: string): number | undefined {
  const at = xml.indexOf(needle);
  return at === -1 ? undefined : xml.slice(0, at).split("\n").length;
}

/**
 * Gutenberg's block comments are dropped; `[caption]` becomes a figure with its caption, `[embed]`
 * a link; any other shortcode is removed with a warning, so no reader sees it.
 */
function convertShortcodes(content: string, post: ImportedPost, warnings: Problem[]): string {
  return content
    .replace(/<!--\s*\/?wp:[\s\S]*?-->\n?/g, "")
    .replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/g, (_, inner: string) => {
      const image = /^\s*((?:<a\s[^>]*>)?\s*<img\s[^>]*>\s*(?:<\/a>)?)([\s\S]*)$/.exec(inner);
      if (!image) return inner.trim();
      return `<figure>${image[1].trim()}<figcaption>${image[2].trim()}</figcaption></figure>`;
    })
    .replace(/\[embed[^\]]*\]\s*(\S+?)\s*\[\/embed\]/g, (_, url: string) => `[${url}](${url})`)
    .replace(/\[\/?([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\](?!\()/g, (whole: string, name: string) => {
      warnings.push({
        file: post.file,
        line: post.line,
        message: `the shortcode ${JSON.stringify(whole.slice(0, 60))} of "${post.title}" has no meaning outside WordPress: removed`,
        hint: `write what [${name}] showed into the story by hand if it mattered`,
      });
      return "";
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
