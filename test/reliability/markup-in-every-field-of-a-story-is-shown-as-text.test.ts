import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { slugify } from "../../src/slug.ts";
import { listedTitles } from "../support/pageListings.ts";
import { archiveOnDisk } from "./archiveOnDisk.ts";

/**
 * A story whose every front matter value is an attack, and whose body is raw HTML and script
 * links: built at the domain root and under /news/, every page, feed and JSON-LD block that prints
 * a front matter value shows it as the text the editor typed, and nothing of it becomes markup,
 * script or link. The body's HTML goes through the allowlist (issue 20): what could run script goes.
 *
 * Pages are read with linkedom (a DOM, as a browser would build it); feeds are checked for
 * well-formedness with fast-xml-parser's validator and read with its parser, which decodes each
 * value once, as XML says. (A lenient feed reader such as @rowanmanning/feed-parser decodes a text
 * title twice, turning a typed "&amp;" into "&", so it cannot tell right from wrong here.)
 */

const MARKUP = `<script>alert(1)</script> "><img src=x onerror=alert(1)> </script><script>alert(2)</script> &amp; 'single' "double"`;
const TITLE = `Title ${MARKUP}`;
const NAME = `Name ${MARKUP}`;
const ROLE = `Role ${MARKUP}`;
const PUBLICATION = `Publication ${MARKUP}`;
const TOPIC = `Topic ${MARKUP}`;
const SUMMARY = `Summary ${MARKUP}`;
const CORRECTION = `Correction ${MARKUP}`;
const ALT = `Alt ${MARKUP}`;
const CAPTION = `Caption ${MARKUP}`;
const CREDIT = `Credit ${MARKUP}`;
const SOURCE = `https://example.com/story?headline="quoted"&x='y'<z>`;

/** Script links in a body, each shown as text by the Markdown renderer, which makes no link of them. */
const BODY_AS_TEXT = [
  `[click](javascript:alert(7))`,
  `[shouting](JAVASCRIPT:alert(8))`,
  `<javascript:alert(11)>`,
  `[vb](vbscript:msgbox(13))`,
];
const BODY = `Raw HTML in a paragraph: <script>alert(3)</script> and <b onmouseover="alert(4)">bold</b>.

<img src=https://images.example.org/x.png onerror=alert(5)>

<iframe src="https://evil.example/"></iframe>

<script>
alert(6)
</script>

A [click](javascript:alert(7)) link, [shouting](JAVASCRIPT:alert(8)), [encoded](&#106;avascript:alert(9)), [spaced]( javascript:alert(10)), an autolink <javascript:alert(11)>, [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=) and [vb](vbscript:msgbox(13)).

![an image](javascript:alert(14) "title \\" onerror=alert(15)")
`;

const q = JSON.stringify;
const archive = archiveOnDisk({
  "2018/11/marked-up.md": `---
title: ${q(TITLE)}
date: 2018-11-20
byline:
  - name: ${q(NAME)}
    role: ${q(ROLE)}
publication: ${q(PUBLICATION)}
topics: [${q(TOPIC)}, Huawei]
summary: ${q(SUMMARY)}
updated: 2018-11-21
correction: ${q(CORRECTION)}
source: ${q(SOURCE)}
image:
  src: https://images.example.org/lead-photo.jpg
  alt: ${q(ALT)}
  caption: ${q(CAPTION)}
  credit: ${q(CREDIT)}
---
${BODY}`,
  // Lists the marked-up story under "Stories this one links to", and shares its byline and topic.
  "2018/11/companion.md": `---\ntitle: The Companion Story\ndate: 2018-11-22\nbyline: [${q(NAME)}]\ntopics: [${q(TOPIC)}]\n---\nIt cites [the marked-up story](marked-up.md).\n`,
});

const STORY = `/2018/11/20/${slugify(TITLE)}/`;
const AUTHOR = `/authors/${slugify(NAME)}/`;
const TOPIC_PAGE = `/topics/${slugify(TOPIC)}/`;

interface Built {
  prefix: string;
  dir: string;
  /** Site-relative path ("/2018/") of every file of a kind, e.g. every ".html" page. */
  files(extension: string): string[];
  read(sitePath: string): string;
  document(sitePath: string): Document;
}

const builds = new Map<string, Promise<Built>>();
/** The archive built once per path prefix. */
function built(prefix: string): Promise<Built> {
  let build = builds.get(prefix);
  if (!build) {
    const dir = path.join(archive.root, `site${prefix.replace(/\//g, "-")}`);
    build = buildSite({ input: archive.articles, output: dir, pathPrefix: prefix }).then(() => {
      const fileOf = (sitePath: string) => path.join(dir, sitePath.endsWith("/") ? sitePath + "index.html" : sitePath);
      const read = (sitePath: string) => readFileSync(fileOf(sitePath), "utf8");
      return {
        prefix,
        dir,
        files: (extension: string) =>
          readdirSync(dir, { recursive: true, encoding: "utf8" })
            .map((entry) => "/" + entry.split(path.sep).join("/"))
            .filter((entry) => entry.endsWith(extension) && !entry.startsWith("/pagefind/"))
            .map((entry) => entry.replace(/(^|\/)index\.html$/, "$1"))
            .sort(),
        read,
        document: (sitePath: string) => parseHTML(read(sitePath)).document as unknown as Document,
      };
    });
    builds.set(prefix, build);
  }
  return build;
}

/** A site-relative path as linked from a page built for `prefix`. */
const linked = (prefix: string, sitePath: string) => prefix.replace(/\/$/, "") + sitePath;

const textOf = (document: Document, selector: string) => document.querySelector(selector)?.textContent ?? undefined;
const metaContent = (document: Document, selector: string) => document.querySelector(selector)?.getAttribute("content") ?? undefined;

interface AtomEntry {
  title: string;
  /** The story's page (`alternate`), and its lead image (`enclosure`, issue 20). */
  link: { href: string; rel: string }[];
  author?: { name: string }[];
  category?: { term: string }[];
  summary: string;
  content?: { "#text": string; type: string };
}

const atom = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["entry", "author", "category", "link"].includes(name),
});

function atomEntries(xml: string): AtomEntry[] {
  return (atom.parse(xml) as { feed: { entry?: AtomEntry[] } }).feed.entry ?? [];
}

/** Attribute values that browsers follow or load. */
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "data", "xlink:href"];

for (const prefix of ["/", "/news/"]) {
  const where = prefix === "/" ? "at the domain root" : `under ${prefix}`;

  // -------------------------------------------------------------------------------------------

  const everyPage = suite(`no page built ${where} lets markup from a story through`);

  everyPage("the build of the marked-up story succeeds and writes its pages", async () => {
    const site = await built(prefix);
    assert.ok(site.files(".html").includes(STORY), `the story page ${STORY} was written`);
  });

  everyPage("no page holds a script other than the site's own module and its JSON-LD", async () => {
    const site = await built(prefix);
    for (const page of site.files(".html")) {
      const scripts = [...site.document(page).querySelectorAll("script")];
      const allowed = scripts.filter(
        (script) =>
          (script.getAttribute("type") === "module" &&
            (script.getAttribute("src") ?? "").startsWith(linked(prefix, "/assets/")) &&
            script.textContent === "") ||
          script.getAttribute("type") === "application/ld+json",
      );
      assert.is(allowed.length, scripts.length, `${page} has a script of its own: ${scripts.map((script) => script.outerHTML).join(" ")}`);
      const openings = site.read(page).match(/<script/gi)?.length ?? 0;
      assert.is(openings, scripts.length, `${page} has "<script" where the DOM sees no script element`);
    }
  });

  everyPage("no element has an event handler attribute, and none is a frame or object", async () => {
    const site = await built(prefix);
    for (const page of site.files(".html")) {
      const document = site.document(page);
      for (const element of document.querySelectorAll("*")) {
        const handlers = [...element.attributes].map((attribute) => attribute.name).filter((name) => name.toLowerCase().startsWith("on"));
        assert.equal(handlers, [], `${page}: <${element.localName}> has ${handlers.join(", ")}`);
      }
      assert.is(document.querySelectorAll("iframe, object, embed, frame").length, 0, `${page} holds an embedded element`);
      assert.not.match(site.read(page), /<(iframe|script>)/i, `${page} holds a frame or script from the story`);
    }
  });

  everyPage("no link, source or form leads to javascript:, vbscript: or data:", async () => {
    const site = await built(prefix);
    for (const page of site.files(".html")) {
      for (const element of site.document(page).querySelectorAll("*")) {
        for (const name of URL_ATTRIBUTES) {
          const value = element.getAttribute(name);
          if (value === null) continue;
          const scheme = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          assert.not.ok(/^(javascript|vbscript|data):/.test(scheme), `${page}: <${element.localName} ${name}="${value}">`);
        }
      }
    }
  });

  everyPage("every page carries a Content-Security-Policy whose script-src allows no inline script", async () => {
    const site = await built(prefix);
    for (const page of site.files(".html")) {
      const policy = metaContent(site.document(page), 'meta[http-equiv="Content-Security-Policy"]');
      assert.ok(policy, `${page} has no Content-Security-Policy meta`);
      const directives = new Map(
        policy!
          .split(";")
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...sources]) => [name, sources]),
      );
      const scriptSrc = directives.get("script-src");
      assert.ok(scriptSrc, `${page}: the policy has no script-src`);
      assert.ok(scriptSrc!.includes("'self'"), `${page}: script-src ${scriptSrc!.join(" ")}`);
      for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"])
        assert.not.ok(scriptSrc!.includes(unsafe), `${page}: script-src allows ${unsafe}`);
      assert.equal(directives.get("object-src"), ["'none'"], `${page}: object-src`);
    }
  });

  everyPage.run();

  // -------------------------------------------------------------------------------------------

  const storyPage = suite(`the story page built ${where} shows every value as the text typed`);

  storyPage("the headline, publication, byline, role, correction and topics read exactly as typed", async () => {
    const document = (await built(prefix)).document(STORY);
    assert.is(textOf(document, "h1"), TITLE);
    assert.is(textOf(document, ".publication"), PUBLICATION);
    assert.is(textOf(document, ".byline a[rel=author]"), NAME);
    assert.is(textOf(document, ".byline .role"), ROLE);
    // The notice ends with its link to every correction (issue 20).
    assert.ok(textOf(document, ".correction")?.endsWith(`: ${CORRECTION} All corrections`), textOf(document, ".correction"));
    assert.equal(
      [...document.querySelectorAll(".topics a")].map((link) => link.textContent),
      [TOPIC, "Huawei"],
    );
  });

  storyPage("the document title, description and Open Graph tags hold the values as typed", async () => {
    const document = (await built(prefix)).document(STORY);
    assert.is(textOf(document, "title"), `${TITLE} · News Archive`);
    assert.is(metaContent(document, 'meta[name="description"]'), SUMMARY);
    assert.is(metaContent(document, 'meta[property="og:title"]'), TITLE);
    assert.is(metaContent(document, 'meta[property="og:description"]'), SUMMARY);
    assert.equal(
      [...document.querySelectorAll('meta[property="article:tag"]')].map((meta) => meta.getAttribute("content")),
      [TOPIC, "Huawei"],
    );
  });

  storyPage("the lead image's alt text, caption and credit read exactly as typed, on the page and in its link preview", async () => {
    const document = (await built(prefix)).document(STORY);
    const image = document.querySelector("figure.lead-image img");
    assert.is(image?.getAttribute("src"), "https://images.example.org/lead-photo.jpg");
    assert.is(image?.getAttribute("alt"), ALT);
    assert.is(textOf(document, "figure.lead-image figcaption"), `${CAPTION} ${CREDIT}`);
    assert.is(textOf(document, "figure.lead-image .credit"), CREDIT);
    assert.is(metaContent(document, 'meta[property="og:image:alt"]'), ALT);
  });

  storyPage("the original address with quotes in it is the link's target and text", async () => {
    const link = (await built(prefix)).document(STORY).querySelector(".source a");
    assert.is(link?.getAttribute("href"), SOURCE);
    assert.is(link?.textContent, SOURCE);
  });

  storyPage("raw HTML in the body keeps only what the allowlist allows, and script links are shown as text", async () => {
    const document = (await built(prefix)).document(STORY);
    const body = document.querySelector(".body");
    const text = body?.textContent ?? "";
    for (const shown of BODY_AS_TEXT) assert.ok(text.includes(shown), `the body does not show ${shown} as text`);
    assert.not.ok(/alert\((3|6)\)/.test(text), `the scripts' text is left in the body: ${text}`);
    assert.equal(
      [...(body?.querySelectorAll("*") ?? [])].map((element) => element.outerHTML).filter((markup) => !markup.startsWith("<p>")),
      // Another site's image is kept (issue 20: a local file that is missing would fail the build), its handler gone.
      // It has no alt text, so it is published with an empty one (a warning of the build).
      ["<b>bold</b>", '<img src="https://images.example.org/x.png" alt="" loading="lazy" decoding="async">'],
    );
  });

  storyPage("the JSON-LD parses and holds every value as typed, with no markup in its raw text", async () => {
    const document = (await built(prefix)).document(STORY);
    const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
    assert.is(blocks.length, 1);
    const raw = blocks[0].textContent ?? "";
    assert.not.match(raw, /[<>]/, "the JSON-LD's text holds a < or >, which could end its element");
    const data = JSON.parse(raw);
    assert.is(data.headline, TITLE);
    assert.is(data.description, SUMMARY);
    assert.is(data.author[0].name, NAME);
    assert.is(data.author[0].jobTitle, ROLE);
    assert.is(data.publisher.name, PUBLICATION);
    assert.equal(data.keywords, [TOPIC, "Huawei"]);
    assert.is(data.isBasedOn, SOURCE);
  });

  storyPage.run();

  // -------------------------------------------------------------------------------------------

  const lists = suite(`every list built ${where} shows the marked-up values as text`);

  const listing = [
    "/",
    "/404.html",
    "/2018/11/",
    "/2018/11/20/",
    AUTHOR,
    `${AUTHOR}2018/`,
    TOPIC_PAGE,
    `${TOPIC_PAGE}2018/`,
    "/topics/huawei/",
    "/2018/11/22/the-companion-story/",
  ];
  lists("each page that lists the story links to it with its headline as typed", async () => {
    const site = await built(prefix);
    for (const page of listing) {
      const titles = listedTitles(site.read(page).replaceAll(`href="${linked(prefix, "/")}`, 'href="/'));
      assert.ok(titles.includes(TITLE), `${page} lists ${JSON.stringify(titles)}`);
    }
  });

  lists("the author's and topic's pages are headed by the name as typed, and the directories list it", async () => {
    const site = await built(prefix);
    assert.is(textOf(site.document(AUTHOR), "h1"), `Stories by ${NAME}`);
    assert.is(textOf(site.document(TOPIC_PAGE), "h1"), `Stories on ${TOPIC}`);
    assert.ok(
      [...site.document("/authors/").querySelectorAll("main a")].some((link) => link.textContent === NAME),
      "the authors page lists the name",
    );
    assert.ok(
      [...site.document("/topics/").querySelectorAll("main a")].some((link) => link.textContent === TOPIC),
      "the topics page lists the topic",
    );
    assert.is(textOf(site.document("/2018/11/22/the-companion-story/"), ".byline a[rel=author]"), NAME);
  });

  lists.run();

  // -------------------------------------------------------------------------------------------

  const feeds = suite(`every Atom feed built ${where} is well-formed and holds the values as typed`);

  feeds("every feed and sitemap is well-formed XML using only XML's own entities", async () => {
    const site = await built(prefix);
    const xmlFiles = site.files(".xml");
    assert.ok(
      xmlFiles.includes("/feed.xml") && xmlFiles.includes(`${AUTHOR}feed.xml`) && xmlFiles.includes(`${TOPIC_PAGE}feed.xml`),
      xmlFiles.join(", "),
    );
    for (const file of xmlFiles) {
      const xml = site.read(file);
      assert.is(XMLValidator.validate(xml), true, `${file}: ${JSON.stringify(XMLValidator.validate(xml))}`);
      const entities = [...xml.matchAll(/&([^;\s]*);/g)].map((match) => match[1]);
      assert.equal(
        entities.filter((entity) => !/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+)$/i.test(entity)),
        [],
        `${file} uses entities XML does not define`,
      );
    }
  });

  for (const feedPath of ["/feed.xml", `${AUTHOR}feed.xml`, `${TOPIC_PAGE}feed.xml`, "/topics/huawei/feed.xml"]) {
    feeds(
      `${feedPath.length > 40 ? feedPath.slice(0, 40) + "…" : feedPath} gives a feed reader the entry's values as typed, and its content as text`,
      async () => {
        const entry = atomEntries((await built(prefix)).read(feedPath)).find((candidate) =>
          candidate.link.some((link) => link.rel === "alternate" && link.href.endsWith(STORY)),
        );
        assert.ok(entry, `${feedPath} has no entry for the story`);
        assert.is(entry!.title, TITLE);
        assert.equal(
          entry!.link.filter((link) => link.rel === "enclosure").map((link) => link.href),
          ["https://images.example.org/lead-photo.jpg"],
        );
        assert.equal(
          entry!.author?.map((author) => author.name),
          [NAME],
        );
        assert.equal(
          entry!.category?.map((category) => category.term),
          [TOPIC, "Huawei"],
        );
        assert.is(entry!.summary, SUMMARY);
        assert.is(entry!.content?.type, "html");
        const content = parseHTML(`<!doctype html><html><body>${entry!.content!["#text"]}</body></html>`).document;
        const text = content.body.textContent ?? "";
        assert.ok(text.includes(`Correction: ${CORRECTION}`), `the correction is not shown as typed: ${text.slice(0, 300)}`);
        for (const shown of BODY_AS_TEXT) assert.ok(text.includes(shown), `the content does not show ${shown} as text`);
        assert.is(
          content.querySelectorAll("script, iframe, object, embed, a[href], [onerror], [onmouseover]").length,
          0,
          `the content holds markup: ${entry!.content!["#text"]}`,
        );
      },
    );
  }

  feeds.run();
}
