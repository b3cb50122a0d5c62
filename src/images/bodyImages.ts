import type { Token } from "markdown-it";

/**
 * The images of a story body (issue 20), found in its parsed tokens before it is rendered:
 * Markdown `![alt](file "title")` and raw HTML `<img>`. Each one the archive serves (a file
 * beside the story, or an `https:` address) gets a placeholder for its `src`, so the rendered
 * body can be kept between builds and the image's markup, which depends on the image file's
 * bytes, filled in by each build (see storyImages.ts).
 */
export interface BodyImage {
  /** The `src` as written. */
  src: string;
  /** 1-based line in the body. */
  bodyLine: number;
  /** The alt text; undefined when the image has no `alt` (Markdown's `![](…)` counts as none). */
  alt: string | undefined;
}

/** The placeholder of the `index`-th image's src; markdown-it replaces a NUL in its input, so none is the editor's. */
export const imagePlaceholder = (index: number) => `\u0000image${index}\u0000`;

/** A rendered and sanitized `<img>` whose src is a placeholder: sanitize-html writes attributes in double quotes. */
const PLACEHOLDER_IMG = /<img\b[^>]*?\ssrc="\u0000image(\d+)\u0000"[^>]*>/g;

/** A raw HTML `<img>` tag and its src attribute, in any of HTML's three quotings. */
const RAW_IMG = /<img\b[^>]*>/gi;
const RAW_SRC = /(\ssrc\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)/i;
const RAW_ALT = /\salt\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)/i;

/** An image the archive serves: a file beside the story (relative, or from the articles folder with "/"), or an https: address. */
export function isServedImage(src: string): boolean {
  const trimmed = src.trim();
  if (trimmed === "" || trimmed.startsWith("//")) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === "https";
}

/** Finds every served image of a parsed body and puts a placeholder in its src (in the tokens). */
export function markBodyImages(tokens: Token[]): BodyImage[] {
  const images: BodyImage[] = [];
  const markRaw = (token: Token, firstLine: number) => {
    token.content = token.content.replace(RAW_IMG, (tag: string, offset: number) => {
      const src = RAW_SRC.exec(tag);
      if (!src) return tag;
      const value = decodeEntities(unquote(src[2]));
      if (!isServedImage(value)) return tag;
      const alt = RAW_ALT.exec(tag);
      const bodyLine = firstLine + (token.content.slice(0, offset).match(/\n/g)?.length ?? 0);
      images.push({ src: value, bodyLine, alt: alt ? decodeEntities(unquote(alt[1])) : undefined });
      return tag.replace(RAW_SRC, (_, before: string) => `${before}"${imagePlaceholder(images.length - 1)}"`);
    });
  };
  for (const block of tokens) {
    const firstLine = (block.map?.[0] ?? 0) + 1;
    if (block.type === "html_block") markRaw(block, firstLine);
    if (block.type !== "inline" || !block.children) continue;
    let lineOffset = 0;
    for (const token of block.children) {
      if (token.type === "softbreak" || token.type === "hardbreak") lineOffset++;
      if (token.type === "html_inline") markRaw(token, firstLine + lineOffset);
      if (token.type !== "image") continue;
      const src = decodeURIComponentSafely(String(token.attrGet("src") ?? ""));
      if (!isServedImage(src)) continue;
      images.push({ src, bodyLine: firstLine + lineOffset, alt: token.content.trim() === "" ? undefined : token.content });
      token.attrSet("src", imagePlaceholder(images.length - 1));
    }
  }
  return images;
}

/** The `<img>` of each placeholder in sanitized HTML replaced by `markup(index, attributes)` (values still escaped). */
export function fillBodyImages(html: string, markup: (index: number, attributes: Record<string, string>) => string): string {
  return html.replace(PLACEHOLDER_IMG, (tag: string, index: string) => {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)) if (name !== "src") attributes[name] = value;
    return markup(Number(index), attributes);
  });
}

function unquote(value: string): string {
  return /^["']/.test(value) ? value.slice(1, -1) : value;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** markdown-it percent-encodes a Markdown link's address; the file is named by its decoded form. */
function decodeURIComponentSafely(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
