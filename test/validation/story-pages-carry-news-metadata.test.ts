import { suite } from "uvu";
import * as assert from "uvu/assert";
import { setUpOrFailEveryTest } from "./setUpOrFailEveryTest.ts";
import { buildVariant, type BuiltVariant } from "./builtVariant.ts";

const SEED_PATH = "/2018/11/23/huawei-faces-further-heat-from-us-administration-report/";
const SEED_SOURCE = "https://www.lightreading.com/mobile/5g/huawei-faces-further-heat-from-us-administration-andndash-report/d/d-id/747773";
const SEED_TOPICS = ["Huawei", "ZTE", "US government", "security", "5G", "BT", "Japan", "Italy", "Germany"];

/** A story's address: /YYYY/MM/DD/<slug>/. */
const STORY_FILE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

type JsonObject = Record<string, unknown>;

/** The page's one NewsArticle, parsed from its `<script type="application/ld+json">`. */
function newsArticleOf(document: Document, where: string): JsonObject {
  const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')];
  assert.is(scripts.length, 1, `${where} has ${scripts.length} JSON-LD scripts`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(scripts[0].textContent ?? "");
  } catch (error) {
    assert.unreachable(`${where}: its JSON-LD does not parse: ${(error as Error).message}`);
  }
  assert.type(parsed, "object", `${where}: its JSON-LD is not an object`);
  return parsed as JsonObject;
}

/** The content of every `<meta property=…>` (Open Graph) or `<meta name=…>` with that key. */
function metaContents(document: Document, key: string): string[] {
  return [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((meta) => meta.getAttribute("content") ?? "");
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** An ISO 8601 date-time with its offset, as schema.org and Open Graph want it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;

interface Context {
  site: BuiltVariant;
}

function metadataSuite(prefix: string) {
  const metadata = suite<Context>(`story pages of the site built for ${prefix} carry their news metadata`);

  setUpOrFailEveryTest(metadata, async (context) => {
    context.site = await buildVariant(prefix);
  });

  metadata.after((context) => context.site?.remove());

  const seedAddress = (context: Context) => context.site.root + SEED_PATH.slice(1);

  metadata("the seed's JSON-LD is a NewsArticle with its headline and dates", (context) => {
    const article = newsArticleOf(context.site.document(SEED_PATH), SEED_PATH);
    assert.is(article["@context"], "https://schema.org");
    assert.is(article["@type"], "NewsArticle");
    assert.is(article.headline, "Huawei Faces Further Heat From US Administration – Report");
    assert.match(String(article.datePublished), DATE_TIME);
    assert.match(String(article.dateModified), DATE_TIME);
    assert.match(String(article.datePublished), /^2018-11-23T/);
    assert.ok(
      Date.parse(String(article.dateModified)) >= Date.parse(String(article.datePublished)),
      "dateModified is before datePublished",
    );
    assert.is(article.url, seedAddress(context));
  });

  metadata("the seed's JSON-LD names its author as a Person with the author page's absolute URL", (context) => {
    const article = newsArticleOf(context.site.document(SEED_PATH), SEED_PATH);
    const authors = asList(article.author) as JsonObject[];
    assert.equal(
      authors.map((author) => [author["@type"], author.name, author.url]),
      [["Person", "Ray Le Maistre", context.site.root + "authors/ray-le-maistre/"]],
    );
    assert.ok(context.site.fileFor("/authors/ray-le-maistre/"), "the author's page was not built");
  });

  metadata("the seed's JSON-LD names Light Reading as publisher, its topics as keywords, and its original address", (context) => {
    const article = newsArticleOf(context.site.document(SEED_PATH), SEED_PATH);
    assert.equal(article.publisher, { "@type": "Organization", name: "Light Reading" });
    const keywords = Array.isArray(article.keywords) ? article.keywords : String(article.keywords).split(/\s*,\s*/);
    assert.equal(keywords, SEED_TOPICS);
    assert.is(article.isBasedOn, SEED_SOURCE);
    assert.ok(asList(article.sameAs).includes(SEED_SOURCE), `sameAs is ${JSON.stringify(article.sameAs)}`);
  });

  metadata("the seed's canonical address and Open Graph tags are absolute and describe an article", (context) => {
    const document = context.site.document(SEED_PATH);
    const canonical = [...document.querySelectorAll('link[rel="canonical"]')].map((link) => link.getAttribute("href"));
    assert.equal(canonical, [seedAddress(context)]);
    assert.equal(metaContents(document, "og:type"), ["article"]);
    assert.equal(metaContents(document, "og:url"), [seedAddress(context)]);
    assert.equal(metaContents(document, "og:title"), ["Huawei Faces Further Heat From US Administration – Report"]);
    const [published] = metaContents(document, "article:published_time");
    assert.match(published, DATE_TIME);
    assert.is(Date.parse(published), Date.parse(String(newsArticleOf(document, SEED_PATH).datePublished)));
    assert.equal(metaContents(document, "article:author"), [context.site.root + "authors/ray-le-maistre/"]);
    assert.equal(metaContents(document, "article:tag"), SEED_TOPICS);
  });

  metadata("every story page has a canonical address of its own, a NewsArticle and a non-empty description", (context) => {
    const stories = context.site.htmlFiles().filter((file) => STORY_FILE.test(file));
    assert.is(stories.length, 12);
    for (const file of stories) {
      const document = context.site.document("/" + file);
      const address = context.site.addressOf(file);
      assert.equal(
        [...document.querySelectorAll('link[rel="canonical"]')].map((link) => link.getAttribute("href")),
        [address],
        file,
      );
      const article = newsArticleOf(document, file);
      assert.is(article["@type"], "NewsArticle", file);
      assert.is(article.headline, document.querySelector("h1")?.textContent?.trim(), file);
      const descriptions = metaContents(document, "description");
      assert.is(descriptions.length, 1, `${file} has ${descriptions.length} meta descriptions`);
      assert.ok(descriptions[0].trim().length > 40, `${file}: description "${descriptions[0]}"`);
      assert.equal(metaContents(document, "og:description"), descriptions, file);
    }
  });

  metadata("a reference-only story's description is a sentence built from its facts", (context) => {
    const document = context.site.document("/2018/05/29/trump-admin-reboots-50b-china-tech-tariffs/");
    assert.ok(document.querySelector(".reference-only"), "the page is not shown as reference-only");
    const [description] = metaContents(document, "description");
    // Its publication, byline and date; not its headline, which the title already gives.
    for (const fact of ["Light Reading", "Dan Jones", "29 May 2018"])
      assert.ok(description.includes(fact), `"${description}" does not say ${fact}`);
    assert.not.ok(description.includes("Trump Admin Reboots"), `"${description}" repeats the headline`);
    assert.match(description, /^[A-Z].*\.$/);
  });

  metadata("the seed's description is the start of its text", (context) => {
    const [description] = metaContents(context.site.document(SEED_PATH), "description");
    assert.match(description, /^Huawei is once again the security focus of the US administration/);
  });

  metadata.run();
}

metadataSuite("/");
metadataSuite("/news/");
