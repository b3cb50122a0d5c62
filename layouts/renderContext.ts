import type { SiteSettings } from "../src/site.ts";

/** What every layout may need besides its page: the site's settings and absolute addresses. */
export interface RenderContext {
  site: SiteSettings;
  /** An absolute URL (base URL and path prefix) for a site-relative path. */
  absolute(sitePath: string): string;
  /** The path (path prefix included) for a site-relative path, where no HTML transform adds the prefix. */
  prefixed(sitePath: string): string;
}
