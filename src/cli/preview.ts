/**
 * `npm start`: builds the archive, drafts included, into `.preview/` (never `_site/`, so a draft
 * cannot be deployed by mistake), serves it, and on every save of a story renders the pages that
 * changed and reloads the browser (see startPreview). `npm start` restarts this process when
 * `layouts/` or `src/` change.
 *
 *   npm start [-- --port 8080] [--input articles] [--output .preview] [--cache-dir .cache/news-archive-preview] [--pathprefix /]
 *             [--timings FILE]   (for npm run bench: each build's phase timings, as JSON)
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readStoryFilesAhead } from "../article/readStoryFiles.ts";
import type { RunningPreview } from "../build/previewSite.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    input: { type: "string", default: "articles" },
    output: { type: "string", default: ".preview" },
    "cache-dir": { type: "string", default: ".cache/news-archive-preview" },
    pathprefix: { type: "string", default: "/" },
    timings: { type: "string" },
  },
  allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port} is not a port number: give one from 1 to 65535, e.g. npm start -- --port 3000`);
  process.exit(1);
}

// As npm run build does: the stories are read in another thread while this one loads Eleventy and the rest (issue 23).
const storyFilesAhead = readStoryFilesAhead(values.input);
const { startPreview } = await import("../build/previewSite.ts");
const { readSiteSettings } = await import("../site.ts");
const { explainBuildFailure } = await import("./explainBuildFailure.ts");

let preview: RunningPreview;
try {
  preview = await startPreview({
    storyFilesAhead,
    articles: values.input,
    output: values.output,
    // Its own cache, apart from the build's: parsed stories, page fingerprints, search shards and
    // images are reused by every rebuild on a save, and a draft's never reaches the published site's cache.
    cacheDir: path.resolve(values["cache-dir"]),
    pathPrefix: values.pathprefix,
    site: readSiteSettings(),
    port,
    timingsFile: values.timings,
  });
} catch (error) {
  console.error(explainBuildFailure(error));
  process.exit(1);
}
console.log(`Previewing ${values.input}/ (drafts included) at ${preview.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, async () => {
    await preview.close();
    process.exit();
  });
