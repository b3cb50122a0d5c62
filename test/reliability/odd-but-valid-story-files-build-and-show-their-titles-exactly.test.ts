import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { MAX_SLUG_BYTES, slugify } from "../../src/slug.ts";
import { MAX_BYLINES_PER_STORY, MAX_TOPICS_PER_STORY } from "../../src/article/storyLimits.ts";
import { storyLinks } from "../support/pageListings.ts";
import { archiveOnDisk } from "./archiveOnDisk.ts";

/**
 * Story files that are unusual but right: saved by a Windows editor (byte-order mark, CRLF line
 * ends), headlines with quotes, ampersands, emoji, right-to-left scripts or 300 characters, a byline
 * with diacritics, slugs in Hebrew or with capitals, headlines starting with Windows's device names,
 * and a story at the limits of topics and bylines. All of them build together; each page shows its headline exactly as typed,
 * and the lists link to it.
 */

const LONG_TITLE =
  "Huawei, ZTE and the Long Road to 5G: How Australia, New Zealand, the United Kingdom, the United States, Germany, France, " +
  "Japan and Canada Each Weighed Security Against Cost, Speed and Vendor Choice in the Race to Build Next-Generation " +
  "Mobile Networks Between 2018 and 2020, and What the Carriers, Regulators and Customers Said About It";

interface OddStory {
  behaviour: string;
  sourcePath: string;
  title: string;
  bytes: Buffer;
  /** Its address, when the test says what it must be (decoded). */
  address?: string;
}

const yaml = (text: string) => JSON.stringify(text);
const story = (title: string, date: string, extra = "", body = "The story's text.\n") =>
  `---\ntitle: ${yaml(title)}\ndate: ${date}\n${extra}---\n${body}`;

const oddStories: OddStory[] = [
  {
    behaviour: "a file saved with a UTF-8 byte-order mark and CRLF line ends",
    sourcePath: "2018/11/windows.md",
    title: "Saved on Windows, With a Byte-Order Mark",
    bytes: Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        story(
          "Saved on Windows, With a Byte-Order Mark",
          "2018-11-20",
          "byline: [Dan Jones]\r\ntopics: [Huawei]\r\n",
          "First paragraph.\r\n\r\nSecond paragraph.\r\n",
        )
          .replace(/\n/g, "\r\n")
          .replace(/\r\r\n/g, "\r\n"),
      ),
    ]),
  },
  {
    behaviour: "a headline with double and single quotes and an ampersand",
    sourcePath: "2018/11/quotes.md",
    title: `AT&T Says "Rip & Replace" Won't Cost 'Billions' <Yet>`,
    bytes: Buffer.from(story(`AT&T Says "Rip & Replace" Won't Cost 'Billions' <Yet>`, "2018-11-20", "byline: [Dan Jones]\n")),
  },
  {
    behaviour: "a headline with emoji, including joined sequences and flags",
    sourcePath: "2018/11/emoji.md",
    title: "5G 🚀 Rollout Hits a Snag 📶 👩🏽‍💻 🇦🇺",
    bytes: Buffer.from(story("5G 🚀 Rollout Hits a Snag 📶 👩🏽‍💻 🇦🇺", "2018-11-20", "byline: [Dan Jones]\n")),
  },
  {
    behaviour: "a headline in Hebrew",
    sourcePath: "2018/11/hebrew.md",
    title: "חוואווי מרחיבה את רשת ה-5G בישראל",
    bytes: Buffer.from(story("חוואווי מרחיבה את רשת ה-5G בישראל", "2018-11-20", "byline: [Dan Jones]\n")),
  },
  {
    behaviour: "a headline in Arabic mixed with Latin text",
    sourcePath: "2018/11/arabic.md",
    title: "هواوي توسع شبكة 5G في الخليج (Huawei)",
    bytes: Buffer.from(story("هواوي توسع شبكة 5G في الخليج (Huawei)", "2018-11-20", "byline: [Dan Jones]\n")),
  },
  {
    behaviour: "a byline with diacritics",
    sourcePath: "2018/11/diacritics.md",
    title: "Telefónica Picks Its 5G Core",
    bytes: Buffer.from(story("Telefónica Picks Its 5G Core", "2018-11-20", "byline:\n  - name: José Muñoz\n    role: Corresponsal\n")),
  },
  {
    behaviour: `a headline of ${LONG_TITLE.length} characters`,
    sourcePath: "2018/11/long.md",
    title: LONG_TITLE,
    bytes: Buffer.from(story(LONG_TITLE, "2018-11-20", "byline: [Dan Jones]\n")),
  },
  {
    behaviour: "a slug: in Hebrew letters",
    sourcePath: "2018/11/hebrew-slug.md",
    title: "Israel's 5G Network Grows",
    bytes: Buffer.from(story("Israel's 5G Network Grows", "2018-11-20", "slug: רשת-5G-בישראל\n")),
    address: "/2018/11/20/רשת-5G-בישראל/",
  },
  {
    behaviour: "a slug: with capitals, accents and an underscore, as an older site's address may have",
    sourcePath: "2018/11/old-address.md",
    title: "Telefónica Names Its Core Vendors",
    bytes: Buffer.from(story("Telefónica Names Its Core Vendors", "2018-11-20", "slug: Telefónica_Core-Vendors\n")),
    address: "/2018/11/20/Telefónica_Core-Vendors/",
  },
  {
    behaviour: "headlines that begin with a name Windows reserves (Con, Aux, Nul)",
    sourcePath: "2018/11/con-edison.md",
    title: "Con Edison and Aux Cables: Nul Points for the Grid",
    bytes: Buffer.from(story("Con Edison and Aux Cables: Nul Points for the Grid", "2018-11-20")),
    address: "/2018/11/20/con-edison-and-aux-cables-nul-points-for-the-grid/",
  },
  {
    behaviour: "topics and a byline that are names Windows reserves (the Aux and NUL topics, a columnist signing Con)",
    sourcePath: "2018/11/aux-inputs.md",
    title: "Why Car Makers Are Dropping the Aux Input",
    bytes: Buffer.from(story("Why Car Makers Are Dropping the Aux Input", "2018-11-20", "byline: [Con]\ntopics: [Aux, NUL, Cars]\n")),
  },
  {
    behaviour: `a story at the limits: ${MAX_TOPICS_PER_STORY} topics and ${MAX_BYLINES_PER_STORY} bylines, a correction with its updated day`,
    sourcePath: "2018/11/at-the-limits.md",
    title: "The Whole Newsroom Files on Election Night",
    bytes: Buffer.from(
      story(
        "The Whole Newsroom Files on Election Night",
        "2018-11-20",
        `byline: [${Array.from({ length: MAX_BYLINES_PER_STORY }, (_, index) => `Reporter ${index + 1}`).join(", ")}]\n` +
          `topics: [${Array.from({ length: MAX_TOPICS_PER_STORY }, (_, index) => `District ${index + 1}`).join(", ")}]\n` +
          'updated: 2018-11-21\ncorrection: "An earlier version gave the wrong count in District 7."\n',
      ),
    ),
  },
];

const archive = archiveOnDisk(Object.fromEntries(oddStories.map((odd) => [odd.sourcePath, odd.bytes])));
let building: Promise<unknown> | undefined;
const built = () => (building ??= buildSite({ input: archive.articles, output: archive.site }));

const read = (sitePath: string) => readFileSync(path.join(archive.site, decodeURIComponent(sitePath), "index.html"), "utf8");
const documentAt = (sitePath: string) => parseHTML(read(sitePath)).document as unknown as Document;

/** The story's address, as the day's page links to it. */
function addressOf(title: string): string {
  const link = storyLinks(read("/2018/11/20/")).find((candidate) => candidate.text === title);
  if (!link) throw new Error(`the day's page does not list ${JSON.stringify(title)}`);
  return link.href;
}

const test = suite("odd but valid story files build and show their titles exactly");

test("the archive of odd story files builds", async () => {
  await built();
});

for (const odd of oddStories) {
  test(`${odd.behaviour}: its page shows the exact headline in <h1> and <title>, and the lists link to it`, async () => {
    await built();
    const url = addressOf(odd.title);
    if (odd.address) assert.is(decodeURIComponent(url), odd.address);
    const document = documentAt(url);
    assert.is(document.querySelector("h1")?.textContent, odd.title);
    assert.is(document.querySelector("title")?.textContent, `${odd.title} · News Archive`);
    for (const list of ["/", "/2018/11/"]) {
      const links = storyLinks(read(list)).filter((link) => link.href === url);
      assert.equal(
        links.map((link) => link.text),
        [odd.title],
        `${list} links to ${url} with its headline`,
      );
    }
  });
}

test("a headline of more than 300 characters keeps every character, under an address any file system can hold", async () => {
  await built();
  assert.ok(LONG_TITLE.length > 300, `the long headline is ${LONG_TITLE.length} characters`);
  const url = addressOf(LONG_TITLE);
  assert.is(url, "/2018/11/20/huawei-zte-and-the-long-road-to-5g-how-australia-new-zealand-the-united-kingdom-the-united-states/");
  assert.is(documentAt(url).querySelector("h1")?.textContent, LONG_TITLE);
});

test("the byte-order mark and carriage returns do not reach the page", async () => {
  await built();
  const page = read(addressOf("Saved on Windows, With a Byte-Order Mark"));
  assert.not.ok(page.includes("\uFEFF"), "the page holds the byte-order mark");
  assert.not.ok(page.includes("\r"), "the page holds a carriage return");
  assert.equal(
    [...documentAt(addressOf("Saved on Windows, With a Byte-Order Mark")).querySelectorAll(".body p")].map((p) => p.textContent),
    ["First paragraph.", "Second paragraph."],
  );
});

test("a topic or author named as a Windows device gets its kind after its name in its address, and every link leads there", async () => {
  await built();
  const url = addressOf("Why Car Makers Are Dropping the Aux Input");
  const storyPage = documentAt(url);
  assert.equal(
    [...storyPage.querySelectorAll(".topics a")].map((link) => [link.textContent, link.getAttribute("href")]),
    [
      ["Aux", "/topics/aux-topic/"],
      ["NUL", "/topics/nul-topic/"],
      ["Cars", "/topics/cars/"],
    ],
  );
  assert.is(storyPage.querySelector(".byline a[rel=author]")?.getAttribute("href"), "/authors/con-author/");
  for (const list of ["/topics/aux-topic/", "/topics/nul-topic/", "/authors/con-author/"])
    assert.equal(
      storyLinks(read(list)).map((link) => link.text),
      ["Why Car Makers Are Dropping the Aux Input"],
      list,
    );
  const sitePaths = [...readdirSync(path.join(archive.site, "topics")), ...readdirSync(path.join(archive.site, "authors"))];
  for (const reserved of ["aux", "nul", "con"]) assert.not.ok(sitePaths.includes(reserved), `a folder is named ${reserved}`);
});

test("José Muñoz's stories are at /authors/jose-munoz/, headed by his name as written", async () => {
  await built();
  const document = documentAt("/authors/jose-munoz/");
  assert.is(document.querySelector("h1")?.textContent, "Stories by José Muñoz");
  assert.equal(
    storyLinks(read("/authors/jose-munoz/")).map((link) => link.text),
    ["Telefónica Picks Its 5G Core"],
  );
  const byline = documentAt(addressOf("Telefónica Picks Its 5G Core")).querySelector(".byline a[rel=author]");
  assert.is(byline?.getAttribute("href"), "/authors/jose-munoz/");
  assert.is(byline?.textContent, "José Muñoz");
});

test("the right-to-left headlines are listed on their author's page", async () => {
  await built();
  const titles = storyLinks(read("/authors/dan-jones/")).map((link) => link.text);
  for (const title of ["חוואווי מרחיבה את רשת ה-5G בישראל", "هواوي توسع شبكة 5G في الخليج (Huawei)"])
    assert.ok(titles.includes(title), `${title} is not listed: ${titles.join(" | ")}`);
});

test.run();

// ---------------------------------------------------------------------------------------------

const shortAddresses = suite("slugify keeps every address short enough for any file system");

shortAddresses("a long Latin headline ends at the last whole word within the limit", () => {
  const slug = slugify(LONG_TITLE);
  assert.ok(Buffer.byteLength(slug) <= MAX_SLUG_BYTES, slug);
  assert.ok(slugify(LONG_TITLE.replace(/\s+/g, " ")).startsWith("huawei-zte-and-the-long-road-to-5g"));
  assert.not.ok(slug.endsWith("-"), slug);
});

shortAddresses("a long headline in Chinese or Hebrew is measured in bytes, not letters", () => {
  for (const title of ["华为".repeat(120), "חוואווי מרחיבה את רשת ה-5G בישראל ".repeat(8)]) {
    const slug = slugify(title);
    assert.ok(slug.length > 0 && Buffer.byteLength(slug) <= MAX_SLUG_BYTES, `${slug} is ${Buffer.byteLength(slug)} bytes`);
  }
});

shortAddresses("a headline that fits keeps its whole slug", () => {
  assert.is(
    slugify("Huawei Faces Further Heat From US Administration – Report"),
    "huawei-faces-further-heat-from-us-administration-report",
  );
});

shortAddresses.run();
