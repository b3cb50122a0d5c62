// @ts-check
/**
 * `npm run build` and `npm start` without tsx: tsx's module hooks cost about half a second of start-up in the
 * build's process and again in every process it forks. This launcher bundles our TypeScript
 * with esbuild once per version of the sources and runs the bundle with plain Node. It is plain
 * JavaScript because it runs before anything is compiled.
 *
 *   node src/cli/run.mjs build [the build's own arguments]
 *   node src/cli/run.mjs preview [the preview's own arguments]
 *
 * The bundle is kept in `node_modules/.cache/news-archive/bundle-<hash>/`, where the hash covers
 * every input of it, and reused while none of them changes. Its modules find the project and
 * each other through NEWS_ARCHIVE_BUNDLE (src/projectFiles.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const cacheFolder = path.join(projectRoot, "node_modules/.cache/news-archive");

/** Each command, by the name it is run with, and the source of the bundle's module that runs it. */
const commands = { build: "src/cli/build.ts", preview: "src/cli/preview.ts" };
/** What the build starts in processes (src/projectFiles.ts `howToFork`) and threads of its own. */
const forkedEntryPoints = [
  "src/search/indexShardWorker.ts",
  "src/build/partProcess.ts",
  // Started in threads (src/startThread.ts).
  "src/article/storyFilesThread.ts",
  "src/build/backgroundLinkerThread.ts",
];

/** What the bundle is made of, or depends on; the lock file stands for the esbuild that makes it. */
const hashedFolders = ["src", "layouts"];
const hashedFiles = ["eleventy.config.ts", "package.json", "package-lock.json"];

/**
 * A bundle not used for this long is removed when another is made. A build still running from an
 * older bundle (an editor changed src/ meanwhile) forks its workers from it, so a bundle used
 * lately is kept.
 */
const UNUSED_BUNDLE_KEPT_MS = 60 * 60 * 1000;

const [command, ...args] = process.argv.slice(2);
if (!Object.hasOwn(commands, command ?? "")) {
  console.error(`usage: node src/cli/run.mjs ${Object.keys(commands).join("|")} [arguments]`);
  process.exit(2);
}
const entry = commands[/** @type {keyof typeof commands} */ (command)];

let bundle;
try {
  bundle = await currentBundle();
} catch (error) {
  // esbuild has printed what it could not compile, with the file and line; anything else is shown here.
  if (!(error instanceof Error && "errors" in error)) console.error(error);
  console.error(`The ${command} did not start: src/ could not be bundled.`);
  process.exit(1);
}
process.env.NEWS_ARCHIVE_BUNDLE = bundle;
// Eleventy registers a module resolver to reload changed modules in watch mode; in a command that
// builds once, its extra thread makes every later import a round trip (~0.2 s of start-up).
process.env.ELEVENTY_SKIP_ESM_RESOLVER = "1";
// The command reads its arguments as if it had been run by itself.
process.argv = [process.argv[0], path.join(bundle, bundledName(entry)), ...args];
await import(pathToFileURL(process.argv[1]).href);

/** The bundle of the sources as they are now: the one made earlier for them, or a new one. */
async function currentBundle() {
  const folder = path.join(cacheFolder, `bundle-${sourceHash()}`);
  if (existsSync(folder)) {
    // Marked as in use, so that no other build removes it meanwhile (see removeOtherBundles).
    const now = new Date();
    utimesSync(folder, now, now);
    return folder;
  }
  // Written aside and renamed into place, so a bundling cut short leaves no half bundle.
  const partial = path.join(cacheFolder, `.bundling-${process.pid}-${path.basename(folder)}`);
  rmSync(partial, { recursive: true, force: true });
  await bundleInto(partial);
  try {
    renameSync(partial, folder);
  } catch (error) {
    // Another build bundled the same sources first: use its bundle.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(folder)) throw error;
  }
  removeOtherBundles(path.basename(folder));
  return folder;
}

/** @param {string} outdir */
async function bundleInto(outdir) {
  const esbuild = await import("esbuild");
  try {
    await esbuild.build({
      absWorkingDir: projectRoot,
      entryPoints: [...Object.values(commands), ...forkedEntryPoints],
      entryNames: "[name]",
      outdir,
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      // Stack traces name the lines of the bundle: reading the maps costs every build (and each
      // process it forks) a tenth of a second. `NODE_OPTIONS=--enable-source-maps npm run build`
      // names the lines of src/ instead. The maps point at the sources rather than copy them.
      sourcemap: true,
      sourcesContent: false,
      logLevel: "error",
    });
  } finally {
    // esbuild compiles in a process of its own, which would otherwise stay for the whole build.
    await esbuild.stop();
  }
}

/** SHA-256 of the path and bytes of every file the bundle is made from. */
function sourceHash() {
  const files = hashedFiles.filter((file) => existsSync(path.join(projectRoot, file)));
  for (const folder of hashedFolders) {
    for (const entry of readdirSync(path.join(projectRoot, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
    }
  }
  const hash = createHash("sha256");
  for (const file of files.sort())
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(projectRoot, file)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

/**
 * The current bundle is kept, and those used in the last hour, and the folders of bundlings
 * still under way.
 * @param {string} current
 */
function removeOtherBundles(current) {
  for (const name of readdirSync(cacheFolder)) {
    const cutShort = /^\.bundling-(\d+)-/.exec(name);
    const unused =
      name.startsWith("bundle-") && name !== current && Date.now() - statSync(path.join(cacheFolder, name)).mtimeMs > UNUSED_BUNDLE_KEPT_MS;
    if (unused || (cutShort && !isRunning(Number(cutShort[1])))) rmSync(path.join(cacheFolder, name), { recursive: true, force: true });
  }
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** @param {string} source */
function bundledName(source) {
  return `${path.basename(source, ".ts")}.js`;
}
