import type { CountedLink, DateView, NamedLink, StoryListItem, StoryListSection } from "../src/pages/pageModels.ts";
import type { Thumbnail } from "../src/images/storyImages.ts";
import { html, type Html } from "./html.ts";

export function dateText(date: DateView): Html {
  return html`<time datetime="${date.datetime}">${date.label}</time>${date.inferred ? html` <span class="inferred">(date inferred)</span>` : ""}`;
}

/**
 * `thumbnails`: false on a story's page, whose lists of other stories would otherwise hold the
 * first image after its headline, which Pagefind reads as the story's own (its default `image`).
 */
export function storyList(stories: readonly StoryListItem[], { thumbnails = true } = {}): Html {
  return html`<ol class="story-list">${stories.map(
    (story) => html`
<li>${thumbnails && story.thumbnail ? thumbnail(story.thumbnail) : ""}<a href="${story.url}">${story.title}</a>
<span class="meta">${dateText(story.date)}${story.bylines.length > 0 ? html` · ${story.bylines.join(", ")}` : ""}${story.publication ? html` · ${story.publication}` : ""}${story.referenceOnly ? html` · <span class="tag">facts only</span>` : ""}</span></li>`,
  )}
</ol>`;
}

/** A story's lead image, small, beside its title in a list (issue 20): sized so nothing moves as it loads. */
function thumbnail(image: Thumbnail): Html {
  return html`<img class="thumbnail" src="${image.src}" alt="${image.alt}" width="${String(image.width)}" height="${String(image.height)}" loading="lazy" decoding="async">`;
}

export function sections(list: readonly StoryListSection[], level: 2 | 3 = 2): Html {
  return html`${list.map((section) =>
    section.heading === undefined
      ? storyList(section.stories)
      : html`
<section>
${heading(level, section.headingUrl ? html`<a href="${section.headingUrl}">${section.heading}</a>` : html`${section.heading}`)}
${storyList(section.stories)}
</section>`,
  )}`;
}

function heading(level: 2 | 3, content: Html): Html {
  return level === 2 ? html`<h2>${content}</h2>` : html`<h3>${content}</h3>`;
}

export function countedLinks(links: readonly CountedLink[], className = "counted"): Html {
  return html`<ul class="${className}">${links.map(
    (link) => html`
<li><a href="${link.url}">${link.name}</a> <span class="count">${link.count.toLocaleString("en")}</span></li>`,
  )}
</ul>`;
}

export function breadcrumbs(trail: readonly NamedLink[]): Html {
  if (trail.length === 0) return html``;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${trail.map((link) => html`<li><a href="${link.url}">${link.name}</a></li>`)}</ol></nav>`;
}
