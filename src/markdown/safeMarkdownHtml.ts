import markdownIt from "markdown-it";
import type { Env, MarkdownIt, Token } from "markdown-it";
import markdownItFootnote from "markdown-it-footnote";
import { POLICY, safeHtml } from "./safeHtml.ts";

/**
 * A parsed story body rendered to the HTML `safeHtml` would make of it, without the sanitizer when
 * nothing in it can fall outside the allowlist: sanitize-html parsed and wrote again every body,
 * 1 s of CPU in a 10,000-story build (issue 23), though most bodies are Markdown alone and
 * markdown-it writes only what the token says. So a body is sanitized unless it has no raw HTML
 * and every element and attribute it renders is one the allowlist keeps as it is: a table's
 * alignment (a style), a link's `ftp:`, an empty heading id still go through sanitize-html.
 * Its output then differs from markdown-it's in two ways only, both made here: `&quot;` in text
 * is written `"`, and void elements end in ` />` (markdown-it's `xhtmlOut`). A test compares both
 * ways, byte for byte, on generated stories, the fixtures and awkward Markdown.
 */
export function safeMarkdownHtml(markdown: MarkdownIt, tokens: Token[], env: Env): string {
  const html = markdown.renderer.render(tokens, markdown.options, env);
  if (!rendersInsideAllowlist(markdown, tokens)) return safeHtml(html);
  return html.includes("&quot;") ? html.replace(QUOTE_OR_TAG, (found) => (found === "&quot;" ? '"' : found)) : html;
}

/**
 * A `&quot;` in text, or a whole tag (whose attribute values keep theirs, as sanitize-html writes
 * them). With no raw HTML, markdown-it writes `<` and `>` in text and attributes as entities,
 * so every `<` opens a tag that the first `>` closes.
 */
const QUOTE_OR_TAG = /&quot;|<[^>]*>/g;

/** Tokens markdown-it writes as `<tag attributes>` (or `</tag>`) from the token, through `renderToken`. */
const TAG_TOKENS = new Set(
  ["paragraph", "heading", "blockquote", "bullet_list", "ordered_list", "list_item", "table", "thead", "tbody", "tr", "th", "td"]
    .flatMap((name) => [`${name}_open`, `${name}_close`])
    .concat(["em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close", "link_open", "link_close", "hr", "image"]),
);

/**
 * Tokens written by a rule of markdown-it or markdown-it-footnote as fixed markup, which the
 * allowlist keeps (a test renders each), around the token's text escaped; each with the element
 * it opens or closes, if any (an inline token writes its children instead). `code_block`,
 * `fence` and `code_inline` are fixed markup only without attributes (a fence's info gives its
 * `class="language-…"`, which the allowlist keeps).
 */
const FIXED_MARKUP_TOKENS = new Map<string, string | undefined>([
  ["inline", undefined],
  ["text", undefined],
  ["softbreak", undefined],
  ["hardbreak", "br"],
  ["code_inline", "code"],
  ["code_block", "pre"],
  ["fence", "pre"],
  ["footnote_ref", "sup"],
  // `<hr class="footnotes-sep" />`, then the footnotes' `<section>` and `<ol>`.
  ["footnote_block_open", "ol"],
  ["footnote_block_close", "ol"],
  ["footnote_open", "li"],
  ["footnote_close", "li"],
  ["footnote_anchor", "a"],
]);

/**
 * Where htmlparser2, which sanitize-html reads with, closes an open element because another opens
 * inside it (its `openImpliesClose`): a list item in a list item, a paragraph or any block in a
 * paragraph. markdown-it does not nest them so; a body whose tokens would is sanitized.
 */
const PARENTS: Record<string, readonly string[]> = {
  li: ["ul", "ol"],
  tr: ["thead", "tbody"],
  th: ["tr"],
  td: ["tr"],
  thead: ["table"],
  tbody: ["table"],
};
const CLOSE_A_PARAGRAPH = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "ol", "ul", "pre", "table"]);

/**
 * markdown-it's renderer as a new instance with the footnote plugin has it: what the two lists
 * above vouch for. A plugin that writes any of those tokens its own way (a link's `target`, a
 * highlighter) voids them, and every body is sanitized.
 */
const VOUCHED_RENDERER = markdownIt().use(markdownItFootnote).renderer;
const VOUCHED_METHODS = ["render", "renderInline", "renderToken", "renderAttrs", "renderInlineAsText"] as const;

function rendersAsVouched(markdown: MarkdownIt): boolean {
  const { renderer, options } = markdown;
  return (
    !options.highlight &&
    !options.breaks &&
    VOUCHED_METHODS.every((method) => renderer[method] === VOUCHED_RENDERER[method]) &&
    [...TAG_TOKENS, ...FIXED_MARKUP_TOKENS.keys()].every((type) => renderer.rules[type] === VOUCHED_RENDERER.rules[type])
  );
}

/**
 * Whether markdown-it writes these tokens inside the allowlist, as sanitize-html would write them
 * again (but for the two ways above): every token one of the lists above, every element allowed
 * with every attribute and address, and every element closed where it opened.
 */
export function rendersInsideAllowlist(markdown: MarkdownIt, tokens: Token[]): boolean {
  if (!markdown.options.xhtmlOut || !rendersAsVouched(markdown)) return false;
  return inside(tokens, []);
}

/** `open` is the elements opened around the list, innermost last; every one the list opens it must close. */
function inside(list: readonly Token[], open: string[]): boolean {
  const depth = open.length;
  for (const token of list) {
    let element: string | undefined;
    if (TAG_TOKENS.has(token.type)) {
      element = token.tag;
      if (!POLICY.allowedTags.includes(element)) return false;
      if (token.attrs && !token.attrs.every(([name, value]) => attributeKept(element!, name, String(value)))) return false;
    } else if (FIXED_MARKUP_TOKENS.has(token.type)) {
      element = FIXED_MARKUP_TOKENS.get(token.type);
      if (token.attrs) return false;
    } else return false;
    // A hidden token (a tight list's paragraph) writes nothing.
    if (element !== undefined && !token.hidden) {
      if (token.nesting === -1) {
        if (open.length === depth || open.pop() !== element) return false;
      } else {
        const around = open.at(-1);
        if (PARENTS[element] && !PARENTS[element].includes(around ?? "")) return false;
        if (around === "p" && CLOSE_A_PARAGRAPH.has(element)) return false;
        if (token.nesting === 1) open.push(element);
      }
    }
    // An image's children are its alt text, not elements.
    if (token.children && !inside(token.children, token.type === "image" ? [] : open)) return false;
  }
  return open.length === depth;
}

/** Whether sanitize-html keeps this attribute with this value as markdown-it wrote it (see its `onopentag`). */
function attributeKept(tag: string, name: string, value: string): boolean {
  const allowed: readonly string[] = POLICY.allowedAttributes[tag] ?? [];
  if (!allowed.includes(name) && !POLICY.allowedAttributes["*"].includes(name)) return false;
  // Empty values of attributes that are not boolean are dropped; sanitize-html keeps an empty alt only.
  if (value === "") return name === "alt";
  if (POLICY.allowedSchemesAppliedToAttributes.includes(name)) return addressKept(tag, value);
  return true;
}

/**
 * launder's `naughtyHref`, which sanitize-html asks about each address, answered no: characters up
 * to the space taken out, then a scheme allowed for the tag, or none and not protocol-relative.
 * An address holding an HTML comment (which launder takes out first) is left to sanitize-html.
 */
function addressKept(tag: string, address: string): boolean {
  const cleaned = address.replace(/[\x00-\x20]+/g, "");
  if (cleaned.includes("<!--")) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return !/^[/\\]{2}/.test(cleaned);
  const byTag: Record<string, readonly string[]> = POLICY.allowedSchemesByTag;
  return (byTag[tag] ?? POLICY.allowedSchemes).includes(scheme);
}
