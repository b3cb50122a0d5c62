import path from "node:path";
import type { Output } from "../pages/pageModels.ts";
import { prewarmIndexers } from "../search/writeSearchShards.ts";
import { BackgroundLinker } from "./backgroundLinker.ts";
import type { BuildRequest, BuildResult } from "./buildRequest.ts";
import { loadSite, type LoadOptions } from "./loadSite.ts";
import { codeFingerprint, usableManifest, type PageManifest } from "./pageCache.ts";
import { PhaseTimings } from "./phaseTimings.ts";
import { finishBuild, prepareBuild, type PreparedBuild } from "./prepareBuild.ts";
import { readStoryListing, yearsOfPart } from "./storyListing.ts";
import type { WrittenPage } from "./verifyBuild.ts";

/**
 * One build of the archive asked for by a BuildRequest, in the three steps Eleventy drives (see
 * src/eleventy/archivePlugin.ts): `begin` before Eleventy reads its data, `outputsToRender` for
 * its one paginated template, `end` once Eleventy has written. Stories are data, not templates:
 * the archive is built once a build, and pages that did not change since the last published
 * build are kept from it instead of rendered again. The preview runs the steps again on every
 * save, with the same request.
 */
export class SiteBuild {
  private loading: Promise<PreparedBuild> | undefined;
  private timings = new PhaseTimings();
  private previous: { manifest: PageManifest; linker: BackgroundLinker } | undefined;
  private code = "";
  private storyFilesAhead: BuildRequest["storyFilesAhead"];
  private finished: BuildResult = {};

  constructor(readonly request: BuildRequest) {
    this.storyFilesAhead = request.storyFilesAhead;
  }

  /** Before Eleventy reads its data: each build (and each rebuild of the preview) reads the articles afresh. */
  async begin(): Promise<void> {
    const { request } = this;
    this.loading = undefined;
    this.finished = {};
    this.timings = new PhaseTimings(request.timingsFile);
    // A part is rendered whole: the published site's files are the assembled site's, not this part's.
    const memory = request.previewMemory;
    const manifest =
      request.part === undefined
        ? (memory?.manifestOf(request.previousSite) ?? usableManifest(request.cacheDir, request.previousSite))
        : undefined;
    const codeOf = (extra: string) => memory?.codeFingerprint(extra) ?? codeFingerprint(extra);
    this.code = codeOf(JSON.stringify({ site: request.site, pathPrefix: request.pathPrefix }));
    // Pages the same code made are kept in the published site, which is updated in place (see prepareBuild).
    this.previous = manifest && {
      manifest,
      linker: new BackgroundLinker(manifest.code === this.code ? request.previousSite : undefined),
    };
    prewarmIndexers(manifest !== undefined);
  }

  /** The outputs Eleventy must render: those that changed since the published build (all, without one). */
  async outputsToRender(): Promise<Output[]> {
    const { request, timings, previous } = this;
    const storyFilesAhead = this.storyFilesAhead;
    this.storyFilesAhead = undefined; // Read ahead once: a rebuild of the preview reads the files as they are now.
    this.loading ??= loadSite(path.resolve(request.articles), request.site, request.includeDrafts, {
      timings,
      cacheDir: request.cacheDir,
      storiesRead: () => previous?.linker.surveySite(),
      listed: this.partToLoad(),
      searchShardStories: request.searchShardStories,
      storyFilesAhead,
      addressRecordFile: request.addressRecordFile,
      previewMemory: request.previewMemory,
    }).then((loaded) => {
      request.progress?.storiesRead(loaded.storyFilesRead);
      return prepareBuild(loaded, {
        site: request.site,
        outputDir: request.output,
        code: this.code,
        cacheDir: request.cacheDir,
        installationCacheDir: request.installationCacheDir,
        previousSite: request.previousSite,
        previousManifest: previous?.manifest,
        linker: previous?.linker,
        timings,
        part: request.part,
        searchIndexer: request.searchIndexer,
        intactSearchEntries: request.previewMemory?.intactSearchEntries,
      });
    });
    const prepared = await this.loading;
    request.progress?.pagesToWrite(prepared.plan.toRender.length);
    void prepared.search.then((search) => request.progress?.searchIndexed(search.folders.length)).catch(() => undefined);
    return prepared.plan.toRender;
  }

  /** Eleventy rendered one more page. */
  pageRendered(): void {
    this.request.progress?.pageWritten();
  }

  /**
   * Once Eleventy has written every changed page (the unchanged ones were kept before): the
   * search shards (indexed meanwhile in other processes) are awaited, and the build proves that
   * nothing was lost.
   */
  async end(results: readonly WrittenPage[]): Promise<void> {
    if (!this.loading) return;
    this.timings.mark("eleventyWrite");
    const prepared = await this.loading;
    const outcome = await finishBuild(prepared, results, this.request.output, this.timings);
    this.finished = { outcome, imagesProcessed: prepared.loaded.images.processed, addressRecord: prepared.loaded.addressRecord };
    this.timings.write();
  }

  /** What the last build handed back; see BuildResult. */
  get result(): BuildResult {
    return this.finished;
  }

  /** The build failed: no file may be linked into its folder once the caller removes it. */
  async abandon(): Promise<void> {
    await this.previous?.linker.stop();
  }

  /** A part of a site built in parts, given the whole site's listing of its stories, reads its own years only. */
  private partToLoad(): LoadOptions["listed"] {
    const { part } = this.request;
    if (part === undefined) return undefined;
    const listing = readStoryListing(part.listingFile);
    // The common part reads every story file: its feeds print the stories of every year.
    const readYears = yearsOfPart(listing, part.name);
    return readYears && { listing, readYears };
  }
}
