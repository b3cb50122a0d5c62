import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";

/**
 * A crawler over the files of a built site, with no network: every internal reference of every
 * HTML page (href, src, srcset and form action, on any element) must lead to a file of the
 * site, served as a static host serves it ("/2018/" is "2018/index.html"), and a "#fragment"
 * to an element with that id in the target page. A reference is internal when it resolves to
 * the site's origin; under a path prefix, an internal reference outside the prefix is broken.
 */

export interface LinkReport {
  /** Internal references followed. */
  checked: number;
  /** "page: reference (why)" for each broken one. */
  broken: string[];
}

export interface SiteFiles {
  /** The folder the site was written to. */
  dir: string;
  /** Where the site is served, ending in "/" (e.g. "https://archive.example.com/news/"). */
  root: string;
  /** Every HTML file, relative to `dir` ("2018/index.html"). */
  htmlFiles: string[];
  /**
   * Addresses each file is served at, besides its own. A host serves 404.html at any missing
   * address, so its links must also work from deep in the site.
   */
  alsoServedAt?: Record<string, string[]>;
}

const SKIPPED_SCHEMES = /^(mailto|tel|data|blob):/i;

/** The references of one page: [element, attribute, value]. */
function referencesOf(document: Document): [string, string, string][] {
  const found: [string, string, string][] = [];
  for (const element of document.querySelectorAll("[href], [src], [srcset], form[action]")) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of ["href", "src", "action"]) {
      const value = element.getAttribute(attribute);
      if (value !== null) found.push([tag, attribute, value]);
    }
    const srcset = element.getAttribute("srcset");
    if (srcset !== null) {
      for (const candidate of srcset.split(",")) found.push([tag, "srcset", candidate.trim().split(/\s+/)[0]]);
    }
  }
  return found;
}

export function checkInternalLinks(siteFiles: SiteFiles): LinkReport {
  const root = new URL(siteFiles.root);
  const documents = new Map<string, Document>();
  const documentOf = (file: string): Document => {
    let document = documents.get(file);
    if (!document) {
      document = parseHTML(readFileSync(path.join(siteFiles.dir, file), "utf8")).document as unknown as Document;
      documents.set(file, document);
    }
    return document;
  };
  /** The file a host serves for a path under the prefix, or why there is none. */
  const fileFor = (pathname: string): { file: string } | { missing: string } => {
    if (!pathname.startsWith(root.pathname)) return { missing: `outside the site's path prefix ${root.pathname}` };
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(root.pathname.length));
    } catch {
      return { missing: "not a valid percent-encoded path" };
    }
    const file = relative === "" || relative.endsWith("/") ? relative + "index.html" : relative;
    const absolute = path.join(siteFiles.dir, file);
    if (!absolute.startsWith(siteFiles.dir + path.sep)) return { missing: "outside the site's folder" };
    return existsSync(absolute) && statSync(absolute).isFile() ? { file } : { missing: `no file ${file}` };
  };

  const report: LinkReport = { checked: 0, broken: [] };
  for (const file of siteFiles.htmlFiles) {
    const ownAddress = new URL(file.replace(/(^|\/)index\.html$/, "$1"), root).href;
    const addresses = [ownAddress, ...(siteFiles.alsoServedAt?.[file] ?? [])];
    for (const [tag, attribute, value] of referencesOf(documentOf(file))) {
      for (const address of addresses) {
        const where = `${file}${address === ownAddress ? "" : ` (served at ${address})`}: <${tag} ${attribute}="${value}">`;
        if (value.trim() === "") {
          report.broken.push(`${where} (empty)`);
          continue;
        }
        if (SKIPPED_SCHEMES.test(value)) continue;
        let target: URL;
        try {
          target = new URL(value, address);
        } catch {
          report.broken.push(`${where} (not a URL)`);
          continue;
        }
        if (target.origin !== root.origin) continue;
        report.checked++;
        // "#main" stays in the page a reader has open, wherever the host served it from.
        const sameDocument = target.href.split("#")[0] === address.split("#")[0];
        const found = sameDocument ? { file } : fileFor(target.pathname);
        if ("missing" in found) {
          report.broken.push(`${where} (${found.missing})`);
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment !== "" && found.file.endsWith(".html")) {
          const targetDocument = documentOf(found.file);
          if (
            !targetDocument.getElementById(fragment) &&
            !targetDocument.querySelector(`a[name="${fragment.replace(/["\\]/g, "\\$&")}"]`)
          ) {
            report.broken.push(`${where} (no element with id "${fragment}" in ${found.file})`);
          }
        }
      }
    }
  }
  return report;
}
