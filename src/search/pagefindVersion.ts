import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The installed Pagefind's version. Its package exports no package.json: read beside its entry point (lib/index.js). */
export const pagefindVersion = (
  JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json"), "utf8")) as {
    version: string;
  }
).version;
