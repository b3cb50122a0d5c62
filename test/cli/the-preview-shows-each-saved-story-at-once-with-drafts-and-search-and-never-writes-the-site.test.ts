import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser, type Browser } from "../support/browser.ts";
import { createFixtureArchive, type FixtureArchive } from "../support/fixtureArchive.ts";
import { quoted, storyFile } from "../support/storyFile.ts";

/**
 * `npm start` as an editor uses it (issue 23): started on an archive, it serves it with its
 * drafts; every save (an edit, a new story, a retitled one, a deleted one) is served moments
 * later, search finds the edited text, and `_site/` is never written.
 */

// As `npm start` runs it: the bundle of our TypeScript, with plain Node (src/cli/run.mjs).
const launcher = fileURLToPath(new URL("../../src/cli/run.mjs", import.meta.url));

const FERRY = "2019/03/ferry-timetable-changes-for-the-spring.md";
const DRAFT = "2019/04/council-weighs-a-second-ferry-berth.md";
const BRIDGE = "2019/05/bridge-repairs-close-one-lane.md";
const MARKET = "2019/05/night-market-returns-to-the-quay.md";

const story = (title: string, date: string, body: string, extra: Record<string, string> = {}) =>
  storyFile({ title: quoted(title), date, byline: "[Mara Quint]", topics: "[Transport]", ...extra }, `\n${body}\n`);

interface Context {
  archive: FixtureArchive;
  child: ChildProcess;
  url: string;
  browser: Browser;
}

const test = suite<Context>("the preview shows each saved story at once, with drafts and search, and never writes the site");

test.before(async (context) => {
  context.archive = await createFixtureArchive({
    [FERRY]: story("Ferry Timetable Changes for the Spring", "2019-03-04", "The first sailing leaves at six from March."),
    [DRAFT]: story("Council Weighs a Second Ferry Berth", "2019-04-10", "Councillors will vote in June.", { draft: "true" }),
    [BRIDGE]: story("Bridge Repairs Close One Lane", "2019-05-02", "One lane stays open during the works."),
    [MARKET]: story("Night Market Returns to the Quay", "2019-05-20", "Forty stalls are expected on Friday evenings."),
  });
  const child = spawn(process.execPath, [launcher, "preview", "--port", "0"], {
    cwd: context.archive.root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  context.child = child;
  let printed = "";
  child.stderr!.on("data", (chunk) => (printed += chunk));
  context.url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      printed += chunk;
      const found = /at (http:\/\/\S+)/.exec(printed);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`npm start ended (${code}) before serving:\n${printed}`)));
  });
  context.browser = await launchBrowser();
});

test.after(async (context) => {
  await context.browser?.close();
  if (context.child && context.child.exitCode === null) {
    context.child.kill("SIGINT");
    await new Promise((resolve) => context.child.once("exit", resolve));
  }
  await context.archive?.remove();
});

/** The page at `sitePath` once `shows` holds for it, within a few seconds of a save. */
async function pageOnceItShows(context: Context, sitePath: string, shows: (status: number, body: string) => boolean): Promise<string> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(context.url + sitePath);
    const body = await response.text();
    if (shows(response.status, body)) return body;
    if (Date.now() - started > 30_000) assert.unreachable(`${sitePath} still answers ${response.status} 30 s after the save`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("a draft is shown and _site/ is not written", async (context) => {
  const draft = await pageOnceItShows(context, "2019/04/10/council-weighs-a-second-ferry-berth/", (status) => status === 200);
  assert.match(draft, "Council Weighs a Second Ferry Berth");
  assert.ok(existsSync(path.join(context.archive.root, ".preview")), "the preview is built into .preview/");
  assert.not.ok(existsSync(path.join(context.archive.root, "_site")), "_site/ is not written");
});

test("an edited story is served with its new paragraph, and search finds it", async (context) => {
  const file = path.join(context.archive.articles, FERRY);
  await writeFile(file, (await readFile(file, "utf8")) + "\nA late sailing to the lighthouse island runs on Saturdays.\n");
  const page = await pageOnceItShows(context, "2019/03/04/ferry-timetable-changes-for-the-spring/", (_, body) =>
    body.includes("lighthouse island"),
  );
  assert.match(page, "A late sailing to the lighthouse island runs on Saturdays.");

  const tab = await context.browser.context.newPage();
  await tab.goto(`${context.url}search/?q=lighthouse`);
  await tab.waitForSelector("html[data-search-ready]", { timeout: 15000 });
  await tab.waitForSelector("#search-results > li > a", { timeout: 15000 });
  assert.equal(await tab.locator("#search-results > li > a").allTextContents(), ["Ferry Timetable Changes for the Spring"]);
  await tab.close();
});

test("a new story appears, a retitled one moves to its new address, a deleted one goes", async (context) => {
  await writeFile(
    path.join(context.archive.articles, "2019/05/harbour-dredging-starts-in-june.md"),
    story("Harbour Dredging Starts in June", "2019-05-28", "The channel will be dredged to eight metres."),
  );
  const added = await pageOnceItShows(context, "2019/05/28/harbour-dredging-starts-in-june/", (status) => status === 200);
  assert.match(added, "The channel will be dredged to eight metres.");

  await writeFile(
    path.join(context.archive.articles, BRIDGE),
    story("Bridge Repairs Close Both Lanes at Night", "2019-05-02", "One lane stays open during the works."),
  );
  await pageOnceItShows(context, "2019/05/02/bridge-repairs-close-both-lanes-at-night/", (status) => status === 200);
  await pageOnceItShows(context, "2019/05/02/bridge-repairs-close-one-lane/", (status) => status === 404);

  await rm(path.join(context.archive.articles, MARKET));
  await pageOnceItShows(context, "2019/05/20/night-market-returns-to-the-quay/", (status) => status === 404);
  const month = await pageOnceItShows(context, "2019/05/", (_, body) => !body.includes("Night Market"));
  assert.match(month, "Harbour Dredging Starts in June");
  assert.not.ok(existsSync(path.join(context.archive.root, "_site")), "_site/ is not written");
});

test.run();
