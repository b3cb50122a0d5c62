import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ingestWireCopy } from "../../src/wire/ingest.ts";
import { createFixtureArchive, referenceOnlyStory, type FixtureArchive } from "../support/fixtureArchive.ts";
import { runCli } from "../support/runCli.ts";

const STORY = "articles/2018/11/vendors-under-fire.md";
const FACTS = ["--title", "Vendors Under Fire", "--date", "2018-11-23", "--topic", "Huawei"];
const KNOWN = {
  "2018/04/storm.md": referenceOnlyStory("Huawei, ZTE in the Eye of a Trade Storm"),
  "2018/05/tariffs.md": referenceOnlyStory("Trump Admin Reboots $50B China Tech Tariffs"),
};

const FIRST_COPY =
  "Vendors are under fire.\n(See Huawei, ZTE in the Eye of a Trade Storm and Nobody Wrote This.)\n— Jane Doe, Reporter, Wire Service\n";
const SECOND_COPY = "Vendors are under fire again.\nFor more, see:\n- Trump Admin Reboots $50B China Tech Tariffs\n";

const ingesting = suite("ingest writes the wire copy into the archive and warns of headlines it cannot link");

let archive: FixtureArchive;
ingesting.before(async () => {
  archive = await createFixtureArchive(KNOWN);
  await writeFile(path.join(archive.root, "wire.txt"), FIRST_COPY);
});
ingesting.after(() => archive.remove());

ingesting("writes the story ingestWireCopy makes, prints its path last, and warns of the unknown headline by file and line", async () => {
  const run = await runCli("ingest", ["wire.txt", ...FACTS], archive.root);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.lastLine, STORY);
  assert.is(
    run.stderr,
    'wire.txt:2: no story in the archive is titled "Nobody Wrote This" (add it with npm run new, then ingest again with --force)\n',
  );
  const expected = ingestWireCopy(
    FIRST_COPY,
    { title: "Vendors Under Fire", date: "2018-11-23", topics: ["Huawei"] },
    [
      { title: "Huawei, ZTE in the Eye of a Trade Storm", sourcePath: "2018/04/storm.md" },
      { title: "Trump Admin Reboots $50B China Tech Tariffs", sourcePath: "2018/05/tariffs.md" },
    ],
    "2018/11/vendors-under-fire.md",
  ).markdown;
  const written = await readFile(path.join(archive.root, STORY), "utf8");
  assert.is(written, expected);
  assert.ok(written.includes("(See [Huawei, ZTE in the Eye of a Trade Storm](../04/storm.md) and Nobody Wrote This.)"), written);
});

ingesting("refuses to overwrite the story without --force, leaving it unchanged", async () => {
  await writeFile(path.join(archive.root, "wire.txt"), SECOND_COPY);
  const before = await readFile(path.join(archive.root, STORY), "utf8");
  const run = await runCli("ingest", ["wire.txt", ...FACTS], archive.root);
  assert.is(run.code, 1);
  assert.is(run.stdout, "");
  assert.is(run.stderr, `error: ${STORY} already exists (run again with --force to replace it with this copy)\n`);
  assert.is(await readFile(path.join(archive.root, STORY), "utf8"), before);
});

ingesting("with --force replaces the story with the new copy", async () => {
  const run = await runCli("ingest", ["wire.txt", ...FACTS, "--force"], archive.root);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr, "");
  assert.is(run.lastLine, STORY);
  const written = await readFile(path.join(archive.root, STORY), "utf8");
  assert.ok(
    written.endsWith(
      "Vendors are under fire again.\n\nFor more, see:\n\n- [Trump Admin Reboots $50B China Tech Tariffs](../05/tariffs.md)\n",
    ),
    written,
  );
});

ingesting.run();
