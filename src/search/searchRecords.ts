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

/**
 * The headline, byline, publication, topics and body as text (reference-only stories are found
 * by their facts), with the filters (author, topic, year), the date sort and the metadata the
 * result list shows: the same fields the story layout marks with data-pagefind-* attributes.
 */
export function searchRecord(page: StoryPage): SearchRecord {
  const bylines = page.bylines.map((byline) => byline.name);
  const dated = page.date.label + (page.date.inferred ? " (date inferred)" : "");
  const content = [
    page.publication,
    page.headline,
    bylines.length > 0 ? `By ${bylines.join(", ")}` : "Byline unknown",
    dated,
    ...page.topics.map((topic) => topic.name),
    page.bodyHtml !== undefined ? plainText(page.bodyHtml) : "We hold only the facts of this story, not its text.",
  ]
    .filter((part) => part !== undefined && part !== "")
    .join("\n");
  const meta: Record<string, string> = { title: page.headline, date: page.date.datetime, byline: bylines.join(", "), dated };
  if (page.publication) meta.publication = page.publication;
  return {
    url: page.url,
    content,
    meta,
    filters: { author: bylines, topic: page.topics.map((topic) => topic.name), year: [String(page.year)] },
    sort: { date: page.date.datetime },
  };
}
