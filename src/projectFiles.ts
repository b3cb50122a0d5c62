import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Where the project's files are, whether this code runs from src/ through tsx or bundled by
 * `src/cli/run.mjs`. A bundle lives in `node_modules/.cache/news-archive/bundle-<hash>/` and
 * every module of it shares that folder as its `import.meta.dirname`, so paths worked out from
 * a module's own place are wrong there. The launcher names the bundle in NEWS_ARCHIVE_BUNDLE,
 * which the processes the build forks inherit.
 */
const bundle = process.env.NEWS_ARCHIVE_BUNDLE;

/** The folder that holds package.json, src/ and layouts/ (four levels above a bundle). */
export const projectRoot = bundle ? path.resolve(bundle, "../../../..") : path.resolve(import.meta.dirname, "..");

/**
 * What depends only on the installed packages, kept beside them (as the launcher keeps its
 * bundle) rather than in a build's cache folder, which a clean build deletes.
 */
export const installationCache = path.join(projectRoot, "node_modules/.cache/news-archive");

/** Our modules that the build runs in processes of their own. */
export type ForkedEntryPoint = "search/indexShardWorker" | "build/partProcess";

export interface HowToFork {
  modulePath: string;
  /** What Node needs to run it: tsx's loader for TypeScript, nothing for the bundle. */
  execArgv: string[];
}

/** How to start one of our entry points in a child process, in the mode this process runs in. */
export function howToFork(entryPoint: ForkedEntryPoint): HowToFork {
  if (bundle) return { modulePath: path.join(bundle, `${path.basename(entryPoint)}.js`), execArgv: [] };
  // tsx by its address: a bare "tsx" is looked for from the working folder, which need not be
  // the project (`npm start` run on an archive elsewhere, a test in a temporary folder).
  const tsx = pathToFileURL(createRequire(path.join(projectRoot, "package.json")).resolve("tsx")).href;
  return { modulePath: path.join(projectRoot, "src", `${entryPoint}.ts`), execArgv: ["--import", tsx] };
}
