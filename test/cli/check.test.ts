import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createFixtureArchive, type FixtureArchive } from "../support/fixtureArchive.ts";
import { runCli } from "../support/runCli.ts";

const good = {
  "2018/08/australia.md": `---\ntitle: "Australia Excludes Huawei, ZTE From 5G Rollouts"\ndate: 2018-08-23\n---\n`,
  "2018/11/seed.md": `---\ntitle: "Huawei Faces Further Heat"\ndate: 2018-11-23\n---\nSee [Australia](../08/australia.md).\n`,
  "2018/11/draft.md": `---\ntitle: "Not yet"\ndate: 2018-11-24\ndraft: true\n---\nWork in progress.\n`,
};

const test = suite<{ archive?: FixtureArchive }>("npm run check, as an editor runs it");

test.after.each(async (context) => {
  await context.archive?.remove();
});

test("a sound archive passes, naming how many files were read and the drafts left out", async (context) => {
  context.archive = await createFixtureArchive(good);
  const run = await runCli("check", [], context.archive.root);
  assert.is(run.code, 0);
  assert.is(run.stdout.trim(), "All 3 story files are fine (1 draft, left out of the build).");
  assert.is(run.stderr, "");
});

test("every problem of every file is printed at once as path:line: message (hint), and the exit code is 1", async (context) => {
  context.archive = await createFixtureArchive({
    ...good,
    "2018/11/bad-date.md": `---\ntitle: "Bad date"\ndate: 2018-13-45\n---\n`,
    "2018/11/typo.md": `---\ntittle: "Typo"\ndate: 2018-11-02\n---\n`,
    "2018/11/broken-link.md": `---\ntitle: "Broken link"\ndate: 2018-11-03\n---\nFirst line.\nSee [gone](../09/gone.md).\n`,
    "2018/11/same-a.md": `---\ntitle: "Same Title"\ndate: 2018-11-04\n---\n`,
    "2018/11/same-b.md": `---\ntitle: "Same Title"\ndate: 2018-11-04\n---\n`,
  });
  const run = await runCli("check", [], context.archive.root);
  assert.is(run.code, 1);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines, [
    `articles/2018/11/bad-date.md:3: date: "2018-13-45" is not a real calendar day (write a real day as date: 2018-11-23, or a moment as date: 2018-11-23T18:30:00-05:00)`,
    `articles/2018/11/broken-link.md:6: links to "../09/gone.md", but there is no story file articles/2018/09/gone.md (check the file name, or add the story with npm run new)`,
    `articles/2018/11/same-a.md:2: has the same address /2018/11/04/same-title/ as articles/2018/11/same-b.md (give one of them a different title or a slug: line)`,
    `articles/2018/11/same-b.md:2: has the same address /2018/11/04/same-title/ as articles/2018/11/same-a.md (give one of them a different title or a slug: line)`,
    `articles/2018/11/typo.md:1: title: is missing (every story needs a title)`,
    `articles/2018/11/typo.md:2: unknown field "tittle" (did you mean title?)`,
    `6 problems in 8 story files.`,
  ]);
});

test("a published story that links to a draft is reported", async (context) => {
  context.archive = await createFixtureArchive({
    ...good,
    "2018/11/links-draft.md": `---\ntitle: "Links a draft"\ndate: 2018-11-25\n---\nSee [draft](draft.md).\n`,
  });
  const run = await runCli("check", [], context.archive.root);
  assert.is(run.code, 1);
  assert.match(
    run.stderr,
    `articles/2018/11/links-draft.md:5: links to "draft.md", a draft that is not published (publish it (remove draft: true) or remove the link)`,
  );
});

test.run();
