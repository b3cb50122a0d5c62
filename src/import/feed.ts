import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import type { Problem } from "../problems.ts";
import type { ImportedPost, ImportedSite } from "./importedPost.ts";
import { sourceDay } from "./sourceDates.ts";
import { proposeSettings } from "./proposedSettings.ts";

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Node[];
const text = (value: unknown): string =>
  (value === undefined || value === null ? "" : typeof value === "object" ? String((value as Node)["#text"] ?? "") : String(value)).trim();

/**
 * Reads an RSS 2.0 or Atom feed. A full-content item (`content:encoded`, Atom `content`) keeps its
 * text; an item with only a summary becomes a reference-only story whose summary is that text.
 */
export function readFeed(file: string, siteUrlOption: string | undefined, timeZone: string): ImportedSite {
  const xml = readFileSync(file, "utf8");
  const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false }).parse(xml) as Node;
  const atom = document.feed as Node | undefined;
  const channel = atom ?? ((document.rss as Node | undefined)?.channel as Node | undefined);
  if (!channel) throw new Error(`${file} is neither an RSS 2.0 nor an Atom feed`);
  const alternate = atom ? list(atom.link).find((link) => (link["@_rel"] ?? "alternate") === "alternate")?.["@_href"] : channel.link;
  const siteUrl = (siteUrlOption ?? text(alternate)).replace(/\/+$/, "") || undefined;
  const warnings: Problem[] = [];
  const skipped: ImportedSite["skipped"] = [];
  const posts: ImportedPost[] = [];
  let searchFrom = 0;
  for (const entry of list(atom ? atom.entry : channel.item)) {
    const at = xml.indexOf(atom ? "<entry" : "<item", searchFrom);
    searchFrom = at + 1;
    const line = xml.slice(0, at).split("\n").length;
    const title = text(entry.title);
    const link = atom ? text(list(entry.link).find((l) => (l["@_rel"] ?? "alternate") === "alternate")?.["@_href"]) : text(entry.link);
    const date = sourceDay(text(atom ? (entry.published ?? entry.updated) : (entry.pubDate ?? entry["dc:date"])), timeZone);
    if (!title || !date) {
      skipped.push({ file, line, reason: !title ? "the entry has no title" : "the entry has no date a feed reader reads" });
      continue;
    }
    const content = text(atom ? entry.content : entry["content:encoded"]);
    const summary = text(atom ? entry.summary : entry.description)
      .replace(/<[^>]*>/g, "")
      .replace(/\s+/g, " ")
      .trim();
    const authors = atom ? list(entry.author).map((author) => text(author.name)) : [text(entry["dc:creator"] ?? entry.author)];
    const oldPath = link && siteUrl && link.startsWith(siteUrl) ? link.slice(siteUrl.length) || "/" : undefined;
    const image = featuredImage(entry, atom !== undefined);
    posts.push({
      file,
      line,
      title,
      date,
      ...(image ? { image: { ...image, line } } : {}),
      byline: authors.filter(Boolean),
      topics: list(entry.category)
        .map((category) => (atom ? text(category["@_term"]) : text(category)))
        .filter(Boolean),
      summary: summary || undefined,
      draft: false,
      body: content,
      oldPaths: oldPath ? [oldPath] : [],
      source: link || undefined,
    });
  }
  const settings = proposeSettings(atom ? "the feed's <feed>" : "the feed's <channel>", {
    title: text(channel.title),
    description: text(atom ? atom.subtitle : channel.description),
    url: text(alternate),
    language: atom ? atom["@_xml:lang"] : text(channel.language),
  });
  return { posts, skipped, warnings, siteUrl, settings, imageFile: () => undefined, featuredImagesStayRemote: true };
}

const isImage = (node: Node) => node["@_medium"] === "image" || String(node["@_type"] ?? "").startsWith("image/");

/**
 * An item's featured image, as feeds carry one: Media RSS's `media:content` (an image, by its
 * `medium` or `type`) or `media:thumbnail`, with `media:description` or `media:title` as its alt
 * text (https://www.rssboard.org/media-rss); an RSS `enclosure` or an Atom `link rel="enclosure"`
 * of an image type. Only an `https:` address is kept (a story's image: from another site must be one).
 */
function featuredImage(entry: Node, atom: boolean): { href: string; alt?: string } | undefined {
  const group = list(entry["media:group"])[0] ?? {};
  const media = [...list(entry["media:content"]), ...list(group["media:content"])].find(isImage);
  const thumbnail = [...list(entry["media:thumbnail"]), ...list(group["media:thumbnail"])][0];
  const enclosure = atom
    ? list(entry.link).find((link) => link["@_rel"] === "enclosure" && isImage(link))
    : list(entry.enclosure).find(isImage);
  const chosen = media ?? thumbnail ?? enclosure;
  const href = text(chosen?.["@_url"] ?? chosen?.["@_href"]);
  if (!href.startsWith("https://")) return undefined;
  const described = (node: Node | undefined) => (node ? text(node["media:description"]) || text(node["media:title"]) : "");
  const alt = described(media) || described(entry) || described(group);
  return { href, ...(alt ? { alt } : {}) };
}
