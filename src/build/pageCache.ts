import { createHash, hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Output } from "../pages/pageModels.ts";
import { projectRoot } from "../projectFiles.ts";

/**
 * Which pages of the previous build can be kept as they are. A page's fingerprint is a hash of
 * what its view model is made of (plain data, see LazyOutput: a rebuild need not make the
 * models of the pages it keeps, most of an archive's) and of everything that turns models into
 * HTML: the code in src/ and layouts/, the config, the locked dependencies, Node, the site
 * settings and the path prefix. Equal fingerprints mean equal bytes, so the previous file is
 * kept (in the published site updated in place, or linked into a new one) instead of rendered.
 */
export interface PageManifest {
  /** The published site folder these fingerprints describe. */
  site: string;
  /**
   * That folder's identity (inode and birth time) when it was published with these
   * fingerprints: any other build that publishes there makes a new folder, and the manifest
   * no longer applies.
   */
  siteIdentity?: string;
  /** The fingerprint of the code that made the pages (see codeFingerprint). */
  code?: string;
  pages: Record<string, string>;
  /** The search shards' fingerprints (see ShardsWritten). */
  searchShards?: Record<string, string>;
}

/** What a build leaves for `buildSite`, which publishes it: the new fingerprints, and how to publish. */
export interface BuildOutcome {
  manifest: PageManifest;
  /** When set, the build updates the published site in place and deletes these files of it (see publishPatch). */
  staleFiles?: string[];
}

/** Changes whenever a build publishes a new site folder (each publish renames a new folder in). */
export function siteIdentity(siteDir: string): string | undefined {
  try {
    const stat = statSync(siteDir);
    return `${stat.ino}:${stat.birthtimeMs}:${stat.ctimeMs}`;
  } catch {
    return undefined;
  }
}

export function codeFingerprint(extra: string): string {
  const hash = createHash("sha256").update(`${process.version}\0${extra}\0`);
  const files: string[] = [];
  for (const dir of ["src", "layouts"]) {
    for (const entry of readdirSync(path.join(projectRoot, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of ["eleventy.config.ts", "package.json", "package-lock.json"])
    if (existsSync(path.join(projectRoot, file))) files.push(path.join(projectRoot, file));
  for (const file of files.sort()) hash.update(path.relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * An output's fingerprint from what it is made of (see LazyOutput). One-shot SHA-1: tens of
 * thousands of outputs a build, none of them chosen by an adversary.
 */
export function inputsFingerprint(inputs: unknown, code: string): string {
  return hash("sha1", `${code}\0${JSON.stringify(inputs)}`);
}

/** Where Eleventy writes a page's URL: "/a/b/" → a/b/index.html, "/404.html" → 404.html. */
export function outputFileOf(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

function readManifest(file: string): PageManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as PageManifest;
  } catch {
    return undefined;
  }
}

/** An output as a build plans it: its address, its fingerprint, and its model, made only if the output must be rendered. */
export interface PlannedOutput {
  url: string;
  fingerprint: () => string;
  model: () => Output;
}

export interface OutputPlan {
  toRender: Output[];
  /** URLs whose previous output file is kept. */
  reused: string[];
  /**
   * The fingerprints of this build's outputs, for the next build. With no previous manifest to
   * compare with, every output is rendered and they are worked out only when asked for: once
   * Eleventy has rendered, while the search index is still being written.
   */
  manifest: () => PageManifest;
}

/**
 * The previous build's fingerprints, if they describe the site now published at `previousSite`:
 * any other build that published there since made a new folder (see `siteIdentity`).
 */
export function usableManifest(cacheDir: string | undefined, previousSite: string | undefined): PageManifest | undefined {
  if (!cacheDir || !previousSite) return undefined;
  const identity = siteIdentity(previousSite);
  const previous = identity && readManifest(path.join(cacheDir, "pages.json"));
  return previous && previous.site === previousSite && previous.siteIdentity === identity ? previous : undefined;
}

/**
 * `usable`: the previous build's fingerprints (see `usableManifest`).
 * `onReused`: told the output files of kept pages in batches as they are decided, so that they
 * can be linked into the new site (or checked to be in the published one) while the rest are
 * planned. A file not there any more is rendered after all: see `renderMissingOutputs`.
 */
export function planOutputs(
  outputs: readonly PlannedOutput[],
  code: string,
  usable: PageManifest | undefined,
  previousSite: string | undefined,
  onReused?: (files: string[]) => void,
): OutputPlan {
  if (!usable) {
    let manifest: PageManifest | undefined;
    const fingerprints = (): PageManifest => {
      const worked: PageManifest = { site: previousSite ?? "", code, pages: {} };
      for (const output of outputs) worked.pages[output.url] = output.fingerprint();
      return worked;
    };
    return { toRender: outputs.map((output) => output.model()), reused: [], manifest: () => (manifest ??= fingerprints()) };
  }
  const manifest: PageManifest = { site: previousSite!, code, pages: {} };
  const toRender: Output[] = [];
  const reused: string[] = [];
  let batch: string[] = [];
  for (const output of outputs) {
    const fingerprint = (manifest.pages[output.url] = output.fingerprint());
    if (usable.pages[output.url] === fingerprint) {
      reused.push(output.url);
      batch.push(outputFileOf(output.url));
      if (batch.length === REUSED_BATCH) {
        onReused?.(batch);
        batch = [];
      }
    } else toRender.push(output.model());
  }
  if (batch.length > 0) onReused?.(batch);
  return { toRender, reused, manifest: () => manifest };
}

const REUSED_BATCH = 1000;

/**
 * The pages of `plan.reused` whose file in the previous site was not there to link (`missing`,
 * absolute paths under `previousSite`) are rendered after all.
 */
export function renderMissingOutputs(
  plan: OutputPlan,
  outputs: readonly PlannedOutput[],
  previousSite: string,
  missing: readonly string[],
): void {
  if (missing.length === 0) return;
  const missingFiles = new Set(missing.map((file) => path.relative(previousSite, file).split(path.sep).join("/")));
  const gone = new Set(plan.reused.filter((url) => missingFiles.has(outputFileOf(url))));
  plan.reused = plan.reused.filter((url) => !gone.has(url));
  plan.toRender.push(...outputs.filter((output) => gone.has(output.url)).map((output) => output.model()));
}
