import type { RedirectPageModel, RedirectsFileModel } from "../src/pages/pageModels.ts";
import { CONTENT_SECURITY_POLICY } from "./base.ts";
import { html } from "./html.ts";
import type { RenderContext } from "./renderContext.ts";

/**
 * A story's old address: a meta refresh (no script: the policy allows none inline) and a link,
 * for readers, and `rel=canonical` with `noindex` for search engines, which then index the story
 * alone. Site-relative addresses: Eleventy's base plugin adds the path prefix to the link and,
 * through posthtml-urls, to the refresh's `url=`.
 */
export function renderRedirectPage(page: RedirectPageModel, context: RenderContext): string {
  const { site } = context;
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${page.title} · ${site.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${context.absolute(page.target)}">
<meta http-equiv="refresh" content="0; url=${page.target}">
</head>
<body>
<p>This story has moved: <a href="${page.target}">${page.title}</a>.</p>
</body>
</html>
`.value;
}

/**
 * The rules of Netlify's and Cloudflare Pages' `_redirects` (one "from to status" a line), the
 * path prefix on both sides. A rule with a query (`/?p=123`) is written as Netlify matches query
 * parameters, `/ p=123 /to/ 301!`, forced: a file at the path (the home page) would shadow it.
 */
export function renderRedirectsFile(file: RedirectsFileModel, context: RenderContext): string {
  const lines = ["# Old addresses of the archive's stories (their aliases:), written by the build."];
  for (const { from, to } of file.rules) {
    const [path, query] = from.split("?");
    lines.push(
      query === undefined
        ? `${context.prefixed(path)} ${context.prefixed(to)} 301`
        : `${context.prefixed(path)} ${query} ${context.prefixed(to)} 301!`,
    );
  }
  return lines.join("\n") + "\n";
}
