// The search page: Pagefind's JavaScript API behind a plain GET form, so a search lives in the
// address (/search/?q=huawei&author=Dan+Jones&sort=date:asc) and can be bookmarked and shared.
// Everything printed from the index goes in as text; only Pagefind's <mark> highlights survive.

const FACETS = [
  { key: "author", label: "Author", any: "Any author" },
  { key: "topic", label: "Topic", any: "Any topic" },
  { key: "year", label: "Year", any: "Any year" },
];
const PAGE_SIZE = 10;
// The site's root, path prefix included: the index gives images site-relative, as its story urls.
const SITE_ROOT = new URL("../", import.meta.url);

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const sortSelect = document.getElementById("search-sort");
const options = document.getElementById("search-options");
const filtersBox = document.getElementById("search-filters");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");

const pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
// Without its shared worker Pagefind runs the same search on the page, and the first search
// downloads 43 KB less.
await pagefind.options({ excerptLength: 30, noWorker: true });
await pagefind.init();
// Older years live in shards of their own (pagefind/shards/<name>/), merged into the first.
// Shard names are years or year ranges ("2025", "2013-2024"), newest first.
const mergedShards = (form.dataset.mergedShards ?? "").split(" ").filter(Boolean);
const shardYears = [form.dataset.firstShard, ...mergedShards].filter(Boolean).map((name) => {
  const [from, to = from] = name.split("-").map(Number);
  return Array.from({ length: to - from + 1 }, (_, offset) => String(from + offset));
});
await Promise.all(mergedShards.map((name) => pagefind.mergeIndex(new URL(`../pagefind/shards/${name}/`, import.meta.url).href)));

// The filters' values and counts are printed in the page by the build: asking Pagefind for them
// would download every filter index (about 100 KB for 10,000 stories) before the first search.
const selects = {};
for (const facet of FACETS) selects[facet.key] = document.getElementById(`search-filter-${facet.key}`);
options.hidden = false;

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  sortSelect.value = params.get("sort") ?? "";
  for (const facet of FACETS) selects[facet.key].value = params.get(facet.key) ?? "";
}

function writeAddress() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const facet of FACETS) if (selects[facet.key].value) params.set(facet.key, selects[facet.key].value);
  if (sortSelect.value) params.set("sort", sortSelect.value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

let generation = 0;
async function runSearch() {
  const current = ++generation;
  const term = input.value.trim();
  const filters = {};
  for (const facet of FACETS) if (selects[facet.key].value) filters[facet.key] = selects[facet.key].value;
  const [sortKey, sortOrder] = sortSelect.value ? sortSelect.value.split(":") : [];
  if (!term && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "Type words to find, or choose an author, a topic or a year.";
    return;
  }
  const search =
    sortKey && shardYears.length > 1
      ? await searchShardsInOrder(term, filters, sortKey, sortOrder)
      : await pagefind.search(term || null, { filters, sort: sortKey ? { [sortKey]: sortOrder } : undefined });
  if (current !== generation || !search) return;
  const count = search.results.length;
  status.textContent = count === 0 ? "No story matches." : `${count} ${count === 1 ? "story matches" : "stories match"}.`;
  list.replaceChildren();
  await showResults(search.results, 0, current);
}

/**
 * Pagefind merges the results of several indexes by relevance score, even when asked to sort.
 * Our shards hold disjoint runs of years, so a date order across all of them is each shard's own
 * sorted results, shard after shard: one search per shard, narrowed to its years by the year filter.
 */
async function searchShardsInOrder(term, filters, sortKey, sortOrder) {
  const order = sortOrder === "asc" ? [...shardYears].reverse() : shardYears;
  const results = [];
  for (const years of order) {
    const wanted = filters.year ? years.filter((year) => year === filters.year) : years;
    if (wanted.length === 0) continue;
    const search = await pagefind.search(term || null, { filters: { ...filters, year: { any: wanted } }, sort: { [sortKey]: sortOrder } });
    if (!search) return null;
    results.push(...search.results);
  }
  return { results };
}

async function showResults(results, start, current) {
  const slice = results.slice(start, start + PAGE_SIZE);
  const data = await Promise.all(slice.map((result) => result.data()));
  if (current !== generation) return;
  for (const item of data) list.append(resultItem(item));
  if (start + PAGE_SIZE < results.length) {
    const more = document.createElement("li");
    more.className = "more";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Show more (${results.length - start - PAGE_SIZE} left)`;
    button.addEventListener("click", () => {
      more.remove();
      showResults(results, start + PAGE_SIZE, current);
    });
    more.append(button);
    list.append(more);
  }
}

function resultItem(item) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  const meta = document.createElement("span");
  meta.className = "meta";
  if (item.meta.date) {
    const time = document.createElement("time");
    time.dateTime = item.meta.date;
    time.textContent = item.meta.dated ?? item.meta.date;
    meta.append(time);
  }
  for (const part of [item.meta.byline, item.meta.publication]) if (part) meta.append(` · ${part}`);
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.append(...highlightedText(item.excerpt ?? ""));
  if (item.meta.image?.startsWith("/")) li.append(thumbnail(item.meta.image, item.meta.image_alt ?? ""));
  li.append(link, " ", meta, excerpt);
  return li;
}

/** The story's lead image, small, as lists of stories show it (issue 20): its alt set as text. */
function thumbnail(src, alt) {
  const image = document.createElement("img");
  image.className = "thumbnail";
  image.src = new URL(src.slice(1), SITE_ROOT).href;
  image.alt = alt;
  image.loading = "lazy";
  image.decoding = "async";
  return image;
}

/** Pagefind's excerpt as nodes: its text, with only its <mark> elements kept. */
function highlightedText(excerpt) {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  writeAddress();
  runSearch();
});
let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    writeAddress();
    runSearch();
  }, 250);
});
for (const control of [sortSelect, ...Object.values(selects)]) {
  control.addEventListener("change", () => {
    writeAddress();
    runSearch();
  });
}
addEventListener("popstate", () => {
  readAddress();
  runSearch();
});

readAddress();
await runSearch();
document.documentElement.dataset.searchReady = "true";
