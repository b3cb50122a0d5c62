import { KeptStoryFiles } from "../article/keptStoryFiles.ts";
import type { StoryFilesReadAhead } from "../article/readStoryFiles.ts";
import type { StoryParseCache } from "../archive/parseCache.ts";
import { codeFingerprint, siteIdentity, type PageManifest } from "./pageCache.ts";

/**
 * What the preview keeps in memory from one save's build to the next (issue 23): a published
 * build is a process of its own and reads all of it again from the disk and the cache, which
 * took about a quarter of a save's main-thread time at 10,000 stories. Each is what the build
 * would otherwise read, so a save's build equals one that read everything afresh: the story
 * files (read again where the watcher saw a change, see KeptStoryFiles), the stories as parsed
 * (see StoryParseCache.nextBuild), the fingerprints of the pages in the preview's folder, the
 * fingerprints of the code (the process runs one bundle for as long as it lives: `npm start`
 * restarts it when src/ or layouts/ change), and the search cache's entries already checked.
 */
export class PreviewMemory {
  readonly storyFiles: KeptStoryFiles;
  /** The search cache's entries (by path) found intact, or written, by an earlier build of this process. */
  readonly intactSearchEntries = new Set<string>();
  private parseCache: StoryParseCache | undefined;
  private manifest: PageManifest | undefined;
  private readonly codes = new Map<string, string>();

  constructor(articlesDir: string, storyFilesAhead?: StoryFilesReadAhead) {
    this.storyFiles = new KeptStoryFiles(articlesDir, storyFilesAhead);
  }

  /** `codeFingerprint(extra)`, worked out once. */
  codeFingerprint(extra: string): string {
    let code = this.codes.get(extra);
    if (code === undefined) this.codes.set(extra, (code = codeFingerprint(extra)));
    return code;
  }

  /** The parse cache the last build used, for the next (see StoryParseCache.nextBuild); undefined at first. */
  takeParseCache(): StoryParseCache | undefined {
    const cache = this.parseCache?.nextBuild();
    this.parseCache = undefined;
    return cache;
  }

  keepParseCache(cache: StoryParseCache): void {
    this.parseCache = cache;
  }

  /** The fingerprints the last build published `site` with, while no other build has published there since. */
  manifestOf(site: string | undefined): PageManifest | undefined {
    const { manifest } = this;
    return manifest && site !== undefined && manifest.site === site && manifest.siteIdentity === siteIdentity(site) ? manifest : undefined;
  }

  keepManifest(manifest: PageManifest): void {
    this.manifest = manifest;
  }
}
