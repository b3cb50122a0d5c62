import { appendFileSync, cpSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
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

/**
 * Each damage, and whether it is to a memo the indexing uses: those are used only when a shard is
 * indexed, so the test then also empties the cache of search shards.
 */
const damages: Record<string, { inflict: (cacheDir: string) => void; memo?: true }> = {
  "a truncated search shard file": {
    inflict: (cacheDir) => truncateSync(cacheFiles(cacheDir, /\/search\/[0-9a-f]+\/pagefind\.js$/)[0], 20),
  },
  "an edited search shard file": {
    inflict: (cacheDir) => appendFileSync(cacheFiles(cacheDir, /\/search\/[0-9a-f]+\/pagefind-entry\.json$/)[0], " "),
  },
  "a junk file added to a search shard": {
    inflict: (cacheDir) => {
      const entry = path.dirname(cacheFiles(cacheDir, /\/search\/[0-9a-f]+\/pagefind\.js$/)[0]);
      writeFileSync(path.join(entry, "notes.txt"), "left here by hand");
    },
  },
  "a truncated compressed WebAssembly": {
    inflict: (cacheDir) => truncateSync(cacheFiles(cacheDir, /\/webassembly\/[0-9a-f]+\.gz$/)[0], 50),
    memo: true,
  },
  "an edited Pagefind bundle in the words memo": {
    inflict: (cacheDir) => appendFileSync(cacheFiles(cacheDir, /\/words\/.*-bundle\/pagefind\.js$/)[0], ";"),
    memo: true,
  },
};

const clean = archiveOnDisk(threeStories);
// What a build keeps beside the installed packages (the WebAssembly recompressed) is put in the
// cache folder here, so that each damage is done to a copy of its own.
const cacheOf = (cacheDir: string) => ({ cacheDir, installationCacheDir: path.join(cacheDir, "installation") });
const cleanBuild = buildSite({ input: clean.articles, output: clean.site, ...cacheOf(path.join(clean.root, ".cache")) });

for (const [damage, { inflict, memo }] of Object.entries(damages)) {
  test(`${damage}: the next build equals a clean build`, async () => {
    await cleanBuild;
    // A copy of the clean build's cache: the same as building it again, without a cold build's time.
    const project = archiveOnDisk(threeStories);
    const cacheDir = path.join(project.root, ".cache");
    cpSync(path.join(clean.root, ".cache"), cacheDir, { recursive: true });
    inflict(cacheDir);
    if (memo) rmSync(path.join(cacheDir, "search"), { recursive: true, force: true });
    await buildSite({ input: project.articles, output: project.site, ...cacheOf(cacheDir) });
    assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
    if (memo) return;
    // Damaged again, the site in place this time: a rebuild that publishes a patch.
    inflict(cacheDir);
    await buildSite({ input: project.articles, output: project.site, ...cacheOf(cacheDir) });
    assert.equal(differences(fingerprint(project.site), fingerprint(clean.site)), []);
  });
}

test.run();
