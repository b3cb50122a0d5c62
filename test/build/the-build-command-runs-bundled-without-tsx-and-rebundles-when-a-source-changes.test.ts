import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

/**
 * `npm run build` runs `node src/cli/run.mjs build`, which bundles src/ with esbuild and runs the
 * bundle with plain Node. The tests run it in a copy of the project whose node_modules holds
 * every installed package but tsx: a build that still needed tsx, in its own process or in one it
 * forks (the search indexers), would fail there.
 */

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const project = mkdtempSync(path.join(tmpdir(), "news-archive-launcher-"));
process.on("exit", () => rmSync(project, { recursive: true, force: true }));
for (const entry of ["articles", "src", "layouts", "eleventy.config.ts", "package.json", "package-lock.json"]) {
  cpSync(path.join(projectRoot, entry), path.join(project, entry), { recursive: true });
}
mkdirSync(path.join(project, "node_modules"));
for (const name of readdirSync(path.join(projectRoot, "node_modules"))) {
  // The project's own bundles are left out too: this copy makes its own.
  if (name !== "tsx" && name !== ".cache")
    symlinkSync(path.join(projectRoot, "node_modules", name), path.join(project, "node_modules", name));
}

const bundles = path.join(project, "node_modules/.cache/news-archive");
const homePage = path.join(project, "_site/index.html");

function bundleFolders(): string[] {
  return readdirSync(bundles).filter((name) => name.startsWith("bundle-"));
}

function build(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["src/cli/run.mjs", "build"],
      { cwd: project, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}

const test = suite("the build command runs bundled, without tsx, and bundles again when a source changes");

test("node src/cli/run.mjs build builds the archive, search index included, where tsx is not installed", async () => {
  assert.not.ok(existsSync(path.join(project, "node_modules/tsx")), "the copy of the project has no tsx");
  const run = await build();
  assert.is(run.code, 0, run.stderr);
  // The seed archive's addresses are recorded already (issue 21): a build records no new one.
  assert.match(run.stdout, /^Built the archive into _site\/ in \d+\.\d s\.$/m);
  assert.match(readFileSync(homePage, "utf8"), "<title>News Archive</title>");
  assert.ok(existsSync(path.join(project, "_site/2018/11/23/huawei-faces-further-heat-from-us-administration-report/index.html")));
  assert.ok(existsSync(path.join(project, "_site/pagefind/pagefind-entry.json")), "the search indexer, a process of its own, ran");
  assert.is(bundleFolders().length, 1);
});

test("a second build with the same sources reuses the bundle", async () => {
  const [bundle] = bundleFolders();
  const marker = path.join(bundles, bundle, "left-by-the-test");
  writeFileSync(marker, "");
  const run = await build();
  assert.is(run.code, 0, run.stderr);
  assert.equal(bundleFolders(), [bundle]);
  assert.ok(existsSync(marker), "the bundle folder was made again");
});

test("a changed source gives a new bundle; one used in the last hour is kept, an older one removed; the site shows the change", async () => {
  const [before] = bundleFolders();
  // A bundle of sources long gone, last used two hours ago.
  const stale = path.join(bundles, "bundle-0000000000000000");
  mkdirSync(stale);
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(stale, twoHoursAgo, twoHoursAgo);
  const settings = path.join(project, "src/site.ts");
  writeFileSync(settings, readFileSync(settings, "utf8").replace('title: "News Archive"', 'title: "The Renamed Archive"'));
  const run = await build();
  assert.is(run.code, 0, run.stderr);
  const after = bundleFolders();
  assert.is(after.length, 2, `the new bundle and the one used a moment ago: ${after.join(", ")}`);
  assert.ok(after.includes(before), "a build still running from the previous bundle can fork its workers from it");
  assert.not.ok(existsSync(stale), "a bundle unused for two hours is removed");
  assert.match(readFileSync(homePage, "utf8"), "<title>The Renamed Archive</title>");
});

test("a source that does not compile stops the build with its file and line, and _site/ is left as it was", async () => {
  const site = readFileSync(homePage, "utf8");
  writeFileSync(path.join(project, "src/slug.ts"), `${readFileSync(path.join(project, "src/slug.ts"), "utf8")}\nexport const broken = ;\n`);
  const run = await build();
  assert.is(run.code, 1);
  assert.match(run.stderr, /Unexpected ";"\s+src\/slug\.ts:\d+:\d+:/);
  assert.ok(run.stderr.trimEnd().endsWith("The build did not start: src/ could not be bundled."), run.stderr);
  assert.is(readFileSync(homePage, "utf8"), site);
  assert.equal(
    // Beside the bundles the folder keeps what depends on the installed packages alone (src/projectFiles.ts).
    readdirSync(bundles).filter((name) => !name.startsWith("bundle-") && name !== "webassembly"),
    [],
    "no half-made bundle is left",
  );
});

test.run();
