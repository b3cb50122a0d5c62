import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { fixturePath, temporaryFolder } from "../support/builtSite.ts";

const FIXTURE = "a-link-to-a-missing-story-fails-the-build";

/** The error the build throws for the fixture archive, and the folder it was asked to write. */
async function failedBuild(): Promise<{ error: Error; parent: string; output: string }> {
  const parent = temporaryFolder();
  const output = path.join(parent, "site");
  try {
    await buildSite({ input: fixturePath(FIXTURE), output });
  } catch (error) {
    assert.instance(error, Error);
    return { error: error as Error, parent, output };
  }
  assert.unreachable("the build succeeded although a story links to a file that does not exist");
  throw new Error("unreachable");
}

let failure: ReturnType<typeof failedBuild> | undefined;
const theFailure = () => (failure ??= failedBuild());

const fails = suite("a link to a missing story fails the build");

fails("the error names the file and the line of the link", async () => {
  const { error } = await theFailure();
  assert.ok(
    error.message.includes(`${FIXTURE}/2020/01/a-story-with-a-broken-link.md:10:`),
    `the message does not name the file and line 10:\n${error.message}`,
  );
});

fails("the error says which link is broken and where the missing file would be", async () => {
  const { error } = await theFailure();
  assert.ok(error.message.includes('links to "../02/a-story-that-was-never-written.md"'), error.message);
  assert.ok(error.message.includes(`${FIXTURE}/2020/02/a-story-that-was-never-written.md`), error.message);
});

fails("the link to the story that exists is not reported", async () => {
  const { error } = await theFailure();
  assert.match(error.message, /^1 problem in the articles:\n/);
  assert.not.ok(error.message.includes("a-story-that-exists.md"), error.message);
});

fails("no site is published, and nothing is left beside where it would be", async () => {
  const { parent, output } = await theFailure();
  assert.not.ok(existsSync(output), "a site folder was written");
  assert.equal(readdirSync(parent), []);
});

fails.run();
