import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { buildSite } from "../../src/build/buildSite.ts";
import { site } from "../../src/site.ts";

/**
 * One build of an archive for a validation test file: into a temporary folder of its own,
 * at the domain root ("/") or under a path prefix ("/news/"), read the way a host serves it.
 * Each test file builds the variants it needs in `before` and calls `remove()` in `after`.
 */
export interface BuiltVariant {
  /** The folder the site was written to. */
  dir: string;
  /** The path prefix the site was built for: "/" or e.g. "/news/". */
  prefix: string;
  /** Where the site is served: the base URL from `src/site.ts` and the prefix, ending in "/". */
  root: string;
  /** Every HTML file of the site, relative to `dir` with "/" separators ("2018/index.html", "404.html"). */
  htmlFiles(): string[];
  /** The address a reader sees for an HTML file: "2018/index.html" is `${root}2018/`. */
  addressOf(file: string): string;
  /** The file served for a site path without the prefix ("/2018/" is "2018/index.html"), or undefined. */
  fileFor(sitePath: string): string | undefined;
  /** The text of a file of the site, by site path without the prefix ("/feed.xml", "/2018/"). */
  read(sitePath: string): string;
  /** A page parsed as a DOM (linkedom), by site path without the prefix. */
  document(sitePath: string): Document;
  remove(): void;
}

/** Builds `input` (the real `articles/` unless a fixture archive is given) for the path prefix. */
export async function buildVariant(prefix: string, input = "articles"): Promise<BuiltVariant> {
  const scratch = mkdtempSync(path.join(tmpdir(), "news-archive-validation-"));
  const dir = path.join(scratch, "site");
  await buildSite({ input, output: dir, pathPrefix: prefix });
  const root = site.baseUrl.replace(/\/+$/, "") + prefix;

  const fileFor = (sitePath: string): string | undefined => {
    const relative = decodeURIComponent(sitePath).replace(/^\/+/, "");
    const candidate = relative === "" || relative.endsWith("/") ? relative + "index.html" : relative;
    const absolute = path.join(dir, candidate);
    return existsSync(absolute) && statSync(absolute).isFile() ? candidate : undefined;
  };
  const read = (sitePath: string): string => {
    const file = fileFor(sitePath);
    if (file === undefined) throw new Error(`the ${prefix} build wrote no file for ${sitePath}`);
    return readFileSync(path.join(dir, file), "utf8");
  };

  return {
    dir,
    prefix,
    root,
    htmlFiles: () =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .map((entry) => entry.split(path.sep).join("/"))
        .filter((entry) => entry.endsWith(".html"))
        .sort(),
    addressOf: (file) => root + file.replace(/(^|\/)index\.html$/, "$1"),
    fileFor,
    read,
    document: (sitePath) => parseHTML(read(sitePath)).document as unknown as Document,
    remove: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

/** An HTML string parsed as a DOM, for pages that are not files of a build. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
