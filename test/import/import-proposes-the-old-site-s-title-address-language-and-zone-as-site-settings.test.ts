import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readSiteSettings } from "../../src/site.ts";
import { fixturePath, temporaryFolder } from "../support/builtSite.ts";
import { runCli } from "../support/runCli.ts";

/**
 * Issue 21: `import` proposes the site settings from the old site's configuration: written to
 * site.json when the project has none, printed (as the settings that would change) when it has
 * one, written over it only with --force; a dry run prints only.
 */

const test = suite("import proposes site settings");

const SOURCES = {
  jekyll: [path.resolve(fixturePath("import-jekyll-site"))],
  hugo: [path.resolve(fixturePath("import-hugo-site"))],
  wordpress: [path.resolve(fixturePath("import-wordpress-export"), "export.xml")],
  feed: [path.resolve(fixturePath("import-feeds"), "rss.xml")],
};

function project(siteJson?: object): string {
  const root = temporaryFolder();
  mkdirSync(path.join(root, "articles"));
  if (siteJson) writeFileSync(path.join(root, "site.json"), JSON.stringify(siteJson, null, 2) + "\n");
  return root;
}

const importFrom = (source: keyof typeof SOURCES, root: string, ...options: string[]) =>
  runCli("import", ["--from", source, ...SOURCES[source], ...options], root);
const settingsIn = (root: string) => JSON.parse(readFileSync(path.join(root, "site.json"), "utf8"));

const EXPECTED = {
  jekyll: {
    title: "Harbour Telecom Notes",
    description: "Notes from the harbour district's telecoms beat: masts, ducts, spectrum and the council meetings that decide them.",
    baseUrl: "https://notes.example.org",
    language: "en-GB",
    timeZone: "Europe/Lisbon",
  },
  hugo: {
    title: "Metro Fibre Watch",
    description: "Tracking the metro fibre build, street by street.",
    baseUrl: "https://metro.example.com",
    language: "en-AU",
    timeZone: "Australia/Sydney",
  },
  wordpress: {
    title: "Valley Wireless Desk",
    description: "Masts, coverage and calls in the valley",
    baseUrl: "https://valleywireless.example.net",
    language: "en-US",
  },
  feed: {
    title: "Coastline Networks Bulletin",
    description: "Cables, landings and outages along the coast",
    baseUrl: "https://bulletin.example.com",
    language: "en-GB",
  },
};

for (const source of Object.keys(SOURCES) as (keyof typeof SOURCES)[]) {
  test(`from ${source}: a dry run prints the settings and writes nothing; an import writes site.json, which the build reads`, async () => {
    const root = project();
    const dry = await importFrom(source, root, "--dry-run");
    assert.is(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, `"title": ${JSON.stringify(EXPECTED[source].title)}`);
    assert.match(dry.stdout, "would write site.json");
    assert.not.ok(existsSync(path.join(root, "site.json")), "a dry run writes no site.json");

    const run = await importFrom(source, root);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stdout, 'wrote site.json (see "Site settings" in the README)');
    assert.equal(settingsIn(root), EXPECTED[source]);
    const read = readSiteSettings(root, {});
    for (const [key, value] of Object.entries(EXPECTED[source])) assert.is(read[key as keyof typeof read], value, `the build reads ${key}`);

    const again = await importFrom(source, root);
    assert.match(again.stdout, "site.json already holds those of");
  });
}

test("from an Atom feed: its title, subtitle, alternate link and xml:lang", async () => {
  const root = project();
  const run = await runCli("import", ["--from", "feed", path.resolve(fixturePath("import-feeds"), "atom.xml")], root);
  assert.is(run.code, 0, run.stderr);
  assert.equal(settingsIn(root), {
    title: "Fieldwork Radio Log",
    description: "Notes from the rural radio network",
    baseUrl: "https://fieldwork.example.org",
    language: "en",
  });
});

test("from jekyll: the old site's sub-path is a note to build with --pathprefix, not part of the base URL", async () => {
  const run = await importFrom("jekyll", project(), "--dry-run");
  assert.match(run.stdout, "site settings: the old site was served under /blog/: to keep it there, npm run build -- --pathprefix=/blog/");
});

test("an existing site.json is kept and the settings that would change are printed; --force writes them over it", async () => {
  const root = project({ title: "Harbour Archive", baseUrl: "https://archive.example.org", timeZone: "Europe/Lisbon", latestCount: 12 });
  const run = await importFrom("jekyll", root);
  assert.is(run.code, 0, run.stderr);
  assert.match(
    run.stdout,
    [
      "site settings proposed by _config.yml, which differ from site.json:",
      '- "title": "Harbour Archive"',
      '+ "title": "Harbour Telecom Notes"',
      `+ "description": ${JSON.stringify(EXPECTED.jekyll.description)}`,
      '- "baseUrl": "https://archive.example.org"',
      '+ "baseUrl": "https://notes.example.org"',
      '+ "language": "en-GB"',
      "site.json is left as it is: pass --force to write these settings into it",
    ].join("\n"),
  );
  assert.is(settingsIn(root).title, "Harbour Archive");

  const forced = await importFrom("jekyll", root, "--force");
  assert.match(forced.stdout, "wrote site.json");
  assert.equal(settingsIn(root), { ...EXPECTED.jekyll, latestCount: 12 });
});

test.run();
