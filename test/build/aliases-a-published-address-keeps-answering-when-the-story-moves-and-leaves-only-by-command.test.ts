import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite, type BuildOptions } from "../../src/build/buildSite.ts";
import { assembleParts, buildPart, listParts } from "../../src/build/buildSiteInParts.ts";
import { BuiltSite } from "../support/builtSite.ts";
import { assertAnswersWithStory } from "../support/oldAddresses.ts";
import { runCli } from "../support/runCli.ts";
import { archiveOnDisk, differences, fingerprint } from "../reliability/archiveOnDisk.ts";

/**
 * Issue 21: every address the archive published keeps answering. The build records each in
 * articles/addresses.json; a story retitled, re-dated or moved to another file leaves a redirect
 * at its old address with no edit to it; a story deleted breaks the build until an editor says
 * so with `npm run addresses -- forget`.
 */

const test = suite("the record of published addresses");

const FIBRE = `---\ntitle: "Council Approves Fibre Plan"\ndate: 2019-06-12\n---\nThe council approved the plan.\n`;
const MAST = `---\ntitle: "Mast Appeal Dismissed"\ndate: 2019-07-02\n---\nThe appeal was dismissed.\n`;

function project(copyOf?: string) {
  const archive = archiveOnDisk(copyOf ? {} : { "2019/06/fibre.md": FIBRE, "2019/07/mast.md": MAST });
  if (copyOf) cpSync(copyOf, archive.root, { recursive: true });
  const record = path.join(archive.articles, "addresses.json");
  const cacheDir = path.join(archive.root, "cache");
  const options: BuildOptions = { input: archive.articles, output: archive.site, cacheDir, addressRecordFile: record };
  return { ...archive, record, options, edit: (file: string, text: string) => writeFileSync(path.join(archive.articles, file), text) };
}

/** The two stories built once, and copied for each test: the site, its cache and the record as that build left them. */
const firstBuild = project();
await buildSite(firstBuild.options);
const published = () => project(firstBuild.root);

/** The message of the build's failure; "" when it succeeded. */
const buildFailure = (options: BuildOptions) =>
  buildSite(options).then(
    () => "",
    (error: Error) => error.message,
  );

const recorded = (file: string) => JSON.parse(readFileSync(file, "utf8")).addresses as Record<string, string>;

test("the first build records each story's address and its file, sorted, in articles/addresses.json", async () => {
  const archive = published();
  assert.equal(recorded(archive.record), {
    "/2019/06/12/council-approves-fibre-plan/": "2019/06/fibre.md",
    "/2019/07/02/mast-appeal-dismissed/": "2019/07/mast.md",
  });
  assert.match(
    readFileSync(archive.record, "utf8"),
    '  "addresses": {\n    "/2019/06/12/council-approves-fibre-plan/": "2019/06/fibre.md",\n',
  );
  const check = await runCli("check", [], archive.root);
  assert.is(check.code, 0, check.stderr);
  assert.match(check.stdout, "All 2 story files are fine", "the record is not taken for a story");
});

test("a retitled and a re-dated story answer at their old addresses, the record keeps both, and a rebuild equals a clean build", async () => {
  const archive = published();
  archive.edit("2019/06/fibre.md", FIBRE.replace("Council Approves Fibre Plan", "Council Backs Fibre Plan for Old Mill Quarter"));
  archive.edit("2019/07/mast.md", MAST.replace("2019-07-02", "2019-07-03"));
  await buildSite(archive.options);
  const site = new BuiltSite(archive.site);
  assertAnswersWithStory(site, "/2019/06/12/council-approves-fibre-plan/", "/2019/06/12/council-backs-fibre-plan-for-old-mill-quarter/");
  assertAnswersWithStory(site, "/2019/07/02/mast-appeal-dismissed/", "/2019/07/03/mast-appeal-dismissed/");
  assert.match(site.page("/2019/06/12/council-backs-fibre-plan-for-old-mill-quarter/"), "Council Backs Fibre Plan for Old Mill Quarter");
  assert.equal(recorded(archive.record), {
    "/2019/06/12/council-approves-fibre-plan/": "2019/06/fibre.md",
    "/2019/06/12/council-backs-fibre-plan-for-old-mill-quarter/": "2019/06/fibre.md",
    "/2019/07/02/mast-appeal-dismissed/": "2019/07/mast.md",
    "/2019/07/03/mast-appeal-dismissed/": "2019/07/mast.md",
  });
  assert.not.match(readFileSync(path.join(archive.articles, "2019/06/fibre.md"), "utf8"), "aliases", "the story was not edited");

  const clean = archiveOnDisk();
  await buildSite({ ...archive.options, output: clean.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) });
  assert.equal(differences(fingerprint(archive.site), fingerprint(clean.site)), []);
});

test("built in parts, the site and the record equal a one-process build's; only the step that assembles writes the record", async () => {
  const archive = published();
  archive.edit("2019/06/fibre.md", FIBRE.replace("Council Approves Fibre Plan", "Council Backs Fibre Plan for Old Mill Quarter"));
  const recordBefore = readFileSync(archive.record, "utf8");

  const inParts = archiveOnDisk();
  const partsDir = mkdtempSync(path.join(tmpdir(), "news-archive-parts-"));
  const options = { ...archive.options, output: inParts.site, cacheDir: mkdtempSync(path.join(tmpdir(), "news-archive-cache-")) };
  const { parts } = await listParts(options, partsDir);
  for (const part of parts) await buildPart(part, options, partsDir);
  assert.is(readFileSync(archive.record, "utf8"), recordBefore, "listing and building the parts leave the record alone");
  await assembleParts(options, partsDir);
  const recordInParts = readFileSync(archive.record, "utf8");
  assert.is.not(recordInParts, recordBefore, "assembling records the new address");

  writeFileSync(archive.record, recordBefore);
  await buildSite(archive.options);
  assert.is(readFileSync(archive.record, "utf8"), recordInParts);
  assert.equal(differences(fingerprint(inParts.site), fingerprint(archive.site)), []);
  assertAnswersWithStory(
    new BuiltSite(inParts.site),
    "/2019/06/12/council-approves-fibre-plan/",
    "/2019/06/12/council-backs-fibre-plan-for-old-mill-quarter/",
  );
});

test("a story file renamed with its address kept is followed; renamed with a new address, it needs npm run addresses -- move", async () => {
  const archive = published();
  renameSync(path.join(archive.articles, "2019/06/fibre.md"), path.join(archive.articles, "2019/06/council-fibre.md"));
  await buildSite(archive.options);
  assert.is(recorded(archive.record)["/2019/06/12/council-approves-fibre-plan/"], "2019/06/council-fibre.md");

  rmSync(path.join(archive.articles, "2019/06/council-fibre.md"));
  archive.edit("2019/06/fibre-plan.md", FIBRE.replace("Council Approves", "Councillors Approve"));
  const failed = await buildFailure(archive.options);
  assert.match(failed, "/2019/06/12/council-approves-fibre-plan/ was published, and 2019/06/council-fibre.md is gone");
  assert.match(failed, "npm run addresses -- move 2019/06/council-fibre.md NEW-FILE");
  const moved = await runCli("addresses", ["move", "articles/2019/06/council-fibre.md", "articles/2019/06/fibre-plan.md"], archive.root);
  assert.is(moved.code, 0, moved.stderr);
  assert.match(moved.stdout, "/2019/06/12/council-approves-fibre-plan/ now answers with 2019/06/fibre-plan.md");
  await buildSite(archive.options);
  assertAnswersWithStory(
    new BuiltSite(archive.site),
    "/2019/06/12/council-approves-fibre-plan/",
    "/2019/06/12/councillors-approve-fibre-plan/",
  );
});

test("a deleted story fails the build and check, leaving site and record as they were, until npm run addresses -- forget", async () => {
  const archive = published();
  const before = { site: fingerprint(archive.site), record: readFileSync(archive.record, "utf8") };
  rmSync(path.join(archive.articles, "2019/07/mast.md"));
  archive.edit("2019/06/new.md", `---\ntitle: "A Story Added the Same Day"\ndate: 2019-06-20\n---\nNew.\n`);
  const failed = await buildFailure(archive.options);
  assert.match(failed, "1 problem in the articles");
  assert.match(failed, "/2019/07/02/mast-appeal-dismissed/ was published, and 2019/07/mast.md is gone");
  assert.match(failed, "npm run addresses -- forget 2019/07/mast.md");
  assert.equal(differences(fingerprint(archive.site), before.site), [], "the published site is untouched");
  assert.is(readFileSync(archive.record, "utf8"), before.record, "the record is untouched");
  const check = await runCli("check", [], archive.root);
  assert.is(check.code, 1);
  assert.match(check.stderr, "2019/07/mast.md is gone");

  const forgot = await runCli("addresses", ["forget", "articles/2019/07/mast.md"], archive.root);
  assert.is(forgot.code, 0, forgot.stderr);
  assert.match(forgot.stdout, "forgot /2019/07/02/mast-appeal-dismissed/ (2019/07/mast.md): it will no longer answer");
  await buildSite(archive.options);
  assert.not.ok(existsSync(path.join(archive.site, "2019/07/02/mast-appeal-dismissed")), "its page is gone, on purpose");
  assert.equal(Object.values(recorded(archive.record)).sort(), ["2019/06/fibre.md", "2019/06/new.md"]);
});

test("a published story made a draft fails the build, saying how to publish it again or take it down on purpose", async () => {
  const archive = published();
  archive.edit("2019/07/mast.md", MAST.replace("---\ntitle", "---\ndraft: true\ntitle"));
  const failed = await buildFailure(archive.options);
  assert.match(failed, "/2019/07/02/mast-appeal-dismissed/ was published, and 2019/07/mast.md is a draft now");
  assert.match(
    failed,
    "publish it again (remove draft: true), or, to take it down on purpose, npm run addresses -- forget 2019/07/mast.md",
  );
});

test("a deleted story whose address another story takes in its aliases: needs no command, and the record follows", async () => {
  const archive = published();
  rmSync(path.join(archive.articles, "2019/07/mast.md"));
  archive.edit("2019/06/fibre.md", FIBRE.replace("---\ntitle", "---\naliases: [/2019/07/02/mast-appeal-dismissed/]\ntitle"));
  await buildSite(archive.options);
  assertAnswersWithStory(new BuiltSite(archive.site), "/2019/07/02/mast-appeal-dismissed/", "/2019/06/12/council-approves-fibre-plan/");
  assert.is(recorded(archive.record)["/2019/07/02/mast-appeal-dismissed/"], "2019/06/fibre.md");
});

test("a new story at an address the archive published for another story fails the build naming both", async () => {
  const archive = published();
  archive.edit("2019/06/fibre.md", FIBRE.replace("---\ntitle", "---\nslug: fibre-plan-approved\ntitle"));
  archive.edit("2019/06/other.md", FIBRE.replace("The council approved the plan.", "A second story of the same title."));
  const failed = await buildFailure(archive.options);
  assert.match(failed, "other.md: /2019/06/12/council-approves-fibre-plan/ is now this story's address");
  assert.match(failed, "the archive published 2019/06/fibre.md there");
  assert.match(failed, "give this story another slug: line");
});

test("npm run build keeps the record in the articles folder, and the record is what npm run addresses -- list prints", async () => {
  const archive = project();
  const built = await runCli("build", ["--output", "site", "--cache-dir", "cache"], archive.root);
  assert.is(built.code, 0, built.stderr);
  assert.match(built.stdout, "(articles/addresses.json records 2 new addresses: commit it with the stories)");
  const rebuilt = await runCli("build", ["--output", "site", "--cache-dir", "cache"], archive.root);
  assert.not.match(rebuilt.stdout, "addresses.json", "a build that adds no address says nothing of the record");
  const listed = await runCli("addresses", ["list"], archive.root);
  assert.is(
    listed.stdout,
    "/2019/06/12/council-approves-fibre-plan/ 2019/06/fibre.md\n/2019/07/02/mast-appeal-dismissed/ 2019/07/mast.md\n",
  );
});

test.run();
