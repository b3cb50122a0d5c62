import { readdirSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { fixturePath, snapshot, temporaryFolder } from "../support/builtSite.ts";

const FIXTURE = "a-failed-build-leaves-the-previous-site-untouched";

/**
 * The published archive is built; then an editor adds a story with a broken link and builds again
 * into the same folder.
 */
async function buildTwice() {
  const parent = temporaryFolder();
  const output = path.join(parent, "site");
  await buildSite({ input: fixturePath(`${FIXTURE}/published`), output });
  const before = snapshot(output);
  let error: unknown;
  try {
    await buildSite({ input: fixturePath(`${FIXTURE}/edited`), output });
  } catch (thrown) {
    error = thrown;
  }
  return { parent, output, before, after: snapshot(output), error };
}

let builds: ReturnType<typeof buildTwice> | undefined;
const theBuilds = () => (builds ??= buildTwice());

const untouched = suite("a failed build leaves the previous site untouched");

untouched("the second build fails, naming the new story's broken link", async () => {
  const { error } = await theBuilds();
  assert.instance(error, Error, "the build with a broken link succeeded");
  assert.ok((error as Error).message.includes(`${FIXTURE}/edited/2020/01/a-new-story-with-a-broken-link.md:8:`), (error as Error).message);
});

untouched("the published site holds the same files, byte for byte", async () => {
  const { before, after } = await theBuilds();
  assert.ok(before.has("2020/01/14/the-published-story/index.html"), "the first build published the story");
  assert.equal([...after.keys()], [...before.keys()]);
  for (const [file, bytes] of before) assert.ok(after.get(file)?.equals(bytes), `${file} changed`);
});

untouched("the new story did not reach the published site", async () => {
  const { after } = await theBuilds();
  assert.not.ok([...after.keys()].some((file) => file.includes("a-new-story-with-a-broken-link")));
});

untouched("nothing is left beside the site folder", async () => {
  const { parent } = await theBuilds();
  assert.equal(readdirSync(parent), ["site"]);
});

untouched.run();
