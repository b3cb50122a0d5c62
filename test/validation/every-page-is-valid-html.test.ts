import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { setUpOrFailEveryTest } from "./setUpOrFailEveryTest.ts";
import { buildVariant, type BuiltVariant } from "./builtVariant.ts";
import { archiveWithImages } from "../support/storyWithImages.ts";
import type { FixtureArchive } from "../support/fixtureArchive.ts";

/** Stories as newsrooms write them (issue 20): figures, a table, footnotes, embeds, and one with photographs. */
const STORY_BODIES_FIXTURE = "test/fixtures/a-story-with-figures-tables-footnotes-and-embeds";

/** The Nu Html Checker, as the vnu-jar package ships it; it runs on the machine's Java 17. */
const VNU_JAR = "node_modules/vnu-jar/build/dist/vnu.jar";

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

interface VnuReport {
  /** Every file the checker read (from --verbose), absolute paths. */
  checkedFiles: string[];
  messages: VnuMessage[];
}

/** Runs vnu once over the given folders; its JSON goes to stderr, --verbose lists the files on stdout. */
function runVnu(folders: string[]): Promise<VnuReport> {
  return new Promise((resolve, reject) => {
    const child = spawn("java", ["-jar", VNU_JAR, "--errors-only", "--skip-non-html", "--format", "json", "--verbose", ...folders]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const json = stderr.slice(stderr.indexOf("{"));
      try {
        const parsed = JSON.parse(json) as { messages: VnuMessage[] };
        const checkedFiles = stdout
          .split("\n")
          .filter(Boolean)
          .map((line) => path.resolve(line.trim()));
        resolve({ checkedFiles, messages: parsed.messages });
      } catch {
        reject(new Error(`vnu exited ${code} without a JSON report:\n${stderr}\n${stdout}`));
      }
    });
  });
}

/** One line per message, for a failure a reader can act on: file, line, message, the markup. */
function describe(messages: VnuMessage[], site: string): string {
  return messages
    .map(
      (m) =>
        `${(m.url ?? "?").replace(`file:${site}`, "")}:${m.lastLine ?? "?"}: ${m.type}${m.subType ? `/${m.subType}` : ""}: ${m.message}\n    ${m.extract ?? ""}`,
    )
    .join("\n");
}

/** A page with two errors vnu must find: a stray </p> and an <img> without alt. */
const INVALID_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invalid</title></head>
<body><p><div>block in a paragraph</div></p><img src="a.png"></body></html>`;

interface Context {
  site: BuiltVariant;
  /** The archives whose story bodies hold figures, tables, footnotes, embeds and images. */
  storyBodySites: BuiltVariant[];
  imagesArchive: FixtureArchive;
  canaryFolder: string;
  report: VnuReport;
}

const valid = suite<Context>("the Nu Html Checker reports no error on any page of the built archive");

setUpOrFailEveryTest(valid, async (context) => {
  context.site = await buildVariant("/");
  context.imagesArchive = await archiveWithImages();
  const warn = console.warn;
  console.warn = () => {}; // the photo its editor forgot to describe is a warning, by design
  try {
    context.storyBodySites = [await buildVariant("/", STORY_BODIES_FIXTURE), await buildVariant("/news/", context.imagesArchive.articles)];
  } finally {
    console.warn = warn;
  }
  // A known-bad page checked in the same run, in a folder of its own, proves the checker reports errors.
  context.canaryFolder = mkdtempSync(path.join(tmpdir(), "news-archive-vnu-canary-"));
  writeFileSync(path.join(context.canaryFolder, "invalid.html"), INVALID_PAGE);
  context.report = await runVnu([context.site.dir, ...context.storyBodySites.map((site) => site.dir), context.canaryFolder]);
});

valid.after(async (context) => {
  context.site?.remove();
  for (const site of context.storyBodySites ?? []) site.remove();
  await context.imagesArchive?.remove();
  if (context.canaryFolder) rmSync(context.canaryFolder, { recursive: true, force: true });
});

valid("the checker read every HTML page the build wrote", (context) => {
  const expected = context.site.htmlFiles().map((file) => path.join(context.site.dir, file));
  const checked = context.report.checkedFiles.filter((file) => file.startsWith(context.site.dir + path.sep));
  assert.equal([...checked].sort(), [...expected].sort());
  assert.ok(expected.length > 100, `only ${expected.length} HTML pages were built`);
});

valid("the checker read the pages of the stories with figures, tables, footnotes, embeds and photographs", (context) => {
  for (const site of context.storyBodySites) {
    const expected = site.htmlFiles().map((file) => path.join(site.dir, file));
    const checked = context.report.checkedFiles.filter((file) => file.startsWith(site.dir + path.sep));
    assert.equal([...checked].sort(), [...expected].sort());
    assert.ok(
      expected.some((file) => /harbour-bridge-reopens|the-new-ferry-terminal-opens/.test(file)),
      `no story page was built in ${site.dir}`,
    );
  }
});

valid("the checker reports the errors of a page known to be invalid", (context) => {
  const canary = context.report.messages.filter((m) => m.url?.includes(context.canaryFolder));
  assert.ok(
    canary.some((m) => m.type === "error" && /“p” end tag/.test(m.message)),
    describe(canary, context.canaryFolder),
  );
  assert.ok(
    canary.some((m) => m.type === "error" && /“alt” attribute/.test(m.message)),
    describe(canary, context.canaryFolder),
  );
});

valid("no page of the archive has an HTML error", (context) => {
  const problems = context.report.messages.filter((m) => !m.url?.includes(context.canaryFolder));
  assert.ok(problems.length === 0, `vnu reported ${problems.length} error(s):\n${describe(problems, "")}`);
});

valid.run();
