/**
 * `npm run build`: builds the archive into a staging folder, indexes it for search, checks that
 * no story was lost, and only then replaces `_site/`. A failed or interrupted build leaves the
 * last good site as it was.
 *
 *   npm run build [-- --pathprefix=/news/] [--input articles] [--output _site] [--cache-dir .cache/news-archive]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../build/buildSite.ts";
import { explainBuildFailure } from "./explainBuildFailure.ts";

const { values } = parseArgs({
  options: {
    pathprefix: { type: "string", default: "/" },
    input: { type: "string", default: "articles" },
    output: { type: "string", default: "_site" },
    "cache-dir": { type: "string" },
  },
  allowPositionals: false,
});

const started = performance.now();
try {
  await buildSite({ input: values.input, output: values.output, pathPrefix: values.pathprefix, cacheDir: values["cache-dir"] });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built the archive into ${path.relative(process.cwd(), path.resolve(values.output)) || "."}/ in ${seconds} s.`);
} catch (error) {
  console.error(explainBuildFailure(error));
  console.error(`The build failed; ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
