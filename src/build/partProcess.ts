/**
 * One part of a site built in parts (see buildSiteInParts.ts), in a process of its own:
 * NEWS_ARCHIVE_PART names the part, NEWS_ARCHIVE_PART_REPORT the file that says what it wrote;
 * the build options come as JSON in the first argument.
 */
import { explainBuildFailure } from "../cli/explainBuildFailure.ts";
import { runEleventy, type BuildOptions } from "./buildSite.ts";

const options = JSON.parse(process.argv[2]) as BuildOptions & { cacheDir: string };
try {
  await runEleventy(options);
} catch (error) {
  console.error(explainBuildFailure(error));
  process.exitCode = 1;
}
