import sanitizeHtml from "sanitize-html";

/**
 * The allowlist a story body's HTML is rendered through (issue 20: "raw HTML is rendered through an
 * allowlist, and nothing that can run script survives"). Everything a news story is made of
 * stays; script, style, handlers, forms, objects and iframes from any but the video hosts go.
 */

/** Video hosts whose players may be embedded; the CSP's `frame-src` names exactly these (layouts/base.ts). */
export const EMBED_HOSTS = ["www.youtube-nocookie.com", "player.vimeo.com"] as const;

/** YouTube embeds are rewritten to its privacy-enhanced host, which sets no cookie until the video plays. */
const YOUTUBE_HOSTS = new Set(["www.youtube.com", "youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"]);

const ALLOWED_TAGS = [
  ...["p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "ins", "small", "mark", "cite", "q", "kbd", "samp", "var", "time"],
  ...["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "code", "pre", "abbr", "sup", "sub"],
  ...["figure", "figcaption", "img", "picture", "source", "a", "div", "span", "section", "iframe"],
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": ["id", "lang", "dir", "title"],
  a: ["href", "hreflang", "rel"],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  source: ["srcset", "sizes", "type", "media", "width", "height"],
  blockquote: ["cite"],
  q: ["cite"],
  time: ["datetime"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  th: ["colspan", "rowspan", "scope", "headers"],
  td: ["colspan", "rowspan", "headers"],
  col: ["span"],
  colgroup: ["span"],
  iframe: ["src", "title", "allow", "allowfullscreen", "referrerpolicy", "loading"],
};

/** markdown-it's own markup: footnotes, fenced code's language; and the embed wrapper. */
const ALLOWED_CLASSES: Record<string, string[]> = {
  section: ["footnotes"],
  hr: ["footnotes-sep"],
  ol: ["footnotes-list"],
  li: ["footnote-item"],
  sup: ["footnote-ref"],
  a: ["footnote-backref"],
  code: ["language-*"],
  div: ["embed"],
};

/** What the allowlist took out of a body, and why, for `npm run check` and the build's warnings. */
export interface Removal {
  /** What went: "<script>", "the onerror attribute of <img>", "an iframe from evil.example". */
  what: string;
  why: string;
  /** 0-based index in the HTML it was found in. */
  index: number;
}

const WHY_TAG: Record<string, string> = {
  script: "it would run script",
  noscript: "it only matters where script runs",
  style: "the site's stylesheet styles stories",
  link: "the site's stylesheet styles stories",
  form: "forms are not allowed in stories",
  input: "forms are not allowed in stories",
  button: "forms are not allowed in stories",
  select: "forms are not allowed in stories",
  textarea: "forms are not allowed in stories",
  object: "plugins and objects are not allowed in stories",
  embed: "plugins and objects are not allowed in stories",
  applet: "plugins and objects are not allowed in stories",
  meta: "it would change the page, not the story",
  base: "it would change the page, not the story",
  svg: "inline SVG can run script; use an image file",
  math: "not on the allowlist of story HTML",
};

function isAllowedUrl(tag: string, value: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u001f\s]/g, ""))?.[1]?.toLowerCase();
  if (scheme === undefined) return !value.trim().startsWith("//");
  if (scheme === "data") return (tag === "img" || tag === "source") && /^\s*data:image\/(png|gif|jpe?g|webp|avif)[;,]/i.test(value);
  if (tag === "a") return ["http", "https", "mailto"].includes(scheme);
  if (tag === "iframe") return scheme === "https";
  return scheme === "http" || scheme === "https";
}

/** The embed's address on an allowed host (YouTube's nocookie one), or undefined if it may not be embedded. */
export function embedAddress(src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src.trim().startsWith("//") ? `https:${src.trim()}` : src.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (YOUTUBE_HOSTS.has(url.hostname) && url.pathname.startsWith("/embed/")) url.hostname = "www.youtube-nocookie.com";
  else if (url.hostname !== "player.vimeo.com") return undefined;
  url.protocol = "https:";
  return url.href;
}

/** Everything the allowlist will take out of one tag, as the sanitizer sees it. */
function removalsOf(tag: string, attributes: Record<string, string>): Omit<Removal, "index">[] {
  if (tag === "iframe") {
    if (embedAddress(attributes.src ?? "") === undefined) {
      const host = /^(?:https?:)?\/\/([^/?#]+)/i.exec(attributes.src ?? "")?.[1];
      return [{ what: host ? `an iframe from ${host}` : "an iframe", why: `only ${EMBED_HOSTS.join(" and ")} players may be embedded` }];
    }
  } else if (!ALLOWED_TAGS.includes(tag)) {
    return [{ what: `<${tag}>`, why: WHY_TAG[tag] ?? "not on the allowlist of story HTML" }];
  }
  const removals: Omit<Removal, "index">[] = [];
  const allowed = [...ALLOWED_ATTRIBUTES["*"], ...(ALLOWED_ATTRIBUTES[tag] ?? []), ...(ALLOWED_CLASSES[tag] ? ["class"] : [])];
  for (const [name, value] of Object.entries(attributes)) {
    const what = `the ${name} attribute of <${tag}>`;
    if (/^on/i.test(name)) removals.push({ what, why: "it would run script" });
    else if (name === "style") removals.push({ what, why: "the site's stylesheet styles stories" });
    else if (!allowed.includes(name)) {
      if (name !== "class" && name !== "width" && name !== "height" && name !== "frameborder")
        removals.push({ what, why: "not on the allowlist of story HTML" });
    } else if (["href", "src", "cite"].includes(name) && tag !== "iframe" && !isAllowedUrl(tag, value))
      removals.push({ what: `the ${name} "${value}" of <${tag}>`, why: "only http, https, mailto and relative addresses are allowed" });
  }
  return removals;
}

/** sanitize-html's options: exported so that `safeMarkdownHtml` checks markdown-it's output against the same lists. */
export const POLICY = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedClasses: ALLOWED_CLASSES,
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https", "data"], source: ["http", "https", "data"], iframe: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "object", "embed", "applet", "iframe"],
  // An iframe from any other host goes whole; sanitize-html alone would keep it without its src.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.src,
  transformTags: {
    iframe: (tagName, attribs) => {
      const src = embedAddress(attribs.src ?? "");
      // Left to lose its src (allowedIframeHostnames), then to go whole (exclusiveFilter).
      if (src === undefined) return { tagName, attribs };
      // Every embed is named for screen readers (WCAG 4.1.2); the editor's title wins.
      return { tagName, attribs: { ...attribs, src, title: attribs.title?.trim() || "Embedded video", loading: "lazy" } };
    },
  },
} satisfies sanitizeHtml.IOptions;

/** The body's HTML with only what the allowlist keeps, each embed in its 16:9 wrapper (styled in style.css). */
export function safeHtml(html: string): string {
  return sanitizeHtml(html, POLICY).replace(/<iframe\b[^>]*><\/iframe>/g, (iframe) => `<div class="embed">${iframe}</div>`);
}

/** What `safeHtml` would take out of this piece of raw HTML, in order, each with where it starts. */
export function removalsFrom(rawHtml: string): Removal[] {
  const removals: Removal[] = [];
  let cursor = 0;
  sanitizeHtml(rawHtml, {
    ...POLICY,
    onOpenTag: (tag, attributes) => {
      const found = rawHtml.toLowerCase().indexOf(`<${tag}`, cursor);
      if (found !== -1) cursor = found;
      for (const removal of removalsOf(tag, attributes)) removals.push({ ...removal, index: cursor });
      cursor++;
    },
  });
  return removals;
}
