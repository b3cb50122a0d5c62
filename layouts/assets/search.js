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

/**
 * The catalogue of search shards the build printed in the page, newest first: the newest
 * period in pagefind/, then older runs of years, of months of a year or of days of a month in
 * pagefind/shards/<name>/ ("2001-2003", "2024-01-2024-06", "2025-07-01-2025-07-09"), each
 * with its number of stories. An older shard is merged only when a search reaches it (more
 * results, a year filter, the oldest first), so a first search downloads the newest shard's
 * index alone however large the archive (issue 24).
 */
const shards = (form.dataset.shards ?? "")
  .split(" ")
  .filter(Boolean)
  .map((entry, position) => {
    const [name, stories] = entry.split(":");
    // The name's periods: "2001", "2024-01" or "2025-07-01", then the run's last one if any.
    const [first, last = first] = name.match(/\d{4}(?:-\d\d(?!\d))*/g);
    const [from, to] = [first, last].map((period) => Number(period.slice(0, 4)));
    const years = Array.from({ length: to - from + 1 }, (_, offset) => String(from + offset));
    return { name, stories: Number(stories), years, first: position === 0, periods: [first, last] };
  });
const merging = new Map();

const pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
// Without its shared worker Pagefind runs the same search on the page, and the first search
// downloads 43 KB less. Every index is given a filter naming its shard, which no index holds
// (Pagefind adds it to each page of that index as it loads): a search narrowed to one shard
// finds nothing in the others, whatever the shards' periods, without downloading a filter.
await pagefind.options({ excerptLength: 30, noWorker: true, mergeFilter: { shard: shards[0]?.name ?? "" } });
await pagefind.init();

/** Merges a shard into Pagefind's search once; the first is Pagefind's own index. */
function loadShard(shard) {
  if (shard.first) return Promise.resolve();
  if (!merging.has(shard.name))
    merging.set(
      shard.name,
      pagefind.mergeIndex(new URL(`../pagefind/shards/${shard.name}/`, import.meta.url).href, { mergeFilter: { shard: shard.name } }),
    );
  return merging.get(shard.name);
}

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
  // Oldest first starts at the oldest shard; a year filter needs only the shard holding it.
  const order = (sortOrder === "asc" ? [...shards].reverse() : shards).filter(
    (shard) => !filters.year || shard.years.includes(filters.year),
  );
  const search = {
    term,
    filters,
    sort: sortKey ? { [sortKey]: sortOrder } : undefined,
    order,
    searched: 0,
    results: [],
    total: knownTotal(term, filters),
    current,
  };
  if (!(await searchUntil(search, PAGE_SIZE))) return;
  list.replaceChildren();
  showStatus(search);
  await showResults(search, 0);
}

/**
 * Searches the next shards in order until `wanted` results are found or none is left; false
 * when a newer search began meanwhile. Pagefind merges the results of several indexes by
 * relevance score, even when asked to sort, and searches every index merged so far: each search
 * is narrowed to one shard by its shard filter, so results come shard after shard, each
 * shard's in date order (or by relevance). Our shards hold disjoint runs of days, so that is a
 * date order across the whole archive.
 */
async function searchUntil(search, wanted) {
  while (search.results.length < wanted && search.searched < search.order.length) {
    const next = shardsLikelyNeeded(search, wanted);
    await Promise.all(next.map(loadShard));
    if (search.current !== generation) return false;
    for (const shard of next) {
      const filters = { ...search.filters };
      // With the first index alone there is nothing to narrow.
      if (merging.size > 0) filters.shard = shard.name;
      const found = await pagefind.search(search.term || null, { filters, sort: search.sort });
      if (search.current !== generation || !found) return false;
      search.results.push(...found.results);
      search.searched++;
      if (search.results.length >= wanted) break;
    }
  }
  return true;
}

/** Shards merged at once at most: a rare word or author would otherwise fetch hundreds in one go. */
const MOST_SHARDS_AT_ONCE = 16;

/**
 * The next shards to merge, fetched at once rather than one round trip after another (a rare
 * filter's stories may lie in hundreds of small shards, issue 24): as many stories as the
 * results found so far say the missing ones need, twice as many as were searched when none was
 * found; the newest shard alone for a first search, so that it downloads one index.
 */
function shardsLikelyNeeded(search, wanted) {
  const searchedStories = search.order.slice(0, search.searched).reduce((sum, shard) => sum + shard.stories, 0);
  const found = search.results.length;
  const storiesNeeded = found === 0 ? searchedStories : ((wanted - found) * searchedStories) / found;
  const next = [search.order[search.searched]];
  let stories = next[0].stories;
  for (const shard of search.order.slice(search.searched + 1, search.searched + MOST_SHARDS_AT_ONCE)) {
    if (stories >= storiesNeeded) break;
    next.push(shard);
    stories += shard.stories;
  }
  return next;
}

const storyCount = (count) => `${count.toLocaleString("en")} ${count === 1 ? "story" : "stories"}`;

/**
 * Names a run of shards by its years, "2013–2025", when it holds every shard of those years;
 * else by its first and last periods, "2025-12" or "2001–2025-11" (a year split into months).
 */
function yearsOf(run) {
  const years = run.flatMap((shard) => shard.years).map(Number);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const whole = shards.every((shard) => run.includes(shard) || shard.years.every((year) => year < from || year > to));
  const periods = run.flatMap((shard) => shard.periods).sort();
  const [first, last] = whole ? [String(from), String(to)] : [periods[0], periods.at(-1)];
  return first === last ? first : `${first}–${last}`;
}

/**
 * How many stories a search without words and with one filter matches in the whole archive,
 * before every shard is searched: the count the build printed beside the filter's value.
 */
function knownTotal(term, filters) {
  const keys = Object.keys(filters);
  if (term || keys.length !== 1) return undefined;
  const count = /\(([\d,]+)\)$/.exec(selects[keys[0]].selectedOptions[0]?.textContent ?? "")?.[1];
  return count === undefined ? undefined : Number(count.replaceAll(",", ""));
}

function showStatus(search) {
  const count = search.results.length;
  const matches = (total) => (total === 0 ? "No story matches" : `${storyCount(total)} ${total === 1 ? "matches" : "match"}`);
  if (search.searched === search.order.length) {
    status.textContent = `${matches(count)}.`;
    return;
  }
  const searched = yearsOf(search.order.slice(0, search.searched));
  const rest = search.order.slice(search.searched);
  status.textContent =
    search.total === undefined
      ? `${matches(count)} in ${searched}; the ${storyCount(rest.reduce((sum, shard) => sum + shard.stories, 0))} of ${yearsOf(rest)} are searched when you show more.`
      : `${matches(search.total)} (${count.toLocaleString("en")} found so far, in ${searched}; ${yearsOf(rest)} are searched when you show more).`;
}

async function showResults(search, start) {
  const slice = search.results.slice(start, start + PAGE_SIZE);
  const data = await Promise.all(slice.map((result) => result.data()));
  if (search.current !== generation) return;
  for (const item of data) list.append(resultItem(item));
  const found = search.results.length - start - PAGE_SIZE;
  const unsearched = search.order.length - search.searched;
  if (found > 0 || unsearched > 0) {
    const more = document.createElement("li");
    more.className = "more";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent =
      unsearched === 0
        ? `Show more (${found} left)`
        : found > 0
          ? `Show more (${found} found so far, ${yearsOf(search.order.slice(search.searched))} not searched yet)`
          : `Show more (search ${yearsOf(search.order.slice(search.searched))})`;
    button.addEventListener("click", async () => {
      button.disabled = true;
      if (!(await searchUntil(search, start + 2 * PAGE_SIZE))) return;
      more.remove();
      showStatus(search);
      await showResults(search, start + PAGE_SIZE);
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
