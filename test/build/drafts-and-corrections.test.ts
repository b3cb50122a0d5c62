import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { createFixtureArchive, type FixtureArchive } from "../support/fixtureArchive.ts";

const stories = {
  "2018/11/published.md": `---\ntitle: "Published Story"\ndate: 2018-11-20\nbyline: [Jane Doe]\ntopics: [Spectrum]\nupdated: 2018-12-02\ncorrection: "An earlier version misspelled the regulator's name."\n---\nThe published text.\n`,
  "2018/11/draft.md": `---\ntitle: "Secret Draft Zebra"\ndate: 2018-11-21\nbyline: [Jane Doe]\ntopics: [Spectrum]\ndraft: true\n---\nZebra text not yet published.\n`,
};
const DRAFT_URL = "2018/11/21/secret-draft-zebra/";

interface Context {
  archive: FixtureArchive;
  output: string;
}

const test = suite<Context>("drafts and corrections");

test.before(async (context) => {
  context.archive = await createFixtureArchive(stories);
  context.output = mkdtempSync(path.join(tmpdir(), "news-archive-drafts-"));
  await buildSite({ input: context.archive.articles, output: context.output });
});

test.after(async (context) => {
  await context.archive.remove();
  rmSync(context.output, { recursive: true, force: true });
});

const read = (context: Context, file: string) => readFileSync(path.join(context.output, file), "utf8");

test("a draft has no page in a production build", (context) => {
  assert.not.ok(existsSync(path.join(context.output, DRAFT_URL, "index.html")));
  assert.ok(existsSync(path.join(context.output, "2018/11/20/published-story/index.html")));
});

test("a draft is in no index, feed, sitemap or search index of a production build", (context) => {
  assert.match(read(context, "2018/index.html"), /<a href="\/2018\/11\/">November 2018<\/a> <span class="count">1<\/span>/);
  for (const file of [
    "index.html",
    "2018/11/index.html",
    "authors/jane-doe/index.html",
    "topics/spectrum/index.html",
    "feed.xml",
    "authors/jane-doe/feed.xml",
    "topics/spectrum/feed.xml",
    "sitemap.xml",
  ]) {
    const text = read(context, file);
    assert.not.match(text, "Zebra", `${file} mentions the draft`);
    assert.match(text, "published-story", `${file} lists the published story`);
  }
  assert.not.ok(existsSync(path.join(context.output, "2018/11/21/index.html")), "the draft's day has a page");
  const entry = JSON.parse(read(context, "pagefind/pagefind-entry.json"));
  assert.is(entry.languages.en.page_count, 1);
});

test("a correction shows on the story page with its date", (context) => {
  const page = read(context, "2018/11/20/published-story/index.html");
  assert.match(
    page,
    /Updated <time datetime="2018-12-02">2 December 2018<\/time><\/strong>: An earlier version misspelled the regulator&#39;s name\./,
  );
});

test("a correction's date is the story's modified date in its feed entry and metadata", (context) => {
  const feed = read(context, "feed.xml");
  assert.match(feed, /<published>2018-11-20T00:00:00-05:00<\/published>\n<updated>2018-12-02T00:00:00-05:00<\/updated>/);
  assert.match(feed, /Correction:/);
  const page = read(context, "2018/11/20/published-story/index.html");
  assert.match(page, /"dateModified":"2018-12-02T00:00:00-05:00"/);
  assert.match(page, /<meta property="article:modified_time" content="2018-12-02T00:00:00-05:00">/);
});

test("the dev server (npm start) shows drafts", async (context) => {
  const preview = mkdtempSync(path.join(tmpdir(), "news-archive-preview-"));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/preview.ts",
      "--port",
      String(port),
      "--input",
      context.archive.articles,
      "--output",
      preview,
      "--cache-dir",
      `${preview}-cache`,
    ],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let printed = "";
      const timer = setTimeout(() => reject(new Error(`the dev server did not start:\n${printed}`)), 20000);
      const listen = (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes(`at http://localhost:${port}/`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on("data", listen);
      server.stderr.on("data", listen);
    });
    const draft = await fetch(`http://localhost:${port}/${DRAFT_URL}`);
    assert.is(draft.status, 200);
    assert.match(await draft.text(), "Zebra text not yet published.");
    const day = await (await fetch(`http://localhost:${port}/2018/11/21/`)).text();
    assert.match(day, "Secret Draft Zebra");
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    rmSync(preview, { recursive: true, force: true });
  }
});

test.run();
