import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { entryIntact, sealEntry } from "../cacheIntegrity.ts";
import { writeFileWhole } from "../writeWhole.ts";

/** Below this, Zopfli saves a few hundred bytes and, on Pagefind's small metadata, can take a second. */
const SMALLEST_WORTH_COMPRESSING = 16 * 1024;
const ZOPFLI_OPTIONS = { numiterations: 5 };

/** Changes whenever the bytes this module writes would: part of a cached shard's fingerprint. */
export const FIRST_SEARCH_COMPRESSION = `zopfli ${JSON.stringify(ZOPFLI_OPTIONS)} from ${SMALLEST_WORTH_COMPRESSING} bytes`;

/**
 * Pagefind gzips its files for speed. Every first search downloads the WebAssembly and the
 * metadata of the first shard (about ten bytes a story), so those are gzipped again with Zopfli:
 * the same bytes once inflated, a fifth smaller for the metadata. The index chunks and
 * fragments (megabytes, of which a search fetches a few) stay as Pagefind wrote them.
 *
 * The WebAssembly is the same in every build of one Pagefind version; with `memoDir` it is
 * compressed once and taken from there afterwards.
 */
export async function compressFirstSearchFiles(
  bundleDir: string,
  options: { withWebAssembly: boolean; memoDir?: string; smallestWorthCompressing?: number },
): Promise<void> {
  const smallest = options.smallestWorthCompressing ?? SMALLEST_WORTH_COMPRESSING;
  for (const name of readdirSync(bundleDir).filter((entry) => entry.endsWith(".pf_meta"))) {
    const file = path.join(bundleDir, name);
    const gzipped = readFileSync(file);
    if (gzipped.length >= smallest) writeFileSync(file, await recompress(gzipped));
  }
  if (!options.withWebAssembly) return;
  for (const name of webAssemblyFiles(bundleDir)) {
    const file = path.join(bundleDir, name);
    const gzipped = readFileSync(file);
    const memo =
      options.memoDir &&
      path.join(options.memoDir, `${createHash("sha256").update(FIRST_SEARCH_COMPRESSION).update(gzipped).digest("hex").slice(0, 32)}.gz`);
    // A memo damaged since (see cacheIntegrity.ts) is removed and made again.
    if (memo && entryIntact(memo)) {
      writeFileSync(file, readFileSync(memo));
      continue;
    }
    const smaller = await recompress(gzipped);
    writeFileSync(file, smaller);
    if (memo) {
      writeFileWhole(memo, smaller);
      sealEntry(memo);
    }
  }
}

/** The WebAssembly files the bundle's languages load (not every one Pagefind ships). */
function webAssemblyFiles(bundleDir: string): string[] {
  const entry = JSON.parse(readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { wasm?: string }>;
  };
  const names = Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? "unknown"}.pagefind`);
  return [...new Set(names)].filter((name) => existsSync(path.join(bundleDir, name)));
}

async function recompress(gzipped: Buffer): Promise<Uint8Array> {
  // Loaded when first needed: the build's own process imports this module for its constant.
  const { gzipAsync } = await import("@gfx/zopfli");
  const smaller = await gzipAsync(gunzipSync(gzipped), ZOPFLI_OPTIONS);
  return smaller.length < gzipped.length ? smaller : gzipped;
}
