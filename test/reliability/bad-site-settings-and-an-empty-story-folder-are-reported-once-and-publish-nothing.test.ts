import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../support/runCli.ts";
import { archiveOnDisk, fingerprint, type ArchiveOnDisk } from "./archiveOnDisk.ts";

/**
 * Issue 22: an invalid time zone or base URL in the site settings (site.json) is one settings
 * problem, not a problem with every story's date; an empty or missing story folder is an error,
 * not an empty site published over the last good one.
 */

const stories = {
  "2018/11/first.md": "---\ntitle: The First Story\ndate: 2018-11-20\n---\nIts text.\n",
  "2018/11/second.md": "---\ntitle: The Second Story\ndate: 2018-11-21T23:30:00-05:00\n---\nIts text.\n",
};

async function publishedProject(): Promise<ArchiveOnDisk> {
  const project = archiveOnDisk(stories);
  const built = await runCli("build", ["--output", "site"], project.root);
  assert.is(built.code, 0, built.stderr);
  return project;
}

const test = suite("bad site settings and an empty story folder");

test("an invalid time zone and base URL are reported once each, naming site.json and the line, and the site is kept", async () => {
  const project = await publishedProject();
  const before = fingerprint(project.site);
  writeFileSync(
    path.join(project.root, "site.json"),
    '{\n  "title": "The Valley Courier Archive",\n  "timeZone": "Mars/Olympus_Mons",\n  "baseUrl": "archive.example.com/news"\n}\n',
  );
  for (const command of ["check", "build"] as const) {
    const run = await runCli(command, command === "build" ? ["--output", "site"] : [], project.root);
    assert.is(run.code, 1, `${command} fails`);
    assert.match(run.stderr, "2 problems in the site settings");
    assert.match(run.stderr, 'site.json:3: timeZone: "Mars/Olympus_Mons" is not an IANA time zone');
    assert.match(run.stderr, 'site.json:4: baseUrl: "archive.example.com/news" is not an address');
    assert.not.match(run.stderr, "first.md", `${command} does not blame the stories`);
  }
  assert.equal(fingerprint(project.site), before, "the published site is as it was");
});

test("a setting that is not one is named with its line, and settings are read from site.json", async () => {
  const project = archiveOnDisk(stories);
  writeFileSync(path.join(project.root, "site.json"), '{\n  "title": "The Valley Courier Archive",\n  "timezone": "Europe/Paris"\n}\n');
  const checked = await runCli("check", [], project.root);
  assert.is(checked.code, 1);
  assert.match(
    checked.stderr,
    'site.json:3: "timezone" is not a setting (the settings are title, description, baseUrl, language, timeZone',
  );
  writeFileSync(path.join(project.root, "site.json"), '{ "title": "The Valley Courier Archive", "timeZone": "Europe/Paris" }\n');
  const built = await runCli("build", ["--output", "site"], project.root);
  assert.is(built.code, 0, built.stderr);
  const files = fingerprint(project.site);
  assert.ok(files.has("2018/11/22/the-second-story/index.html"), "23:30 in New York is the next day in Paris, the site's zone");
});

test("an empty story folder fails the build and check, and the published site is kept", async () => {
  const project = await publishedProject();
  const before = fingerprint(project.site);
  rmSync(path.join(project.articles, "2018"), { recursive: true });
  for (const command of ["check", "build"] as const) {
    const run = await runCli(command, command === "build" ? ["--output", "site"] : [], project.root);
    assert.is(run.code, 1, `${command} fails`);
    assert.match(run.stderr, "there are no story files in articles/");
    assert.match(run.stderr, "npm run new");
  }
  assert.equal(fingerprint(project.site), before, "the published site is as it was");
});

test("a missing story folder fails the build, naming it, and the published site is kept", async () => {
  const project = await publishedProject();
  const before = fingerprint(project.site);
  const built = await runCli("build", ["--output", "site", "--input", "artciles"], project.root);
  assert.is(built.code, 1);
  assert.match(built.stderr, "there is no story folder artciles/");
  assert.match(built.stderr, "--input DIR");
  assert.equal(fingerprint(project.site), before);
});

test.run();
