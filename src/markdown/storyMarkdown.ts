import markdownIt from "markdown-it";
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import path from "node:path";

/**
 * Story bodies are Markdown from outside the newsroom's control, so raw HTML is off (it shows as
 * text), quotes are left as typed (no typographic rewriting of wire copy) and bare URLs stay text.
 */
export function createStoryMarkdown(): MarkdownIt {
  return markdownIt({ html: false, linkify: false, typographer: false });
}

/** A link in a body that points to another story's source file. */
export interface CrossReference {
  /** The target's source path, relative to the articles folder ("2018/08/x.md"). */
  targetSourcePath: string;
  /** The href as written, for messages. */
  href: string;
  /** 1-based line in the body. */
  bodyLine: number;
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
      found.set(token, { targetSourcePath: target, href, bodyLine: (block.map?.[0] ?? 0) + 1 + lineOffset });
    }
  }
  return found;
}

function markdownFileTarget(href: string, sourcePath: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//") || href.startsWith("#")) return undefined;
  const withoutFragment = decodeURI(href.split("#")[0].split("?")[0]);
  if (!withoutFragment.toLowerCase().endsWith(".md")) return undefined;
  const fromRoot = withoutFragment.startsWith("/")
    ? withoutFragment.slice(1)
    : path.posix.join(path.posix.dirname(sourcePath), withoutFragment);
  return path.posix.normalize(fromRoot);
}
