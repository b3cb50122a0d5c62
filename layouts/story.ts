import { urls } from "../src/urls.ts";
import type { StoryPage } from "../src/pages/pageModels.ts";
import { dateText, storyList } from "./components.ts";
import { REFERENCE_ONLY_TEXT } from "../src/search/searchRecords.ts";
import { html, trustedHtml, type Html } from "./html.ts";

/**
 * The story. `<article data-pagefind-body>` holds what search indexes: the body's text alone
 * (the header, lead image and footer are `data-pagefind-ignore`, which keeps their filters,
 * sort and metadata), so that a result's excerpt reads as the story (issue 20). The Pagefind CLI
 * would index the site alike; the build itself indexes these same fields from the page model
 * (src/search/searchRecords.ts), which spares parsing every page back out of its HTML.
 */
export function storyMain(page: StoryPage): Html {
  return html`<article class="story" data-pagefind-body>
<header data-pagefind-ignore>
${page.publication ? html`<p class="publication" data-pagefind-meta="publication">${page.publication}</p>` : ""}
<h1 data-pagefind-meta="title">${page.headline}</h1>
${
  page.bylines.length > 0
    ? html`<p class="byline">By ${page.bylines.map((byline, index) => html`${index === 0 ? "" : index === page.bylines.length - 1 ? " and " : ", "}<a href="${byline.url}" rel="author" data-pagefind-filter="author">${byline.name}</a>${byline.role ? html`, <span class="role">${byline.role}</span>` : ""}`)}</p>`
    : html`<p class="byline">Byline unknown</p>`
}
<p class="dateline" data-pagefind-filter="year:${page.year}"><time datetime="${page.date.datetime}" data-pagefind-sort="date[datetime]" data-pagefind-meta="date[datetime]">${page.date.label}</time>${page.date.inferred ? html` <span class="inferred">(date inferred)</span>` : ""}</p>
<span hidden data-pagefind-meta="byline">${page.bylines.map((byline) => byline.name).join(", ")}</span>
<span hidden data-pagefind-meta="dated">${page.date.label}${page.date.inferred ? " (date inferred)" : ""}</span>
${page.topics.length > 0 ? html`<span hidden data-pagefind-meta="topics">${page.topics.map((topic) => topic.name).join(", ")}</span>` : ""}
${page.thumbnail ? html`<span hidden data-pagefind-meta="image">${page.thumbnail.src}</span><span hidden data-pagefind-meta="image_alt">${page.thumbnail.alt}</span>` : ""}
${
  page.updated
    ? html`<p class="correction"><strong>Updated ${dateText(page.updated)}</strong>${page.correction ? html`: ${page.correction} <a href="${urls.corrections}">All corrections</a>` : ""}</p>`
    : ""
}
${
  page.topics.length > 0
    ? html`<ul class="topics" aria-label="Topics">${page.topics.map((topic) => html`<li><a href="${topic.url}" rel="tag" data-pagefind-filter="topic">${topic.name}</a></li>`)}</ul>`
    : ""
}
</header>
${
  page.leadImage
    ? html`<figure class="lead-image" data-pagefind-ignore>${trustedHtml(page.leadImage.html)}${
        page.leadImage.caption || page.leadImage.credit
          ? html`<figcaption>${page.leadImage.caption ?? ""}${page.leadImage.caption && page.leadImage.credit ? " " : ""}${page.leadImage.credit ? html`<span class="credit">${page.leadImage.credit}</span>` : ""}</figcaption>`
          : ""
      }</figure>`
    : ""
}
${
  page.bodyHtml !== undefined
    ? html`<div class="body">
${trustedHtml(page.bodyHtml)}
</div>`
    : html`<div class="reference-only">
<p><strong>${REFERENCE_ONLY_TEXT}</strong> <span data-pagefind-ignore>The headline, date, byline and topics above are what the archive knows of it.</span></p>
</div>`
}
<footer data-pagefind-ignore>
${
  page.source
    ? html`<p class="source">Original address: <a href="${page.source}">${page.source}</a></p>`
    : html`<p class="source">The original address of this story is unknown.</p>`
}
</footer>
</article>
${
  page.references.length > 0
    ? html`<section class="references" aria-labelledby="references-heading">
<h2 id="references-heading">Stories this one links to</h2>
${storyList(page.references, { thumbnails: false })}
</section>`
    : ""
}
${
  page.related.length > 0
    ? html`<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading">Related stories</h2>
${storyList(page.related, { thumbnails: false })}
</section>`
    : ""
}
<section class="referenced-by" aria-labelledby="referenced-by-heading">
<h2 id="referenced-by-heading">Referenced by</h2>
${page.referencedBy.length > 0 ? storyList(page.referencedBy, { thumbnails: false }) : html`<p>No story in the archive links to this one yet.</p>`}
</section>`;
}
