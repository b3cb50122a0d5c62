/**
 * `npm run check`: validates every story without building. Prints every problem at once as
 * `path:line: what is wrong (hint)` and exits 1 when there is any; warnings (markup the allowlist
 * removes from a body) are printed the same way, after "warning:", and do not fail.
 *
 *   npm run check [-- --input articles]
 */
import { parseArgs } from "node:util";
import { buildArchive, type Archive } from "../archive/buildArchive.ts";
import { readStoryFiles } from "../article/readStoryFiles.ts";
import { checkStoryFolder } from "../article/storyFolder.ts";
import { buildFeeds } from "../pages/buildFeeds.ts";
import { buildPages } from "../pages/buildPages.ts";
import { BuildError, formatProblem, sortProblems, type Problem } from "../problems.ts";
import { archiveRedirects } from "../redirects/buildRedirects.ts";
import { readSiteSettings, SiteSettingsError, type SiteSettings } from "../site.ts";
import { addressRecordFileOf, readAddressRecord, reconcileAddresses } from "../addresses/addressRecord.ts";

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
// An alias colliding with a page or another alias, and a published address that would break, are
// found once every story is read (issue 21), as the build finds them.
const aliasProblems = published.problems.length === 0 ? addressProblems(published.archive) : [];
const lines = [...new Set(sortProblems([...published.problems, ...previewed.problems, ...aliasProblems]).map(formatProblem))];

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

/** The problems of the address record (see addressRecord.ts), then of aliases that are a page of the site or another story's alias. */
function addressProblems(archive: Archive): Problem[] {
  const recordFile = addressRecordFileOf(articlesDir);
  let record;
  try {
    record = readAddressRecord(recordFile);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    return [{ file: recordFile, message: error.message }];
  }
  const reconciled = reconcileAddresses(record, archive.stories, recordFile, new Set(archive.draftsLeftOut));
  if (reconciled.problems.length > 0) return reconciled.problems;
  const outputs = [...buildPages(archive, site).indexPages, ...buildFeeds(archive, site)];
  return archiveRedirects(
    archive,
    outputs.map((output) => output.url),
    reconciled.redirects,
  ).problems;
}
