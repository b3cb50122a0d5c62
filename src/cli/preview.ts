/**
 * `npm start`: builds the archive, drafts included, into `.preview/` (never `_site/`, so a draft
 * cannot be deployed by mistake), serves it, and rebuilds and reloads the browser on every save
 * of a story. `npm start` restarts this process when `layouts/` or `src/` change.
 *
 *   npm start [-- --port 8080] [--input articles] [--output .preview] [--cache-dir .cache/news-archive-preview] [--pathprefix /]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { lockFolders } from "../build/buildLock.ts";
import { eleventyFor } from "../build/runEleventy.ts";
import { SiteBuild } from "../build/siteBuild.ts";
import { SEARCH_SHARD_STORIES } from "../search/searchShards.ts";
import { readSiteSettings } from "../site.ts";
import { explainBuildFailure } from "./explainBuildFailure.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    input: { type: "string", default: "articles" },
    output: { type: "string", default: ".preview" },
    "cache-dir": { type: "string", default: ".cache/news-archive-preview" },
    pathprefix: { type: "string", default: "/" },
  },
  allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port ${values.port} is not a port number: give one from 1 to 65535, e.g. npm start -- --port 3000`);
  process.exit(1);
}

let site;
try {
  site = readSiteSettings();
} catch (error) {
  console.error(explainBuildFailure(error));
  process.exit(1);
}
const build = new SiteBuild({
  articles: values.input,
  output: values.output,
  pathPrefix: values.pathprefix,
  site,
  includeDrafts: true,
  // Its own cache, apart from the build's: parsed stories, search shards and images are reused by
  // every rebuild on a save, and a draft's never reaches the published site's cache.
  cacheDir: path.resolve(values["cache-dir"]),
  searchShardStories: SEARCH_SHARD_STORIES,
});
const eleventy = eleventyFor(build, "serve");
try {
  // The preview rewrites its folder on every save for as long as it runs: it holds the folder's
  // lock (see buildLock.ts) till it ends, so a second preview or a build told to write there stops, naming it.
  await lockFolders([values.output, values["cache-dir"]], { waitMs: 0 });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  console.log(`Previewing ${values.input}/ (drafts included) at http://localhost:${port}${values.pathprefix}`);
} catch (error) {
  console.error(explainBuildFailure(error));
  process.exit(1);
}
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exit();
});
