/**
 * `npm run build`: builds the archive into a staging folder, indexes it for search, checks that
 * no story was lost, and only then replaces `_site/`. A failed or interrupted build leaves the
 * last good site as it was.
 *
 *   npm run build [-- --pathprefix=/news/] [--input articles] [--output _site] [--cache-dir .cache/news-archive] [--parts]
 *
 * `--parts` builds each run of years (a search shard) and the pages spanning years in processes
 * of their own and assembles them: how an archive too big for one machine is built, on one.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readStoryFilesAhead } from "../article/readStoryFiles.ts";

const { values } = parseArgs({
  options: {
    pathprefix: { type: "string", default: "/" },
    input: { type: "string", default: "articles" },
    output: { type: "string", default: "_site" },
    "cache-dir": { type: "string" },
    parts: { type: "boolean", default: false },
  },
  allowPositionals: false,
});

const started = performance.now();
// The stories are read in another thread while this one loads Eleventy and the rest.
if (!values.parts) readStoryFilesAhead(values.input);
const { buildSite } = await import("../build/buildSite.ts");
const { buildSiteInParts } = await import("../build/buildSiteInParts.ts");
const { explainBuildFailure } = await import("./explainBuildFailure.ts");
const { PublishCutShortError } = await import("../build/publishAtomically.ts");
try {
  const options = { input: values.input, output: values.output, pathPrefix: values.pathprefix, cacheDir: values["cache-dir"] };
  const inParts = values.parts ? await buildSiteInParts(options) : undefined;
  if (!inParts) await buildSite(options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const filesRead = inParts && inParts.parts.map((part) => inParts.storyFilesRead[part].toLocaleString("en")).join(", ");
  const how = inParts ? ` from ${inParts.parts.length} parts built in separate processes (${inParts.parts.join(", ")}; story files each read: ${filesRead})` : "";
  console.log(`Built the archive into ${path.relative(process.cwd(), path.resolve(values.output)) || "."}/${how} in ${seconds} s.`);
} catch (error) {
  console.error(explainBuildFailure(error));
  if (!(error instanceof PublishCutShortError)) console.error(`The build failed; ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
// Everything is written and awaited: the process ends now instead of taking Node's orderly
// teardown of a heap of hundreds of megabytes and the build's threads (0.2–0.4 s measured).
process.exit();
