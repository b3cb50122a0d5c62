import type { Page } from "../src/pages/pageModels.ts";
import type { SiteSettings } from "../src/site.ts";
import { shell } from "./base.ts";
import { directoryMain, homeMain, listMain, notFoundMain, searchMain } from "./indexPages.ts";
import { storyMain } from "./story.ts";

/** Picks the layout for a page by its kind. */
export function renderPage(page: Page, site: SiteSettings): string {
  switch (page.kind) {
    case "story":
      return shell({ page, site, main: storyMain(page) });
    case "list":
      return shell({ page, site, main: listMain(page) });
    case "directory":
      return shell({ page, site, main: directoryMain(page) });
    case "home":
      return shell({ page, site, main: homeMain(page) });
    case "search":
      return shell({ page, site, main: searchMain(page), scripts: ["/assets/search.js"] });
    case "notFound":
      return shell({ page, site, main: notFoundMain(page) });
  }
}
