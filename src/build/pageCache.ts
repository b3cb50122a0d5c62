import { createHash, hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Output } from "../pages/pageModels.ts";

/**
 * Which pages of the previous build can be kept as they are. A page's fingerprint is a hash of
 * its view model (plain data: everything it prints) and of everything that turns models into
 * HTML: the code in src/ and layouts/, the config, the locked dependencies, Node, the site
 * settings and the path prefix. Equal fingerprints mean equal bytes, so the previous file is
 * linked into the new site instead of rendered again.
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
  pages: Record<string, string>;
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

const projectRoot = path.resolve(import.meta.dirname, "../..");

export function codeFingerprint(extra: string): string {
  const hash = createHash("sha256").update(`${process.version}\0${extra}\0`);
  const files: string[] = [];
  for (const dir of ["src", "layouts"]) {
    for (const entry of readdirSync(path.join(projectRoot, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of ["eleventy.config.ts", "package.json", "package-lock.json"]) if (existsSync(path.join(projectRoot, file))) files.push(path.join(projectRoot, file));
  for (const file of files.sort()) hash.update(path.relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function pageFingerprint(page: Output, code: string): string {
  // One-shot SHA-1: tens of thousands of outputs a build, none of them chosen by an adversary.
  return hash("sha1", code + JSON.stringify(withEntriesByDigest(page)));
}

/**
 * A page as hashed: its lists of stories by the digests of their entries. A story's entry in a
 * list (and in a feed) is one object, on every page that lists the story: hashed once, it stands
 * in each page's fingerprint by its digest, which says as much as its content, instead of being
 * serialized again on each of them.
 */
function withEntriesByDigest(page: Output): unknown {
  switch (page.kind) {
    case "story":
      return { ...page, referencedBy: digests(page.referencedBy), references: digests(page.references), related: digests(page.related) };
    case "list":
      return { ...page, sections: page.sections.map((section) => ({ ...section, stories: digests(section.stories) })) };
    case "home":
    case "notFound":
      return { ...page, latest: digests(page.latest) };
    case "feed":
      return { ...page, entries: digests(page.entries) };
    default:
      return page;
  }
}

const entryDigests = new WeakMap<object, string>();

function digests(entries: readonly object[]): string[] {
  return entries.map((entry) => {
    let digest = entryDigests.get(entry);
    if (digest === undefined) entryDigests.set(entry, (digest = hash("sha1", JSON.stringify(entry))));
    return digest;
  });
}

/** Where Eleventy writes a page's URL: "/a/b/" → a/b/index.html, "/404.html" → 404.html. */
export function outputFileOf(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

export function readManifest(file: string): PageManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as PageManifest;
  } catch {
    return undefined;
  }
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

/** `known`: fingerprints already worked out, by URL, so as not to hash those pages twice. */
export function planOutputs(pages: readonly Output[], code: string, previous: PageManifest | undefined, previousSite: string | undefined, known?: ReadonlyMap<string, string>): OutputPlan {
  const fingerprints = (): PageManifest => {
    const manifest: PageManifest = { site: previousSite ?? "", pages: {} };
    for (const page of pages) manifest.pages[page.url] = known?.get(page.url) ?? pageFingerprint(page, code);
    return manifest;
  };
  const identity = previousSite && siteIdentity(previousSite);
  const usable = previous && identity && previous.site === previousSite && previous.siteIdentity === identity ? previous : undefined;
  if (!usable) {
    let manifest: PageManifest | undefined;
    return { toRender: [...pages], reused: [], manifest: () => (manifest ??= fingerprints()) };
  }
  const manifest = fingerprints();
  const toRender: Output[] = [];
  const reused: string[] = [];
  for (const page of pages) {
    if (usable.pages[page.url] === manifest.pages[page.url] && existsSync(path.join(previousSite!, outputFileOf(page.url)))) reused.push(page.url);
    else toRender.push(page);
  }
  return { toRender, reused, manifest: () => manifest };
}
