import { suite } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { buildSite } from "../../src/build/buildSite.ts";
import { fixturePath, temporaryFolder } from "../support/builtSite.ts";

const FIXTURE = "a-cross-reference-to-a-missing-heading-fails-the-build";

const fails = suite("a cross-reference to a heading the other story does not have fails the build");

fails("the error names the file, the line and the missing id, and only that link", async () => {
  let message = "";
  try {
    await buildSite({ input: fixturePath(FIXTURE), output: path.join(temporaryFolder(), "site") });
  } catch (error) {
    message = (error as Error).message;
  }
  assert.ok(message !== "", "the build succeeded although a link names an id its story does not have");
  assert.ok(
    message.includes(`${FIXTURE}/2021/03/what-the-budget-means-for-libraries.md:9: links to "council-budget-passes.md#vote-by-ward", but `),
    message,
  );
  assert.ok(message.includes(`has no heading or footnote with the id "vote-by-ward"`), message);
  // The heading's and the footnote's ids exist: those links are fine.
  assert.not.match(message, /how-councillors-voted|#fn1/);
  assert.match(message, /^1 problem in the articles/);
});

fails.run();
