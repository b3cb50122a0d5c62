import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startPreview, type RunningPreview } from "../../src/build/previewSite.ts";
import { site } from "../../src/site.ts";
import { snapshot, temporaryFolder } from "../support/builtSite.ts";
import { createFixtureArchive } from "../support/fixtureArchive.ts";
import { quoted, storyFile } from "../support/storyFile.ts";

/**
 * The preview keeps the story files, the parsed stories and the page fingerprints in memory from
 * one save to the next (issue 23, see PreviewMemory): whatever the saves, what it serves must be
 * what a preview started afresh on the same stories serves, byte for byte.
 */

const story = (title: string, date: string, body: string, extra: Record<string, string> = {}) =>
  storyFile({ title: quoted(title), date, byline: "[Mara Quint]", topics: "[Transport]", ...extra }, `\n${body}\n`);

/** A preview of `articles` in this process, and a promise of the end of the builds under way after a save. */
async function preview(articles: string) {
  const work = temporaryFolder();
  const said: string[] = [];
  const running: RunningPreview = await startPreview({
    articles,
    output: path.join(work, "preview"),
    cacheDir: path.join(work, "cache"),
    pathPrefix: "/",
    site,
    port: 0,
    say: (message) => said.push(message),
  });
  /** Once a build has ended after the save just made and no other followed for a while. */
  const settled = async () => {
    const before = said.length;
    const started = Date.now();
    while (said.length === before) {
      if (Date.now() - started > 60_000) assert.unreachable("no build ended within a minute of a save");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (let seen = -1; seen !== said.length;) {
      seen = said.length;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    const failed = said.slice(before).filter((message) => !message.startsWith("Rebuilt in"));
    assert.equal(failed, [], "every build after the save succeeded");
  };
  return { output: path.join(work, "preview"), running, settled };
}

const test = suite("a preview session of saves serves the pages a fresh preview of the same stories serves");

test("an edit, a new story in a new folder, a retitle, a deletion and a move, then a fresh preview: the same files", async () => {
  const archive = await createFixtureArchive({
    "2019/03/ferry.md": story("Ferry Timetable Changes for the Spring", "2019-03-04", "The first sailing leaves at six from March."),
    "2019/04/berth.md": story("Council Weighs a Second Ferry Berth", "2019-04-10", "Councillors will vote in June.", { draft: "true" }),
    "2019/05/bridge.md": story("Bridge Repairs Close One Lane", "2019-05-02", "See [the ferry](../03/ferry.md) meanwhile."),
    "2020/01/market.md": story("Night Market Returns to the Quay", "2020-01-20", "Forty stalls are expected on Friday evenings."),
  });
  try {
    const session = await preview(archive.articles);
    try {
      const articles = (file: string) => path.join(archive.articles, file);
      await writeFile(
        articles("2019/03/ferry.md"),
        (await readFile(articles("2019/03/ferry.md"), "utf8")) + "\nA late sailing runs on Saturdays.\n",
      );
      await session.settled();
      await mkdir(articles("2021/02"), { recursive: true });
      await writeFile(articles("2021/02/dredging.md"), story("Harbour Dredging Starts", "2021-02-28", "The channel will be dredged."));
      await session.settled();
      await writeFile(
        articles("2019/03/ferry.md"),
        story("Ferry Timetable Moves to Summer Hours", "2019-03-04", "The first sailing leaves at seven."),
      );
      await session.settled();
      await rm(articles("2020/01/market.md"));
      await session.settled();
      await rename(articles("2019/04/berth.md"), articles("2021/02/berth.md"));
      await session.settled();
      await rm(articles("2021/02/dredging.md"));
      await session.settled();
      const fresh = await preview(archive.articles);
      try {
        const kept = snapshot(session.output);
        const afresh = snapshot(fresh.output);
        assert.equal([...kept.keys()].sort(), [...afresh.keys()].sort(), "the same files");
        const differing = [...afresh].filter(([file, bytes]) => !kept.get(file)?.equals(bytes)).map(([file]) => file);
        assert.equal(differing, [], "the same bytes");
        assert.ok(
          kept.has("2019/03/04/ferry-timetable-moves-to-summer-hours/index.html"),
          "the retitled story is served at its new address",
        );
        assert.not.ok(kept.has("2020/01/20/night-market-returns-to-the-quay/index.html"), "the deleted story is gone");
      } finally {
        await fresh.running.close();
      }
    } finally {
      await session.running.close();
    }
  } finally {
    await archive.remove();
  }
});

test.run();
