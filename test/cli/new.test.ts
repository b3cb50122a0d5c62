import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { createFixtureArchive, type FixtureArchive } from "../support/fixtureArchive.ts";
import { runCli } from "../support/runCli.ts";

const TITLE = "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'";
const STORY = "articles/2018/11/bts-mcrae-huawei-is-the-only-true-5g-supplier-right-now.md";

const adding = suite("new adds a reference-only story as an editor runs it from the command line");

let archive: FixtureArchive;
adding.before(async () => {
  archive = await createFixtureArchive({});
});
adding.after(() => archive.remove());

adding("writes articles/YYYY/MM/<slug>.md, prints its path last, and the front matter reads back as given", async () => {
  const run = await runCli(
    "new",
    [
      "--title",
      TITLE,
      "--date",
      "2018-11-21",
      "--inferred",
      "--byline",
      "Dan Jones, Mobile Editor",
      "--byline",
      "Iain Morris",
      "--topic",
      "BT",
      "--topic",
      "5G",
      "--publication",
      "Light Reading",
      "--source",
      "https://www.lightreading.com/a #b",
    ],
    archive.root,
  );
  assert.is(run.code, 0, run.stderr);
  assert.is(run.lastLine, STORY);
  const text = await readFile(path.join(archive.root, STORY), "utf8");
  assert.ok(text.endsWith("\n---\n"), "a reference-only story has nothing after its front matter");
  assert.equal(parse(text.split("---\n")[1]), {
    title: TITLE,
    date: "2018-11-21",
    dateInferred: true,
    byline: [{ name: "Dan Jones", role: "Mobile Editor" }, { name: "Iain Morris" }],
    publication: "Light Reading",
    topics: ["BT", "5G"],
    source: "https://www.lightreading.com/a #b",
  });
});

adding("refuses to overwrite a story that exists, leaving it unchanged", async () => {
  const before = await readFile(path.join(archive.root, STORY), "utf8");
  const run = await runCli("new", ["--title", TITLE, "--date", "2018-11-21", "--topic", "Other"], archive.root);
  assert.is(run.code, 1);
  assert.is(run.stdout, "");
  assert.match(run.stderr, `error: ${STORY} already exists`);
  assert.is(await readFile(path.join(archive.root, STORY), "utf8"), before);
});

adding("reports every wrong option at once, with what to write instead, and writes nothing", async () => {
  const [run, february] = await Promise.all([
    runCli("new", ["--date", "2018-13-45", "--source", "ftp://example.com/x", "--topic", ""], archive.root),
    runCli("new", ["--title", "Leap", "--date", "2018-02-29"], archive.root),
  ]);
  assert.is(run.code, 1);
  assert.is(
    run.stderr,
    [
      'error: --title is required (the headline as published, e.g. --title "Huawei, ZTE in the Eye of a Trade Storm")',
      'error: --date "2018-13-45" is not a real date (use YYYY-MM-DD, e.g. 2018-11-23)',
      'error: --topic "" is empty (give one topic per --topic, e.g. --topic Huawei --topic "US government")',
      'error: --source "ftp://example.com/x" is not an http(s) address (give the story\'s original address, starting with https://)',
      "",
    ].join("\n"),
  );
  assert.is(february.code, 1);
  assert.is(february.stderr, 'error: --date "2018-02-29" is not a real date (use YYYY-MM-DD, e.g. 2018-11-23)\n');
  assert.equal(await readdir(path.join(archive.articles, "2018")), ["11"]);
});

adding("refuses, in check's words, a story check would then refuse, and writes nothing", async () => {
  const project = await createFixtureArchive({
    "2018/11/council-vote.md": "---\ntitle: Council Votes on Rural Broadband\ndate: 2018-11-13\nslug: rural-broadband-vote\n---\n",
  });
  try {
    const run = await runCli("new", ["--title", "Rural Broadband Vote", "--date", "2018-11-13"], project.root);
    assert.is(run.code, 1);
    const checkSays =
      "articles/2018/11/rural-broadband-vote.md:2: has the same address /2018/11/13/rural-broadband-vote/ as articles/2018/11/council-vote.md";
    assert.match(run.stderr, checkSays);
    assert.match(run.stderr, "nothing was written");
    assert.equal(await readdir(path.join(project.articles, "2018/11")), ["council-vote.md"]);
  } finally {
    await project.remove();
  }
});

adding.run();
