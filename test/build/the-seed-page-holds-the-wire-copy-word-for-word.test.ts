import { existsSync, readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectPath, realArchive } from "../support/builtSite.ts";
import { elements, links, mainOf, texts, textAround } from "../support/html.ts";

/** The wire copy exactly as received (a copy of ../shared/seed/, so a fresh clone has it too). */
const WIRE_COPY = readFileSync(new URL("../fixtures/the-seed-wire-copy/000_bb5a8dc446479338.txt", import.meta.url), "utf8");
const SEED_FILE = "articles/2018/11/huawei-faces-further-heat-from-us-administration-report.md";
const SEED_URL = "/2018/11/23/huawei-faces-further-heat-from-us-administration-report/";

/** The seed's page; fails, saying why, when `articles/` does not hold the seed. */
async function seedPage(): Promise<string> {
  assert.ok(
    existsSync(projectPath(SEED_FILE)),
    `articles/ has no seed article: expected ${SEED_FILE}, the full text of ../shared/seed/000_bb5a8dc446479338.txt`,
  );
  return (await realArchive()).page(SEED_URL);
}

const seedArticle = async () => elements(mainOf(await seedPage()), "article")[0] ?? "";

const wireLines = WIRE_COPY.split(/\r?\n/).filter((line) => line.trim() !== "");
const bylineLine = wireLines.at(-1)!;
const bodyLines = wireLines.slice(0, -1);

// ---------------------------------------------------------------------------------------------

const wordForWord = suite("the seed page holds the wire copy word for word");

wordForWord("the wire copy is as expected: seven paragraphs, six list lines and the byline", () => {
  assert.is(bodyLines.filter((line) => !line.startsWith("- ")).length, 7);
  assert.is(bodyLines.filter((line) => line.startsWith("- ")).length, 6);
  assert.is(bylineLine, "— Ray Le Maistre, Editor-in-Chief, Light Reading");
});

wordForWord("every paragraph of the wire copy is a paragraph of the page, in order", async () => {
  const paragraphs = texts(await seedArticle(), "p");
  let previous = -1;
  for (const line of bodyLines.filter((line) => !line.startsWith("- "))) {
    const index = paragraphs.indexOf(line);
    assert.ok(index !== -1, `the page has no paragraph that reads exactly:\n${line}`);
    assert.ok(index > previous, `this paragraph is out of order on the page:\n${line}`);
    previous = index;
  }
});

wordForWord("every list line of the wire copy is a list item of the page, in order", async () => {
  const items = texts(await seedArticle(), "li");
  const listLines = bodyLines.filter((line) => line.startsWith("- ")).map((line) => line.slice(2));
  const found = items.filter((item) => listLines.includes(item));
  assert.equal(found, listLines);
});

wordForWord("quotes, dashes, ampersands and dollar signs are printed as typed", async () => {
  const text = texts(await seedArticle(), "p").join("\n") + texts(await seedArticle(), "li").join("\n");
  assert.ok(text.includes("the US administration's requests"), "a straight apostrophe stays straight");
  assert.ok(text.includes("Trump Admin Reboots $50B China Tech Tariffs"), "$50B is kept");
  assert.ok(text.includes("India Joins US & Australia to Give Huawei, ZTE 5G Cold Shoulder – Reports"), "& and – are kept");
  assert.not.match(text, /[‘’“”]/, "no typographic quotes appear");
});

wordForWord("the closing byline line is not printed as body text", async () => {
  const article = await seedArticle();
  assert.not.ok(
    texts(article, "p").some((paragraph) => paragraph.includes("— Ray Le Maistre")),
    "the byline line is not a paragraph",
  );
  assert.not.ok(article.includes("— Ray Le Maistre"));
});

wordForWord.run();

// ---------------------------------------------------------------------------------------------

const facts = suite("the seed page shows the story's facts");

facts("the headline is the title Light Reading gave the story", async () => {
  assert.equal(texts(await seedPage(), "h1"), ["Huawei Faces Further Heat From US Administration – Report"]);
});

facts("the byline names Ray Le Maistre, Editor-in-Chief, linking to his author page", async () => {
  const article = await seedArticle();
  assert.equal(
    links(article).filter((link) => link.href.startsWith("/authors/")),
    [{ href: "/authors/ray-le-maistre/", text: "Ray Le Maistre" }],
  );
  assert.match(textAround(article, /href="\/authors\/ray-le-maistre\/"/) ?? "", /\bRay Le Maistre, Editor-in-Chief$/);
});

facts("the publication is Light Reading", async () => {
  assert.ok(texts(await seedArticle(), "p").includes("Light Reading"));
});

facts('the date reads 23 November 2018 (date inferred), in a <time datetime="2018-11-23">', async () => {
  const article = await seedArticle();
  assert.match(article, /<time datetime="2018-11-23"[^>]*>23 November 2018<\/time>/);
  assert.is(textAround(article, /<time datetime="2018-11-23"/), "23 November 2018 (date inferred)");
});

facts("the topics are the subjects of the story, each linking to its topic page", async () => {
  assert.equal(
    links(await seedArticle()).filter((link) => link.href.startsWith("/topics/")),
    [
      { href: "/topics/huawei/", text: "Huawei" },
      { href: "/topics/zte/", text: "ZTE" },
      { href: "/topics/us-government/", text: "US government" },
      { href: "/topics/security/", text: "security" },
      { href: "/topics/5g/", text: "5G" },
      { href: "/topics/bt/", text: "BT" },
      { href: "/topics/japan/", text: "Japan" },
      { href: "/topics/italy/", text: "Italy" },
      { href: "/topics/germany/", text: "Germany" },
    ],
  );
});

facts("the original address is linked", async () => {
  const source = "https://www.lightreading.com/mobile/5g/huawei-faces-further-heat-from-us-administration-andndash-report/d/d-id/747773";
  assert.ok(
    links(await seedArticle()).some((link) => link.href === source),
    `no link to ${source}`,
  );
});

facts("the full text is held, so the page does not say that only the facts are", async () => {
  assert.not.match(mainOf(await seedPage()), /only the facts/i);
});

facts.run();
