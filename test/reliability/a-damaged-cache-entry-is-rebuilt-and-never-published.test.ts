import { appendFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";
import { threeStories } from "./buildRace.ts";

/**
 * The cache keeps search shards, Pagefind's bundle and the compressed WebAssembly, whose bytes are
 * published. An entry truncated, edited or given a junk file (issue 19) is found out when the
 * next build would use it, and made again: the site is a clean build's.
 */

const test = suite("a damaged cache entry is rebuilt and never published");

/** Every file under the cache folder whose path matches `pattern`. */
function cacheFiles(cacheDir: string, pattern: RegExp): string[] {
  return readdirSync(cacheDir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(cacheDir, name))
    .filter((file) => pattern.test(file) && statSync(file).isFile() && !file.endsWith(".sha256.json"));
}

const damages = {
  "a truncated search shard file": (cacheDir: string) => truncateSync(cacheFiles(cacheDir, /\/search\/[0-9a-f]+\/pagefind\.js$/)[0], 20),
  "an edited search shard file": (cacheDir: string) =>
    appendFileSync(cacheFiles(cacheDir, /\/search\/[0-9a-f]+\/pagefind-entry\.json$/)[0], " "),
  "a junk file added to a search shard": (cacheDir: string) => {
    const entry = path.dirname(cacheFiles(cacheDir, /\/search\/[0-9a-f]+\/pagefind\.js$/)[0]);
    writeFileSync(path.join(entry, "notes.txt"), "left here by hand");
  },
  "a truncated compressed WebAssembly": (cacheDir: string) => truncateSync(cacheFiles(cacheDir, /\/webassembly\/[0-9a-f]+\.gz$/)[0], 50),
  "an edited bundle in the words memo": (cacheDir: string) =>
    appendFileSync(cacheFiles(cacheDir, /\/words\/.*-bundle\/pagefind\.js$/)[0], ";"),
};

const clean = archiveOnDisk(threeStories);
const cleanBuild = buildSite({ input: clean.articles, output: clean.site, cacheDir: path.join(clean.root, ".cache") });

for (const [damage, inflict] of Object.entries(damages)) {
  test(`${damage}: the next build, with or without the site in place, equals a clean build`, async () => {
    await cleanBuild;
    const project = archiveOnDisk(threeStories);
    const cacheDir = path.join(project.root, ".cache");
    await buildSite({ input: project.articles, output: project.site, cacheDir });
    inflict(cacheDir);
    rmSync(project.site, { recursive: true, force: true });
    await buildSite({ input: project.articles, output: project.site, cacheDir });
    assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
    // Damaged again, the site in place this time: a rebuild that publishes a patch.
    inflict(cacheDir);
    await buildSite({ input: project.articles, output: project.site, cacheDir });
    assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
  });
}

test.run();
