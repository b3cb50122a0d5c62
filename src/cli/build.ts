/**
 * `npm run build`: builds the archive into a staging folder, indexes it for search, checks that
 * no story was lost, and only then replaces `_site/`. A failed or interrupted build leaves the
 * last good site as it was.
 *
 *   npm run build [-- --pathprefix=/news/] [--input articles] [--output _site]
 */
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { parseArgs } from "node:util";
import { discardStaging, prepareStaging, publishStaging } from "../build/publishAtomically.ts";
import { explainBuildFailure } from "./explainBuildFailure.ts";

const { values } = parseArgs({
  options: {
    pathprefix: { type: "string", default: "/" },
    input: { type: "string", default: "articles" },
    output: { type: "string", default: "_site" },
    config: { type: "string", default: "eleventy.config.ts" },
  },
  allowPositionals: false,
});

const started = performance.now();
const staging = await prepareStaging(values.output);
try {
  process.env.NEWS_ARCHIVE_INPUT = values.input;
  process.env.NEWS_ARCHIVE_OUTPUT = staging;
  const eleventy = new Eleventy(values.input, staging, {
    configPath: values.config,
    pathPrefix: values.pathprefix,
    quietMode: true,
  });
  // Failures are explained below, one line a problem, instead of as Eleventy's stack traces.
  eleventy.disableLogger();
  await eleventy.write();
  await publishStaging(values.output);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built the archive into ${path.relative(process.cwd(), path.resolve(values.output)) || "."}/ in ${seconds} s.`);
} catch (error) {
  await discardStaging(values.output);
  console.error(explainBuildFailure(error));
  console.error(`The build failed; ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
