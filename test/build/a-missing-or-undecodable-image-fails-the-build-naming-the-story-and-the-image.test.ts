import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { BuildError } from "../../src/problems.ts";
import { temporaryFolder } from "../support/builtSite.ts";
import { createFixtureArchive } from "../support/fixtureArchive.ts";
import { runCli } from "../support/runCli.ts";
import { photo } from "../support/storyWithImages.ts";

/** Issue 20: an image that is not there, or is not an image, stops the build and says where. */
const STORY = `---
title: "Council Approves the Quay Budget"
date: 2024-06-04
---
The council voted seven to two.

![The council chamber during the vote](chamber.jpg)

The harbour master's slides were shown as well:

<img src="slides/budget-slide.png" alt="The budget, by year">
`;

async function failedBuild(files: Record<string, Buffer | string>): Promise<BuildError> {
  const archive = await createFixtureArchive({ "2024/06/council-approves-the-quay-budget.md": STORY });
  try {
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(archive.articles, "2024/06", name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
    await buildSite({ input: archive.articles, output: path.join(temporaryFolder(), "site"), cacheDir: temporaryFolder() });
  } catch (error) {
    assert.instance(error, BuildError);
    return error as BuildError;
  } finally {
    await archive.remove();
  }
  assert.unreachable("the build succeeded");
  throw new Error("unreachable");
}

const fails = suite("a missing or undecodable image fails the build, naming the story and the image");

fails("a missing image file is a problem naming the story file, the line and where the file should be", async () => {
  const error = await failedBuild({ "chamber.jpg": await photo(300, 200) });
  assert.match(
    error.message,
    /articles\/2024\/06\/council-approves-the-quay-budget\.md:11: shows the image "slides\/budget-slide\.png", but there is no file \S*articles\/2024\/06\/slides\/budget-slide\.png/,
  );
  assert.not.match(error.message, /chamber\.jpg/);
});

fails("an image file that is not an image fails naming the image and the story's line", async () => {
  const error = await failedBuild({
    "chamber.jpg": "this was saved as text, not as a photograph\n",
    "slides/budget-slide.png": await photo(300, 200),
  });
  assert.is(error.title, "an image file cannot be decoded");
  assert.match(
    error.details,
    /articles\/2024\/06\/chamber\.jpg \(shown by \S*articles\/2024\/06\/council-approves-the-quay-budget\.md:7\)/,
  );
  assert.ok(error.hint);
});

fails("npm run check reports the missing image with its file and line, and exits 1", async () => {
  const archive = await createFixtureArchive({ "2024/06/council-approves-the-quay-budget.md": STORY });
  try {
    await writeFile(path.join(archive.articles, "2024/06/chamber.jpg"), await photo(300, 200));
    const run = await runCli("check", ["--input", "articles"], archive.root);
    assert.is(run.code, 1);
    assert.match(
      run.stderr,
      /articles\/2024\/06\/council-approves-the-quay-budget\.md:11: shows the image "slides\/budget-slide\.png", but there is no file articles\/2024\/06\/slides\/budget-slide\.png/,
    );
  } finally {
    await archive.remove();
  }
});

fails.run();
