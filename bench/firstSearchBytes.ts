import { gzipSync } from "node:zlib";
import { launchBrowser } from "../test/support/browser.ts";
import { serveSite } from "../test/support/serve.ts";

export type FirstSearch =
  | { query: string; bytes: number; gzipBytes: number; requests: number; byKind: Record<string, { bytes: number; requests: number }> }
  | { error: string };

/** Pagefind's own files (.pf_*, wasm) are compressed already; a host compresses the rest (HTML, JS, CSS, JSON). */
const precompressed = /\.(pf_\w+|pagefind)(\?|$)/;

function kindOf(url: string): string {
  const file = new URL(url).pathname;
  if (!file.includes("/pagefind/")) return file.endsWith("/") ? "page" : `site ${file.split(".").pop()}`;
  const extension = /\.(pf_\w+|pagefind|js|css|json)$/.exec(file)?.[1] ?? "other";
  return `pagefind ${extension === "pagefind" ? "wasm" : extension}`;
}

/**
 * What a reader's browser downloads for a first search: headless Chromium opens
 * `/search/?q=<query>` on the built site served from 127.0.0.1, waits for results and for the
 * network to settle, and sums the bodies of every response. `gzipBytes` counts text responses
 * as a compressing host would send them.
 */
export async function firstSearchBytes(siteDir: string, query: string): Promise<FirstSearch> {
  const server = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const bodies: Promise<{ url: string; body: Buffer }>[] = [];
    page.on("response", (response) =>
      bodies.push(
        response.body().then(
          (body) => ({ url: response.url(), body }),
          () => ({ url: response.url(), body: Buffer.alloc(0) }),
        ),
      ),
    );
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "networkidle" });
    await page.waitForSelector("#search-results li", { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    const all = await Promise.all(bodies);
    const byKind: Record<string, { bytes: number; requests: number }> = {};
    let bytes = 0;
    let gzipBytes = 0;
    for (const { url, body } of all) {
      const kind = kindOf(url);
      byKind[kind] ??= { bytes: 0, requests: 0 };
      byKind[kind].bytes += body.length;
      byKind[kind].requests++;
      bytes += body.length;
      gzipBytes +=
        precompressed.test(new URL(url).pathname) || body.length === 0 ? body.length : Math.min(body.length, gzipSync(body).length);
    }
    return { query, bytes, gzipBytes, requests: all.length, byKind };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await firstSearchBytes(process.argv[2], process.argv[3] ?? "government"), null, 1));
}
