import type { StoryPage } from "../pages/pageModels.ts";

/** What Pagefind indexes for one story, taken from its page model instead of parsed back out of HTML. */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/**
 * The body's text: tags become spaces, entities their characters, and every run of white space
 * one space. Tags take the white space around them, and a lone space is left as it is: replacing
 * every space between two words by a space took twice the time of the rest.
 */
function plainText(html: string): string {
  let text = html.replace(/\s*<[^>]+>\s*/g, " ");
  if (text.includes("&")) text = text.replace(/&(?:lt|gt|quot|#39|amp);/g, (entity) => entities[entity]);
  return text.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

/** What a reference-only story's result shows: the story page says the same (layouts/story.ts). */
export const REFERENCE_ONLY_TEXT = "We hold only the facts of this story, not its text.";

/**
 * What search finds a story by and shows of it (issue 20). The indexed text is the body alone,
 * so a result's excerpt reads as the story does, not as the headline, byline and date above it
 * (a reference-only story, or a body of images alone, has the facts sentence). The headline,
 * byline, publication and topics are metadata, whose words Pagefind indexes too, and the
 * filters (author, topic, year); the result list shows the metadata and the lead image's
 * thumbnail. The story layout marks the same with data-pagefind-* attributes.
 */
export function searchRecord(page: StoryPage): SearchRecord {
  const bylines = page.bylines.map((byline) => byline.name);
  const dated = page.date.label + (page.date.inferred ? " (date inferred)" : "");
  const body = page.bodyHtml !== undefined ? plainText(page.bodyHtml) : "";
  const content = /[\p{L}\p{N}]/u.test(body) ? body : REFERENCE_ONLY_TEXT;
  // Empty values are left out, as Pagefind leaves out an empty element's (see the test of the story layout alike).
  const meta: Record<string, string> = { title: page.headline, date: page.date.datetime, dated };
  if (bylines.length > 0) meta.byline = bylines.join(", ");
  if (page.publication) meta.publication = page.publication;
  if (page.topics.length > 0) meta.topics = page.topics.map((topic) => topic.name).join(", ");
  if (page.thumbnail) {
    // Site-relative, as a story's url is: the search page puts the path prefix before it.
    meta.image = page.thumbnail.src;
    meta.image_alt = page.thumbnail.alt;
  }
  return {
    url: page.url,
    content,
    meta,
    filters: {
      ...(bylines.length > 0 ? { author: bylines } : {}),
      ...(page.topics.length > 0 ? { topic: page.topics.map((topic) => topic.name) } : {}),
      year: [String(page.year)],
    },
    sort: { date: page.date.datetime },
  };
}
