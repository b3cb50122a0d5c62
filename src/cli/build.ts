/**
 * `npm run build`: builds the archive into a staging folder, indexes it for search, checks that
 * no story was lost, and only then replaces `_site/`. A failed or interrupted build leaves the
 * last good site as it was.
 *
 *   npm run build [-- --pathprefix=/news/] [--input articles] [--output _site] [--cache-dir .cache/news-archive] [--parts]
 *                 [--timings FILE]   (for npm run bench: the build's phase timings, as JSON)
 *
 * `--parts` builds each run of years (a part, see siteParts.ts) and the pages spanning years in processes
 * of their own and assembles them: how an archive too big for one machine is built, on one.
 * Its three steps, for jobs on machines of their own, each given the folder `--parts-dir` as the
 * one before left it (and the same cache folder):
 *
 *   npm run build -- --list-parts --parts-dir DIR     reads the archive, lists it; prints the parts as JSON
 *   npm run build -- --part NAME --parts-dir DIR      builds one part (needs the story files of its years only)
 *   npm run build -- --assemble --parts-dir DIR       assembles the parts into --output and publishes it
 *
 * Once the site is published, the build records every address it published in the articles folder
 * (`articles/addresses.json`, see src/addresses/addressRecord.ts); `--no-address-record` keeps none.
 *
 * A build locks the folders it writes (the site, the cache, the parts folder; see
 * src/build/buildLock.ts): another build writing one of them is waited for, up to 15 minutes or
 * `--lock-wait SECONDS`; `--no-wait` stops at once instead.
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
    "parts-dir": { type: "string" },
    "list-parts": { type: "boolean", default: false },
    part: { type: "string" },
    assemble: { type: "boolean", default: false },
    timings: { type: "string" },
    "no-wait": { type: "boolean", default: false },
    "lock-wait": { type: "string" },
    "no-address-record": { type: "boolean", default: false },
  },
  allowPositionals: false,
});

const started = performance.now();
const partsDir = values["parts-dir"];
const step = values["list-parts"] ? "list" : values.part !== undefined ? "part" : values.assemble ? "assemble" : undefined;
if (step && partsDir === undefined) {
  console.error("--list-parts, --part and --assemble hand the parts on in a folder: give it with --parts-dir DIR");
  process.exit(1);
}
// The stories are read in another thread while this one loads Eleventy and the rest.
const storyFilesAhead = !values.parts && !step ? readStoryFilesAhead(values.input) : undefined;
const { buildSite } = await import("../build/buildSite.ts");
const { assembleParts, buildPart, buildSiteInParts, listParts } = await import("../build/buildSiteInParts.ts");
const { buildErrorIn, explainBuildFailure } = await import("./explainBuildFailure.ts");
const { BuildLockedError, DEFAULT_LOCK_WAIT_MS, withFolderLocks } = await import("../build/buildLock.ts");
const { cacheDirOf } = await import("../build/buildSite.ts");
const lockWait = values["lock-wait"] === undefined ? DEFAULT_LOCK_WAIT_MS : Number(values["lock-wait"]) * 1000;
if (!Number.isFinite(lockWait) || lockWait < 0) {
  console.error(`--lock-wait takes a number of seconds, not ${JSON.stringify(values["lock-wait"])}`);
  process.exit(1);
}
const lock = { waitMs: values["no-wait"] ? 0 : lockWait };
const { showsProgress, terminalProgress } = await import("../build/progress.ts");
// A person watching a terminal sees the build go; CI logs and pipes get the result line alone.
const progress = showsProgress(process.stderr, process.env) ? terminalProgress(process.stderr) : undefined;
try {
  const { readSiteSettings } = await import("../site.ts");
  const { addressRecordFileOf } = await import("../addresses/addressRecord.ts");
  const options = {
    site: readSiteSettings(),
    progress,
    input: values.input,
    output: values.output,
    pathPrefix: values.pathprefix,
    cacheDir: values["cache-dir"],
    timingsFile: values.timings,
    storyFilesAhead,
    lock,
    // Kept with the stories, and committed with them (issue 21): see "Addresses that never break" in the README.
    addressRecordFile: values["no-address-record"] ? undefined : addressRecordFileOf(values.input),
  };
  // A step of a build in parts writes the parts folder and the cache; assembling, the site too.
  const stepWrites = step ? [partsDir!, cacheDirOf(options), ...(step === "assemble" ? [values.output] : [])] : [];
  if (step === "list") {
    console.log(JSON.stringify((await withFolderLocks(stepWrites, lock, () => listParts(options, partsDir!))).parts));
    process.exit();
  }
  if (step === "part") {
    await withFolderLocks(stepWrites, lock, () => buildPart(values.part!, options, partsDir!));
    console.log(
      `Built the part ${values.part} into ${path.join(partsDir!, values.part!)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    process.exit();
  }
  const inParts = values.parts
    ? await buildSiteInParts(options)
    : step === "assemble"
      ? await withFolderLocks(stepWrites, lock, () => assembleParts(options, partsDir!))
      : undefined;
  const addressRecord = inParts ? inParts.addressRecord : (await buildSite(options)).addressRecord;
  progress?.end();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const filesRead = inParts && inParts.parts.map((part) => inParts.storyFilesRead[part].toLocaleString("en")).join(", ");
  const recorded =
    addressRecord && addressRecord.added > 0
      ? ` (${path.relative(process.cwd(), addressRecord.file)} records ${addressRecord.added} new address${addressRecord.added === 1 ? "" : "es"}: commit it with the stories)`
      : "";
  const how =
    (inParts
      ? ` from ${inParts.parts.length} parts built in separate processes (${inParts.parts.join(", ")}; story files each read: ${filesRead})`
      : "") + recorded;
  console.log(`Built the archive into ${path.relative(process.cwd(), path.resolve(values.output)) || "."}/${how} in ${seconds} s.`);
} catch (error) {
  progress?.end();
  console.error(explainBuildFailure(error));
  // A build that did not start (another holds the lock) has nothing to leave as it was.
  if (buildErrorIn(error)?.siteUntouched !== false && !(error instanceof BuildLockedError))
    console.error(`The build failed; ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
// Everything is written and awaited: the process ends now instead of taking Node's orderly
// teardown of a heap of hundreds of megabytes and the build's threads (0.2–0.4 s measured).
process.exit();
