import { cp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import markdownIt from "markdown-it";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { createFixtureArchive } from "../support/fixtureArchive.ts";
import { runCli } from "../support/runCli.ts";

const project = fileURLToPath(new URL("../../", import.meta.url));
// A byte-identical copy of ../shared/seed/000_bb5a8dc446479338.txt, so a fresh clone has it too.
const SEED = new URL("../fixtures/the-seed-wire-copy/000_bb5a8dc446479338.txt", import.meta.url).pathname;
const ARTICLE = "2018/11/huawei-faces-further-heat-from-us-administration-report.md";
const FACTS = [
  "--title",
  "Huawei Faces Further Heat From US Administration – Report",
  "--date",
  "2018-11-23",
  "--inferred",
  "--topic",
  "Huawei",
  "--topic",
  "ZTE",
  "--topic",
  "US government",
  "--topic",
  "security",
  "--topic",
  "5G",
  "--topic",
  "BT",
  "--topic",
  "Japan",
  "--topic",
  "Italy",
  "--topic",
  "Germany",
  "--source",
  "https://www.lightreading.com/mobile/5g/huawei-faces-further-heat-from-us-administration-andndash-report/d/d-id/747773",
];

const seed = suite("the seed article is the ingest of the seed wire copy");

seed("ingesting the seed file into a copy of the eleven reference stories makes the archive's article byte for byte", async () => {
  const archive = await createFixtureArchive({});
  try {
    await cp(path.join(project, "articles"), archive.articles, { recursive: true });
    await rm(path.join(archive.articles, ARTICLE));
    const run = await runCli("ingest", [SEED, ...FACTS], archive.root);
    assert.is(run.code, 0, run.stderr);
    assert.is(run.stderr, "", "every headline the seed names is in the archive");
    assert.is(run.lastLine, `articles/${ARTICLE}`);
    assert.is(
      await readFile(path.join(archive.articles, ARTICLE), "utf8"),
      await readFile(path.join(project, "articles", ARTICLE), "utf8"),
    );
  } finally {
    await archive.remove();
  }
});

seed("rendered, the article shows every wire line verbatim, links all eleven stories and keeps the byline in front matter", async () => {
  const text = await readFile(path.join(project, "articles", ARTICLE), "utf8");
  const [, yaml, body] = text.split(/^---\n/m);
  const frontMatter = parse(yaml);
  assert.equal(frontMatter.byline, [{ name: "Ray Le Maistre", role: "Editor-in-Chief" }]);
  assert.is(frontMatter.publication, "Light Reading");

  const html = markdownIt("default", { html: false, linkify: false, typographer: false }).render(body);
  const shown = html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  const wire = (await readFile(SEED, "utf8")).split("\n").filter((line) => line.trim() !== "");
  for (const line of wire.slice(0, -1)) assert.ok(shown.includes(`${line.replace(/^- /, "")}\n`), line);
  assert.not.ok(shown.includes("Ray Le Maistre"), "the byline is not in the body");

  const targets = [...html.matchAll(/<a href="([^"]+)">/g)].map(([, href]) => path.posix.join("2018/11", href));
  assert.is(new Set(targets).size, 11);
  for (const target of targets) assert.ok(await readFile(path.join(project, "articles", target), "utf8"), target);
});

seed.run();
