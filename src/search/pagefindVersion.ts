import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The installed Pagefind's version. Its package exports no package.json: read beside its entry point (lib/index.js). */
export const pagefindVersion = (
  JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json"), "utf8")) as {
    version: string;
  }
).version;

/**
 * The Pagefind version whose files writePagefindIndex.ts was proven to write byte for byte
 * (test/search/our-search-index-equals-pagefinds-own.test.ts); package.json pins exactly this one.
 * Raise it only after that test passes against the new version (issue 19).
 */
export const PAGEFIND_VERSION_OUR_WRITER_IS_PROVEN_AGAINST = "1.6.0";
