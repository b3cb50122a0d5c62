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
// Tags and entities in one pass over the body (tags become spaces), then runs of spaces collapsed.
const plainText = (html: string) =>
  html
    .replace(/<[^>]+>|&(?:lt|gt|quot|#39|amp);/g, (match) => entities[match] ?? " ")
    .replace(/\s+/g, " ")
    .trim();

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
