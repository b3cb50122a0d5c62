import type { DirectoryPage, HomePage, ListPage, NotFoundPage, SearchPage } from "../src/pages/pageModels.ts";
import { urls } from "../src/urls.ts";
import { countedLinks, sections, storyList } from "./components.ts";
import { html, type Html } from "./html.ts";

export function listMain(page: ListPage): Html {
  return html`<h1>${page.heading}</h1>
<p class="summary">${page.summary}</p>
${page.facets ? html`<nav class="facets" aria-label="${page.facets.heading}"><h2>${page.facets.heading}</h2>${countedLinks(page.facets.links, "counted inline")}</nav>` : ""}
${sections(page.sections)}
${page.more ? html`<p class="more"><a href="${page.more.url}">${page.more.name}</a></p>` : ""}`;
}

export function directoryMain(page: DirectoryPage): Html {
  return html`<h1>${page.heading}</h1>
<p class="summary">${page.summary}</p>
${countedLinks(page.entries)}`;
}

export function homeMain(page: HomePage): Html {
  return html`<h1>${page.title}</h1>
<p class="summary">${page.description} ${page.storyCount.toLocaleString("en")} stories, ${page.authorCount.toLocaleString("en")} authors, ${page.topicCount.toLocaleString("en")} topics.</p>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">Latest stories</h2>
${storyList(page.latest)}
</section>
<section aria-labelledby="years-heading">
<h2 id="years-heading">By year</h2>
${countedLinks(page.years, "counted inline")}
<p><a href="${urls.archive}">The whole archive, year by year</a></p>
</section>
<section aria-labelledby="topics-heading">
<h2 id="topics-heading">Main topics</h2>
${countedLinks(page.topTopics, "counted inline")}
<p><a href="${urls.topics}">Every topic</a> · <a href="${urls.authors}">Every author</a> · <a href="${urls.search}">Search the archive</a></p>
</section>`;
}

export function searchMain(page: SearchPage): Html {
  return html`<h1>Search the archive</h1>
<form id="search-form" class="search-form" role="search" action="${urls.search}" method="get" data-shards="${page.shards.map((shard) => `${shard.name}:${shard.stories}`).join(" ")}">
<label for="search-q">Words to find</label>
<input id="search-q" type="search" name="q" autocomplete="off">
<button type="submit">Search</button>
<div id="search-options" class="search-options" hidden>
<label for="search-sort">Order</label>
<select id="search-sort" name="sort">
<option value="">Best match</option>
<option value="date:desc">Newest first</option>
<option value="date:asc">Oldest first</option>
</select>
<div id="search-filters">${facetSelect("author", "Author", "Any author", page.facets.author)}${facetSelect("topic", "Topic", "Any topic", page.facets.topic)}${facetSelect("year", "Year", "Any year", page.facets.year)}</div>
</div>
</form>
<p id="search-status" class="summary" role="status" aria-live="polite">Search needs JavaScript; every story can also be reached from the <a href="${urls.archive}">archive</a>, <a href="${urls.authors}">authors</a> and <a href="${urls.topics}">topics</a>.</p>
<ol id="search-results" class="story-list search-results"></ol>`;
}

function facetSelect(key: string, label: string, any: string, values: SearchPage["facets"]["author"]): Html {
  return html`
<div class="search-filter"><label for="search-filter-${key}">${label}</label>
<select id="search-filter-${key}" name="${key}"><option value="">${any}</option>${values.map((entry) => html`<option value="${entry.value}">${entry.value} (${entry.count.toLocaleString("en")})</option>`)}</select></div>`;
}

export function notFoundMain(page: NotFoundPage): Html {
  return html`<h1>Page not found</h1>
<p>There is no page at this address. It may have moved, or the address may be mistyped.</p>
<form class="search-form" role="search" action="${urls.search}" method="get">
<label for="not-found-q">Search the archive</label>
<input id="not-found-q" type="search" name="q">
<button type="submit">Search</button>
</form>
<h2>Latest stories</h2>
${storyList(page.latest)}`;
}
