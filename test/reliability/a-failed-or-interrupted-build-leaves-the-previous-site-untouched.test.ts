import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { stagingDirFor } from "../../src/build/publishAtomically.ts";
import { explainBuildFailure } from "../../src/cli/explainBuildFailure.ts";
import { archiveOnDisk, differences, fingerprint, writeStoryFiles } from "./archiveOnDisk.ts";

/**
 * What lies beside the site, less a replaced site that a successful publish renamed to a hidden
 * `.site.previous.trash-*` folder and is deleting in the background.
 */
function besideTheSite(root: string): string[] {
  return readdirSync(root)
    .filter((name) => !name.startsWith(".site.previous.trash-"))
    .sort();
}

/**
 * The published site is replaced only by a build that succeeded. Each test publishes a first site,
 * fingerprints every file of it (SHA-256), then fails, kills or interrupts a second build and
 * compares: not one byte of the published site may differ.
 */

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

const firstEdition = {
  "2020/01/the-published-story.md":
    "---\ntitle: The Published Story\ndate: 2020-01-14\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\nThe text readers already have.\n",
};
const secondEdition = {
  ...firstEdition,
  "2020/01/a-follow-up.md":
    "---\ntitle: A Follow-Up\ndate: 2020-01-15\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\nIt follows [the published story](the-published-story.md).\n",
};
const brokenEdition = {
  ...firstEdition,
  "2020/01/a-story-with-a-broken-link.md":
    "---\ntitle: A Story With a Broken Link\ndate: 2020-01-16\n---\nIt cites [a story that is not there](gone.md).\n",
};

/** A project whose `site/` holds the first edition, published by a build that succeeded. */
async function publishedFirstEdition() {
  const project = archiveOnDisk(firstEdition);
  await buildSite({ input: project.articles, output: project.site });
  return { ...project, published: fingerprint(project.site) };
}

async function buildFails(input: string, output: string): Promise<Error> {
  try {
    await buildSite({ input, output });
  } catch (error) {
    return error as Error;
  }
  throw new Error("the build was expected to fail, and it succeeded");
}

// ---------------------------------------------------------------------------------------------

const failed = suite("a failed build leaves the previous site byte for byte as it was");

failed("every file of the published site has the same SHA-256 after a build that failed", async () => {
  const project = await publishedFirstEdition();
  writeStoryFiles(project.articles, brokenEdition);
  const error = await buildFails(project.articles, project.site);
  assert.match(explainBuildFailure(error), 'a-story-with-a-broken-link.md:5: links to "gone.md"');
  assert.ok(project.published.has("2020/01/14/the-published-story/index.html"), "the first build published the story");
  assert.equal(differences(project.published, fingerprint(project.site)), []);
  assert.equal(besideTheSite(project.root), ["articles", "site"], "no staging folder is left beside the site");
});

failed.run();

// ---------------------------------------------------------------------------------------------

const killed = suite("a build killed mid-way leaves the previous site untouched");

/**
 * Runs the build command on a large archive and SIGKILLs it once it has been writing into its
 * staging folder for a while (at least 2 s after it started): mid-build, long before it could publish.
 */
function buildAndKill(input: string, output: string): Promise<{ exited: string; stagingHadFiles: boolean }> {
  const staging = stagingDirFor(output);
  const child = spawn(process.execPath, ["src/cli/run.mjs", "build", "--input", input, "--output", output], {
    cwd: projectRoot,
    stdio: "ignore",
  });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let stagingHadFiles = false;
    let exitedByItself = false;
    const poll = setInterval(() => {
      stagingHadFiles = existsSync(staging) && readdirSync(staging).length > 0;
      if (stagingHadFiles && Date.now() - started >= 2000) {
        clearInterval(poll);
        child.kill("SIGKILL");
      } else if (Date.now() - started > 30_000) {
        clearInterval(poll);
        child.kill("SIGKILL");
        reject(new Error("the build never started writing into its staging folder"));
      }
    }, 50);
    child.on("exit", (code, signal) => {
      clearInterval(poll);
      if (signal === null) exitedByItself = true;
      resolve({ exited: exitedByItself ? `by itself, with code ${code}` : `killed by ${signal}`, stagingHadFiles });
    });
    child.on("error", reject);
  });
}

killed("a build SIGKILLed while writing changes no byte of the published site, and the next build publishes", async () => {
  const project = await publishedFirstEdition();
  const large = path.join(project.root, "large-archive");
  generateArchive({ articles: 3000, out: large, seed: 6 });

  const { exited, stagingHadFiles } = await buildAndKill(large, project.site);
  assert.is(exited, "killed by SIGKILL", "the build finished before it could be killed: give it a larger archive");
  assert.ok(stagingHadFiles, "the build was killed while it was writing into its staging folder");
  assert.equal(differences(project.published, fingerprint(project.site)), []);

  writeStoryFiles(project.articles, secondEdition);
  await buildSite({ input: project.articles, output: project.site });
  const republished = fingerprint(project.site);
  assert.ok(republished.has("2020/01/15/a-follow-up/index.html"), "the next build published the new story");
  assert.not.ok(
    [...republished.keys()].some((file) => /^\d{4}\//.test(file) && !file.startsWith("2020/")),
    "nothing of the killed build reached the site",
  );
  assert.equal(besideTheSite(project.root), ["articles", "large-archive", "site"], "the killed build's staging folder was cleared");
});

killed.run();

// ---------------------------------------------------------------------------------------------

const interrupted = suite("a publish interrupted between its two renames is repaired by the next build");

/** The state a crash between the renames leaves: the old site stepped aside as `site.previous`, no `site`. */
function interruptPublish(site: string): void {
  renameSync(site, `${site}.previous`);
}

interrupted("a next build that fails puts the previous site back, byte for byte", async () => {
  const project = await publishedFirstEdition();
  interruptPublish(project.site);
  writeStoryFiles(project.articles, brokenEdition);
  await buildFails(project.articles, project.site);
  assert.equal(differences(project.published, fingerprint(project.site)), []);
  assert.equal(besideTheSite(project.root), ["articles", "site"]);
});

interrupted("a next build that succeeds publishes the new site and clears the old one", async () => {
  const project = await publishedFirstEdition();
  interruptPublish(project.site);
  writeStoryFiles(project.articles, secondEdition);
  await buildSite({ input: project.articles, output: project.site });
  const republished = fingerprint(project.site);
  assert.ok(republished.has("2020/01/14/the-published-story/index.html"));
  assert.ok(republished.has("2020/01/15/a-follow-up/index.html"));
  assert.equal(besideTheSite(project.root), ["articles", "site"]);
});

interrupted.run();
