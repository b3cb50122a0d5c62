import type { StoryPage } from "../src/pages/pageModels.ts";
import { html, jsonForScript, type Html } from "./html.ts";
import type { RenderContext } from "./renderContext.ts";

/** News metadata of a story: Open Graph article tags and NewsArticle structured data. */
export function storyHead(page: StoryPage, context: RenderContext): Html {
  const canonical = context.absolute(page.url);
  // The crops of the lead image (16:9, 4:3, 1:1, those its source is large enough for): link previews take the first.
  const shared = (page.leadImage?.shared ?? []).map((image) => ({ ...image, url: absoluteImage(image.url, context) }));
  const preview = shared[0];
  const newsArticle = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: page.headline,
    url: canonical,
    mainEntityOfPage: canonical,
    datePublished: page.published,
    dateModified: page.modified,
    description: page.description,
    author: page.bylines.map((byline) => ({
      "@type": "Person",
      name: byline.name,
      url: context.absolute(byline.url),
      ...(byline.role ? { jobTitle: byline.role } : {}),
    })),
    ...(page.publication ? { publisher: { "@type": "Organization", name: page.publication } } : {}),
    ...(page.topics.length > 0 ? { keywords: page.topics.map((topic) => topic.name) } : {}),
    ...(page.isBasedOn ? { isBasedOn: page.isBasedOn, sameAs: page.isBasedOn } : {}),
    ...(shared.length > 0 ? { image: shared.map((image) => image.url) } : {}),
    isAccessibleForFree: true,
  };
  return html`<meta property="og:type" content="article">
<meta property="og:title" content="${page.headline}">
<meta property="og:url" content="${canonical}">
<meta property="og:description" content="${page.description}">
<meta property="og:site_name" content="${context.site.title}">
${
  preview && page.leadImage
    ? html`<meta property="og:image" content="${preview.url}">
${
  preview.width
    ? html`<meta property="og:image:width" content="${String(preview.width)}">
<meta property="og:image:height" content="${String(preview.height)}">
`
    : ""
}<meta property="og:image:alt" content="${page.leadImage.alt}">
`
    : ""
}<meta property="article:published_time" content="${page.published}">
<meta property="article:modified_time" content="${page.modified}">
${page.bylines.map(
  (byline) => html`<meta property="article:author" content="${context.absolute(byline.url)}">
`,
)}${page.topics.map(
    (topic) => html`<meta property="article:tag" content="${topic.name}">
`,
  )}<script type="application/ld+json">${jsonForScript(newsArticle)}</script>`;
}

/** A lead image's address for link previews: absolute, another site's as it is. */
function absoluteImage(url: string, context: RenderContext): string {
  return /^https:/i.test(url) ? url : context.absolute(url);
}
