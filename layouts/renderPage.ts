import type { Output } from "../src/pages/pageModels.ts";
import { shell } from "./base.ts";
import { renderFeed } from "./feed.ts";
import { directoryMain, homeMain, listMain, notFoundMain, searchMain } from "./indexPages.ts";
import type { RenderContext } from "./renderContext.ts";
import { renderNewsSitemap, renderRobots, renderSitemap, renderSitemapIndex } from "./sitemap.ts";
import { renderRedirectPage, renderRedirectsFile } from "./redirect.ts";
import { storyMain } from "./story.ts";
import { storyHead } from "./storyHead.ts";

/** Picks the layout for an output by its kind. */
export function renderOutput(output: Output, context: RenderContext): string | Promise<string> {
  switch (output.kind) {
    case "story":
      return shell({ page: output, context, main: storyMain(output), head: storyHead(output, context) });
    case "list":
      return shell({ page: output, context, main: listMain(output) });
    case "directory":
      return shell({ page: output, context, main: directoryMain(output) });
    case "home":
      return shell({ page: output, context, main: homeMain(output) });
    case "search":
      return shell({ page: output, context, main: searchMain(output), scripts: ["/assets/search.js"] });
    case "notFound":
      return shell({ page: output, context, main: notFoundMain(output) });
    case "feed":
      return renderFeed(output, context);
    case "sitemap":
      return renderSitemap(output, context);
    case "sitemapIndex":
      return renderSitemapIndex(output, context);
    case "robots":
      return renderRobots(output, context);
    case "newsSitemap":
      return renderNewsSitemap(output, context);
    case "redirect":
      return renderRedirectPage(output, context);
    case "redirectsFile":
      return renderRedirectsFile(output, context);
  }
}
