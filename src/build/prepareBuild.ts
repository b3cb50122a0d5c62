import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadedSite } from "./loadSite.ts";
import type { Story } from "../archive/story.ts";
import { storyPageInputs, storySearchInputs } from "../pages/buildPages.ts";
import { pagefindVersion } from "../search/pagefindVersion.ts";
import { searchIndexerOf, type SearchIndexer } from "../search/searchIndexer.ts";
import { searchRecord } from "../search/searchRecords.ts";
import { shardOfDay } from "../search/searchShards.ts";
import { writeSearchShards, type ShardsWritten } from "../search/writeSearchShards.ts";
import { BuildError } from "../problems.ts";
import type { SiteSettings } from "../site.ts";
import {
  inputsFingerprint,
  outputFileOf,
  planOutputs,
  renderMissingOutputs,
  type BuildOutcome,
  type OutputPlan,
  type PageManifest,
  type PlannedOutput,
} from "./pageCache.ts";
import { staleFiles as staleFilesOf } from "./staleFiles.ts";
import type { PhaseTimings } from "./phaseTimings.ts";
import { partOfUrl } from "./siteParts.ts";
import type { BackgroundLinker } from "./backgroundLinker.ts";
import type { PartRequest } from "./buildRequest.ts";
import { verifyBuild, type WrittenPage } from "./verifyBuild.ts";
import { publishImages } from "../images/publishImages.ts";

export interface PreparedBuild {
  loaded: LoadedSite;
  plan: OutputPlan;
  search: Promise<ShardsWritten>;
  /** The folder of the search index's first shard. */
  searchBundle: string;
  /** The previous build's fingerprints, when this build updates its site in place (see publishPatch). */
  patching?: PageManifest;
  /** Then: the published site's files no kept page or search file claimed (see LinkResult). */
  unclaimed: string[];
  /** Tells the search indexing that Eleventy has written its pages (see writeSearchShards). */
  renderingEnded: () => void;
  previousSite?: string;
  cacheDir?: string;
  part?: BuildSettings["part"];
}

export interface BuildSettings {
  site: SiteSettings;
  outputDir: string;
  /** What the site's pages are made by: the code, the settings and the path prefix (see codeFingerprint). */
  code: string;
  /** Kept between builds: page fingerprints, parsed stories, search shards. */
  cacheDir?: string;
  /** See BuildRequest. */
  installationCacheDir?: string;
  /** The published site, whose unchanged files this build may keep. */
  previousSite?: string;
  /** The fingerprints of `previousSite`'s files, when it has them (see `usableManifest`). */
  previousManifest?: PageManifest;
  /** With a `previousManifest`: links its kept files (and cached search shards) into this build's folder. */
  linker?: BackgroundLinker;
  timings: PhaseTimings;
  /** Forces our search index writer or Pagefind's; by default the installed Pagefind's version decides (searchIndexer.ts). */
  searchIndexer?: SearchIndexer;
  /**
   * Build only this part of the site (see siteParts.ts) and write what it wrote to its report
   * file: the process assembling the parts proves that nothing was lost.
   */
  part?: PartRequest;
  /** The preview's: the search cache's entries an earlier build of the process found intact (see PreviewMemory). */
  intactSearchEntries?: Set<string>;
}

/** Where the search index is in the site. */
const SEARCH_FOLDER = "pagefind";

/** What a part's build wrote, for the process that assembles the parts. */
export interface PartReport {
  writtenUrls: string[];
  indexedUrls: string[];
  /** How many story files it read (see StoryListing). */
  storyFilesRead: number;
}

/**
 * Decides what this build must do: the search shards (started at once, in other processes, so
 * they are indexed while Eleventy renders) and the outputs that changed since the previous build.
 * By the time it returns, the others (and the cached search shards) are linked into the new site,
 * or, when the build updates the published site in place, found to be there still.
 */
export async function prepareBuild(loaded: LoadedSite, settings: BuildSettings): Promise<PreparedBuild> {
  const { site, cacheDir, timings, part, code } = settings;
  const shards = loaded.searchShards;
  // A part is rendered whole: the published site's files are the assembled site's, not this part's.
  const previousSite = part ? undefined : settings.previousSite;
  const { archive } = loaded;
  const shardOf = shardOfDay(shards);
  const storiesOfShard = shards.map(() => [] as Story[]);
  for (const story of archive.stories)
    storiesOfShard[shardOf(story.date.local.year, story.date.local.month, story.date.local.day)].push(story);
  // The stories' fingerprints first: they decide which search shards to index, which can then
  // start while the feeds and sitemaps are made and the other pages fingerprinted.
  const storyFingerprints = new Map(archive.stories.map((story) => [story, inputsFingerprint(storyPageInputs(story, archive), code)]));
  // A shard's fingerprint is its records' (see storySearchInputs), not its pages': a page that
  // lists an edited story changes, its record does not.
  const inputs = shards.map((shard, position) => ({
    shard,
    urls: storiesOfShard[position].map((story) => story.url),
    fingerprint: createHash("sha256")
      .update(storiesOfShard[position].map((story) => inputsFingerprint(storySearchInputs(story, archive), code)).join("\0"))
      .digest("hex"),
    records: () => storiesOfShard[position].map((story) => searchRecord(loaded.storyPage(story))),
  }));
  const { linker } = settings;
  // The pages of the same code as the published site's are kept where they are, and the files
  // that changed are moved in (publishPatch); after a change of code, nothing is kept, and a new
  // folder is made instead. Either way, a kept file is checked to be there.
  const patching = previousSite !== undefined && settings.previousManifest?.code === code ? settings.previousManifest : undefined;
  const searchBundle = path.join(settings.outputDir, SEARCH_FOLDER);
  const indexer = searchIndexerOf(settings.searchIndexer);
  // Once a build: each build (or part) decides its indexer here.
  if (indexer.name === "pagefind") console.warn(indexer.why);
  let renderingEnded = () => {};
  const rendering = new Promise<void>((resolve) => (renderingEnded = resolve));
  const search = writeSearchShards(inputs, searchBundle, site.language, {
    renderingEnded: rendering,
    cacheDir: cacheDir && path.join(cacheDir, "search"),
    // Zopfli on the WebAssembly takes a second, for bytes that change only with Pagefind (issue 19).
    webAssemblyMemo: cacheDir && path.join(settings.installationCacheDir ?? cacheDir, "webassembly"),
    wordsMemo: cacheDir ? { dir: path.join(cacheDir, "words"), key: code.slice(0, 16) } : undefined,
    pagefindVersion,
    indexer,
    intactEntries: settings.intactSearchEntries,
    only: part && new Set(loaded.siteParts.find((listed) => listed.name === part.name)?.shards ?? []),
    linkInBackground: linker && ((from, to, files, unlessIn) => linker.link(from, to, files, unlessIn)),
    published: patching && { bundleDir: path.join(previousSite!, SEARCH_FOLDER), fingerprints: patching.searchShards ?? {} },
  });
  search.catch(() => undefined); // Awaited (and reported) once Eleventy has written its pages.
  const inPart = part ? partOfUrl(loaded.siteParts) : undefined;
  const everyOutput: PlannedOutput[] = [
    ...loaded.otherOutputs.map((output) => ({
      url: output.url,
      fingerprint: () => inputsFingerprint(output.inputs(), code),
      model: output.model,
    })),
    ...archive.stories.map((story) => ({
      url: story.url,
      fingerprint: () => storyFingerprints.get(story)!,
      model: () => loaded.storyPage(story),
    })),
  ];
  const outputs = inPart ? everyOutput.filter((output) => inPart(output.url) === part!.name) : everyOutput;
  const plan = planOutputs(outputs, code, part ? undefined : settings.previousManifest, previousSite, (files) =>
    linker!.link(previousSite!, settings.outputDir, files, patching && previousSite),
  );
  timings.mark("pagesPlanned");
  publishImages(loaded.images, settings.outputDir, linker && ((...batch) => linker.link(...batch)), patching && previousSite);
  let unclaimed: string[] = [];
  if (linker) {
    const linked = await linker.finish();
    const { missing } = linked;
    unclaimed = linked.unclaimed;
    const lostFromCache = missing.filter((file) => !file.startsWith(previousSite! + path.sep));
    if (lostFromCache.length > 0)
      throw new BuildError({
        title: "files of the search index's cache are missing",
        details: lostFromCache.slice(0, 5).join("\n"),
        hint: `delete ${path.join(cacheDir!, "search")} and build again`,
      });
    renderMissingOutputs(plan, outputs, previousSite!, missing);
    timings.mark("reusedPagesKept");
  }
  return { loaded, plan, search, searchBundle, patching, unclaimed, renderingEnded, previousSite, cacheDir, part };
}

/**
 * After Eleventy wrote the changed outputs (the unchanged ones were kept before): waits for the
 * search index, proves nothing was lost, and returns for `buildSite` the new fingerprints, to keep
 * once the site is published, and the published files to delete if it is updated in place.
 */
export async function finishBuild(
  prepared: PreparedBuild,
  results: readonly WrittenPage[],
  outputDir: string,
  timings: PhaseTimings,
): Promise<BuildOutcome | undefined> {
  prepared.renderingEnded();
  // Worked out while the workers finish the search index.
  const manifest = prepared.cacheDir && !prepared.part ? prepared.plan.manifest() : undefined;
  prepared.loaded.saveParseCache();
  const search = await prepared.search;
  timings.mark("searchWrite");
  const written: WrittenPage[] = [
    ...results,
    ...prepared.plan.reused.map((url) => ({ url, outputPath: path.join(outputDir, outputFileOf(url)) })),
  ];
  if (prepared.part) {
    const report: PartReport = {
      writtenUrls: written.map((page) => page.url),
      indexedUrls: search.indexedUrls,
      storyFilesRead: prepared.loaded.storyFilesRead,
    };
    writeFileSync(prepared.part.reportFile, JSON.stringify(report));
    return undefined;
  }
  verifyBuild(prepared.loaded, written, search.indexedUrls);
  timings.mark("verifyBuild");
  if (!manifest) return undefined;
  manifest.searchShards = search.fingerprints;
  return { manifest, staleFiles: prepared.patching && staleFilesOf(prepared.unclaimed, outputDir) };
}
