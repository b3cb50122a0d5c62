import markdownIt from "markdown-it";
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import markdownItFootnote from "markdown-it-footnote";
import path from "node:path";
import { slugify } from "../slug.ts";
import { removalsFrom } from "./safeHtml.ts";

/**
 * Story bodies are Markdown from outside the newsroom's control: raw HTML is on, as real archives
 * are full of it, and the rendered body goes through the allowlist of `safeHtml` (issue 20).
 * Quotes are left as typed (no typographic rewriting of wire copy) and bare URLs stay text.
 * Footnotes get links back; headings get ids made by the archive's own slug function. Void
 * elements are written `<br />`, as the sanitizer writes them, so that a body it need not see is
 * written as it would be (see safeMarkdownHtml).
 */
export function createStoryMarkdown(): MarkdownIt {
  return markdownIt({ html: true, xhtmlOut: true, linkify: false, typographer: false })
    .use(markdownItFootnote)
    .use(markdownItAnchor, { slugify, tabIndex: false });
}

/** Markup the allowlist removed from a body, where it was. */
export interface BodyRemoval {
  /** 1-based line in the body. */
  bodyLine: number;
  what: string;
  why: string;
}

/** Every piece of raw HTML in a parsed body that the allowlist takes something out of, with its line. */
export function findRemovals(tokens: Token[]): BodyRemoval[] {
  const found: BodyRemoval[] = [];
  const collect = (rawHtml: string, firstLine: number) => {
    for (const removal of removalsFrom(rawHtml)) {
      const bodyLine = firstLine + (rawHtml.slice(0, removal.index).match(/\n/g)?.length ?? 0);
      found.push({ bodyLine, what: removal.what, why: removal.why });
    }
  };
  for (const block of tokens) {
    if (block.type === "html_block") collect(block.content, (block.map?.[0] ?? 0) + 1);
    if (block.type !== "inline" || !block.children) continue;
    let lineOffset = 0;
    for (const token of block.children) {
      if (token.type === "softbreak" || token.type === "hardbreak") lineOffset++;
      if (token.type === "html_inline") collect(token.content, (block.map?.[0] ?? 0) + 1 + lineOffset);
    }
  }
  return found;
}

/** A link in a body that points to another story's source file. */
export interface CrossReference {
  /** The target's source path, relative to the articles folder ("2018/08/x.md"). */
  targetSourcePath: string;
  /** The href as written, for messages. */
  href: string;
  /** 1-based line in the body. */
  bodyLine: number;
  /** The `#part` of the href, decoded, if it has one: an id the story linked to must have. */
  fragment?: string;
  /** Set when the path's percent-encoding is not UTF-8 (`%E0%A4%A.md`): no file can be named by it. */
  undecodable?: true;
}

/**
 * Finds every link to a Markdown file in a parsed body. Only relative links ending in `.md`
 * (optionally with `#fragment`) count as cross-references; web addresses are left alone.
 */
export function findCrossReferences(tokens: Token[], sourcePath: string): Map<Token, CrossReference> {
  const found = new Map<Token, CrossReference>();
  for (const block of tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let lineOffset = 0;
    for (const token of block.children) {
      if (token.type === "softbreak" || token.type === "hardbreak") lineOffset++;
      if (token.type !== "link_open") continue;
      const href = String(token.attrGet("href") ?? "");
      const target = markdownFileTarget(href, sourcePath);
      if (target === undefined) continue;
      const hash = href.indexOf("#");
      const fragment = hash === -1 || hash === href.length - 1 ? undefined : decodedFragment(href.slice(hash + 1));
      const bodyLine = (block.map?.[0] ?? 0) + 1 + lineOffset;
      found.set(token, { targetSourcePath: target.path, href, bodyLine, fragment, ...(target.undecodable && { undecodable: true }) });
    }
  }
  return found;
}

function markdownFileTarget(href: string, sourcePath: string): { path: string; undecodable: boolean } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//") || href.startsWith("#")) return undefined;
  const written = href.split("#")[0].split("?")[0];
  let withoutFragment: string;
  let undecodable = false;
  try {
    withoutFragment = decodeURI(written);
  } catch {
    // URIError: a "%" escape that is not UTF-8; reported on the link's line (issue 22).
    withoutFragment = written;
    undecodable = true;
  }
  if (!withoutFragment.toLowerCase().endsWith(".md")) return undefined;
  const fromRoot = withoutFragment.startsWith("/")
    ? withoutFragment.slice(1)
    : path.posix.join(path.posix.dirname(sourcePath), withoutFragment);
  return { path: path.posix.normalize(fromRoot), undecodable };
}

function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Every id in a rendered body: the anchors a `story.md#part` link to it may name (headings, footnotes, raw HTML's). */
export function idsIn(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
}
