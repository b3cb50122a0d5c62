import type { Page } from "../src/pages/pageModels.ts";
import { EMBED_HOSTS } from "../src/markdown/safeHtml.ts";
import { urls } from "../src/urls.ts";
import { breadcrumbs } from "./components.ts";
import { html, type Html } from "./html.ts";
import type { RenderContext } from "./renderContext.ts";

/**
 * No inline script or style anywhere: the policy lets only the site's own files run, plus the
 * WebAssembly that Pagefind's search needs; frames only from the video hosts stories may embed.
 */
export const CONTENT_SECURITY_POLICY = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; frame-src ${EMBED_HOSTS.map((host) => `https://${host}`).join(" ")}; object-src 'none'; base-uri 'none'; form-action 'self'`;

export interface ShellOptions {
  page: Page;
  context: RenderContext;
  main: Html;
  /** Extra tags for `<head>` (metadata, feeds). */
  head?: Html;
  /** Scripts of the site's own, by URL. */
  scripts?: string[];
}

export function shell({ page, context, main, head, scripts = [] }: ShellOptions): string {
  const { site } = context;
  const documentTitle = page.kind === "home" ? site.title : `${page.title} · ${site.title}`;
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${documentTitle}</title>
<meta name="description" content="${page.description}">
${page.kind === "notFound" ? "" : html`<link rel="canonical" href="${context.absolute(page.url)}">`}
${page.feeds.map(
  (feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.name}" href="${feed.url}">
`,
)}
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/style.css">
${head ?? ""}
${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<p class="site-title"><a href="${urls.home}">${site.title}</a></p>
<nav aria-label="Sections"><ul>
<li><a href="${urls.home}">Latest</a></li>
<li><a href="${urls.archive}">Archive</a></li>
<li><a href="${urls.authors}">Authors</a></li>
<li><a href="${urls.topics}">Topics</a></li>
<li><a href="${urls.search}">Search</a></li>
</ul></nav>
<form class="site-search" role="search" action="${urls.search}" method="get">
<label for="site-search-q">Search the archive</label>
<input id="site-search-q" type="search" name="q" required>
<button type="submit">Search</button>
</form>
</header>
${breadcrumbs(page.breadcrumbs)}
<main id="main">
${main}
</main>
<footer class="site-footer"><p>${site.title}. ${site.description}</p></footer>
</body>
</html>
`.value;
}
