/**
 * `npm run check`: validates every story without building. Prints every problem at once as
 * `path:line: what is wrong (hint)` and exits 1 when there is any; warnings (markup the allowlist
 * removes from a body) are printed the same way, after "warning:", and do not fail.
 *
 *   npm run check [-- --input articles]
 */
import { parseArgs } from "node:util";
import { buildArchive } from "../archive/buildArchive.ts";
import { readStoryFiles } from "../article/readStoryFiles.ts";
import { checkStoryFolder } from "../article/storyFolder.ts";
import { BuildError, formatProblem, sortProblems } from "../problems.ts";
import { readSiteSettings, SiteSettingsError, type SiteSettings } from "../site.ts";

const { values } = parseArgs({ options: { input: { type: "string", default: "articles" } } });

let site: SiteSettings;
try {
  site = readSiteSettings();
} catch (error) {
  if (!(error instanceof SiteSettingsError)) throw error;
  // Reported once, not as a problem with every story's date.
  console.error(error.message);
  process.exit(1);
}

let sources;
try {
  checkStoryFolder(values.input, undefined);
  sources = await readStoryFiles(values.input);
  checkStoryFolder(values.input, sources.length);
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(error.message);
  process.exit(1);
}
// Checked as published (links to drafts are problems) and as previewed (drafts' own links count).
const articlesDir = values.input;
const published = buildArchive(sources, { timeZone: site.timeZone, includeDrafts: false, articlesDir });
const previewed = buildArchive(sources, { timeZone: site.timeZone, includeDrafts: true, articlesDir });
const warnings = [...new Set(sortProblems([...published.warnings, ...previewed.warnings]).map(formatProblem))];
if (warnings.length > 0) console.error(warnings.map((warning) => `warning: ${warning}`).join("\n"));
const lines = [...new Set(sortProblems([...published.problems, ...previewed.problems]).map(formatProblem))];

if (lines.length > 0) {
  console.error(lines.join("\n"));
  console.error(`${lines.length} problem${lines.length === 1 ? "" : "s"} in ${sources.length} story files.`);
  process.exitCode = 1;
} else {
  const drafts = published.archive.draftsLeftOut.length;
  console.log(
    `All ${sources.length} story files are fine${drafts > 0 ? ` (${drafts} draft${drafts === 1 ? "" : "s"}, left out of the build)` : ""}.`,
  );
}
