import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { SharedImage } from "../src/images/storyImages.ts";
import type { FeedEntry, FeedModel } from "../src/pages/pageModels.ts";
import { html, type Html } from "./html.ts";
import type { RenderContext } from "./renderContext.ts";

/** An Atom feed. Entry content is the story's HTML with its links made absolute by the feed plugin. */
export async function renderFeed(feed: FeedModel, context: RenderContext): Promise<string> {
  const entries = await Promise.all(feed.entries.map((entry) => renderEntry(entry, context)));
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${context.site.language}">
<title>${feed.title}</title>
<subtitle>${feed.subtitle}</subtitle>
<link href="${context.absolute(feed.url)}" rel="self" type="application/atom+xml"/>
<link href="${context.absolute(feed.pageUrl)}" rel="alternate" type="text/html"/>
<id>${context.absolute(feed.url)}</id>
<updated>${feed.updated}</updated>
<author><name>${context.site.title}</name></author>
${entries}
</feed>
`.value;
}

// A story is an entry of the site feed, its authors' and its topics' feeds: its body is parsed
// for links once. Keyed by the body itself, so an edited story is never served stale; by its
// address, then the body string the story holds, whose hash the engine keeps with it (a key
// joining both would be a new string of the whole body, hashed again for every feed).
const absoluteBodies = new Map<string, Map<string, Promise<string>>>();

function absoluteBody(contentHtml: string, url: string, context: RenderContext): Promise<string> {
  let bodies = absoluteBodies.get(url);
  if (!bodies) {
    if (absoluteBodies.size > 20_000) absoluteBodies.clear();
    absoluteBodies.set(url, (bodies = new Map()));
  }
  const known = bodies.get(contentHtml);
  if (known) return known;
  const body = convertHtmlToAbsoluteUrls(withPathPrefix(contentHtml, context), url);
  bodies.set(contentHtml, body);
  return body;
}

async function renderEntry(entry: FeedEntry, context: RenderContext): Promise<Html> {
  const url = context.absolute(entry.url);
  const content = entry.contentHtml === undefined ? undefined : await absoluteBody(entry.contentHtml, url, context);
  return html`<entry>
<title>${entry.title}</title>
<link href="${url}" rel="alternate" type="text/html"/>
<id>${url}</id>
<published>${entry.published}</published>
<updated>${entry.updated}</updated>
${entry.authors.map((name) => html`<author><name>${name}</name></author>`)}
${entry.categories.map((term) => html`<category term="${term}"/>`)}
${entry.image ? enclosure(entry.image, context) : ""}
<summary>${entry.summary}</summary>
${content !== undefined ? html`<content type="html">${entry.correction ? `<p><strong>Correction:</strong> ${escapeForHtml(entry.correction)}</p>` : ""}${content}</content>` : ""}
</entry>
`;
}

/**
 * The body links other stories site-relative ("/2018/…/"). Resolved against the entry's URL they
 * would lose the path prefix ("/news/"), which Eleventy adds to HTML pages only: so they are made
 * absolute here first. markdown-it writes every attribute as name="value".
 */
function withPathPrefix(bodyHtml: string, context: RenderContext): string {
  return bodyHtml.replace(
    /(\s(?:href|src)=")(\/(?!\/)[^"]*)"/g,
    (_, attribute: string, sitePath: string) => `${attribute}${context.absolute(sitePath)}"`,
  );
}

/**
 * The lead image as an Atom enclosure (RFC 4287, 4.2.7.2: `type` and `length` are advisory, so
 * another site's image, whose size is not known, has its address alone).
 */
function enclosure(image: SharedImage, context: RenderContext): Html {
  const href = /^https:/i.test(image.url) ? image.url : context.absolute(image.url);
  return html`<link rel="enclosure" href="${href}"${image.type ? html` type="${image.type}"` : ""}${image.bytes !== undefined ? html` length="${String(image.bytes)}"` : ""}/>`;
}

function escapeForHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
