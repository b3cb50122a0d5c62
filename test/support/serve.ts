import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticServer {
  /** The site's root URL, path prefix included, ending in "/". */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 (a free port), as a static host would: under `prefix` when the
 * site was built for a sub-path, answering 404 (with the site's 404 page) outside it.
 */
export async function serveSite(dir: string, prefix = "/"): Promise<StaticServer> {
  const normalizedPrefix = "/" + prefix.replace(/^\/+|\/+$/g, "") + (prefix.replace(/^\/+|\/+$/g, "") ? "/" : "");
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(normalizedPrefix)) {
      response.statusCode = 404;
      response.end("Not under the site's path prefix");
      return;
    }
    request.url = "/" + url.slice(normalizedPrefix.length);
    files(request, response, () => {
      response.statusCode = 404;
      response.end("Not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${normalizedPrefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
