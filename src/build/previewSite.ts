import EleventyDevServer from "@11ty/eleventy-dev-server";
import path from "node:path";
import type { SiteSettings } from "../site.ts";
import { lockFolders, type HeldLock } from "./buildLock.ts";
import { buildAndPublish, type BuildOptions } from "./buildSite.ts";
import { PreviewMemory } from "./previewMemory.ts";
import { watchFolderTree } from "./watchFolderTree.ts";
import type { StoryFilesReadAhead } from "../article/readStoryFiles.ts";

/**
 * Stories a search shard of the preview holds at most, fewer than a published shard's (see
 * SEARCH_SHARD_STORIES), so that a saved story re-indexes a few hundred stories (a year of the
 * 10,000-story bench, a month at 100,000) (issue 23). A first search there downloads a little
 * more; nobody hosts it.
 */
export const PREVIEW_SEARCH_SHARD_STORIES = 500;

/** Saves arriving this close together (an editor's save is often a write then a rename) make one build. */
const SETTLE_MS = 40;

export interface PreviewOptions {
  /** The folder of story files. */
  articles: string;
  /** The preview's own folder, never the published site's. */
  output: string;
  cacheDir: string;
  pathPrefix: string;
  site: SiteSettings;
  /** 0 takes any free port (tests). */
  port: number;
  /** Where `npm run bench` wants each build's phase timings (see PhaseTimings). */
  timingsFile?: string;
  /** The story files, when the command started reading them before loading the preview's code (see readStoryFilesAhead). */
  storyFilesAhead?: StoryFilesReadAhead;
  /** Told each build's outcome: a line for the editor. */
  say?: (message: string) => void;
}

export interface RunningPreview {
  /** Where the preview is served, with its path prefix: `http://localhost:8080/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * `npm start`'s loop (issue 23): the archive is built as `npm run build` builds it, drafts
 * included, into the preview's folder, which is its published site: on each save only the pages
 * whose fingerprint changed are rendered and moved in, and only the changed years' search
 * shards indexed again. Our own watcher runs our build, and Eleventy's dev server serves the
 * folder and reloads the browser: Eleventy's watch would run its whole pipeline on every save.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const say = options.say ?? ((message: string) => console.log(message));
  // The preview rewrites its folder on every save for as long as it runs: it holds the folder's
  // lock (see buildLock.ts) till it ends, so a second preview or a build told to write there stops, naming it.
  const lock: HeldLock = await lockFolders([options.output, options.cacheDir], { waitMs: 0 });
  const build: BuildOptions = {
    input: options.articles,
    output: options.output,
    pathPrefix: options.pathPrefix,
    cacheDir: options.cacheDir,
    site: options.site,
    includeDrafts: true,
    searchShardStories: PREVIEW_SEARCH_SHARD_STORIES,
    timingsFile: options.timingsFile,
    previewMemory: new PreviewMemory(options.articles, options.storyFilesAhead),
  };
  let server: EleventyDevServer | undefined;
  try {
    await buildAndPublish(build);
    server = EleventyDevServer.getServer("news-archive preview", path.resolve(options.output), {
      pathPrefix: options.pathPrefix,
      // Every save reloads the page: its morphing of the DOM would keep a search page's old results.
      domDiff: false,
      messageOnStart: () => false,
      logger: { info: () => undefined, log: () => undefined, error: (message: string) => say(message) },
    });
    server.serve(options.port);
    await server.ready();
  } catch (error) {
    await server?.close();
    lock.release();
    throw error;
  }
  const dev = server;

  let building: Promise<void> = Promise.resolve();
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    const started = performance.now();
    try {
      await buildAndPublish(build);
      say(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      dev.reload({ files: [], build: { templates: [] } });
    } catch (error) {
      // The last good preview stays served; the editor mends the story and saves again.
      const { explainBuildFailure } = await import("../cli/explainBuildFailure.ts");
      say(explainBuildFailure(error));
    }
  };
  const runPending = () => {
    timer = undefined;
    building = building.then(async () => {
      while (pending) {
        pending = false;
        await rebuild();
      }
    });
  };
  const changed = (file?: string) => {
    build.previewMemory!.storyFiles.noteChange(file);
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(runPending, SETTLE_MS);
  };
  // Any file: an image beside a story changes its page as well, and a build that finds
  // nothing changed renders nothing.
  const watcher = watchFolderTree(options.articles, changed);
  return {
    url: dev.getServerUrl("localhost"),
    async close() {
      watcher.close();
      clearTimeout(timer);
      pending = false;
      await building;
      await dev.close();
      lock.release();
    },
  };
}
