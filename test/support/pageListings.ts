import { elements, links, mainOf, textContent, type Link } from "./html.ts";

/**
 * What an index page lists, read from its `<main>` as a reader would: the stories it links to, and
 * the entries (years, months, authors, topics) it shows with a count.
 */

/** A story's address: /YYYY/MM/DD/slug/. */
export const STORY_URL = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

/** The links to story pages in the page's main content, in page order. */
export function storyLinks(page: string): Link[] {
  return links(mainOf(page)).filter((link) => STORY_URL.test(link.href));
}

/** The titles of the stories a page lists, in page order. */
export function listedTitles(page: string): string[] {
  return storyLinks(page).map((link) => link.text);
}

export interface CountedEntry {
  name: string;
  url: string;
  count: number;
}

/** Every list item of the main content that is one link (not to a story) followed by a number. */
export function countedEntries(page: string): CountedEntry[] {
  const entries: CountedEntry[] = [];
  for (const item of elements(mainOf(page), "li")) {
    const itemLinks = links(item);
    if (itemLinks.length !== 1 || STORY_URL.test(itemLinks[0].href)) continue;
    const match = /^(.*\S)\s+(\d[\d,]*)$/.exec(textContent(item));
    if (!match || match[1] !== itemLinks[0].text) continue;
    entries.push({ name: itemLinks[0].text, url: itemLinks[0].href, count: Number(match[2].replace(/,/g, "")) });
  }
  return entries;
}
