import { AxeBuilder } from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser, type Browser } from "../support/browser.ts";
import { temporaryFolder } from "../support/builtSite.ts";
import type { FixtureArchive } from "../support/fixtureArchive.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";
import sharp from "sharp";
import {
  archiveWithImages,
  buildWithImages,
  photo,
  REMOTE_IMAGE,
  STORY_WITH_IMAGES_URL,
  STORY_WITH_SMALL_LEAD_URL,
} from "../support/storyWithImages.ts";

/**
 * A story's images as a reader's browser gets them (issue 20), the site hosted under /news/:
 * photos and charts as <picture> with WebP and a JPEG/PNG fallback in widths no wider than the
 * source, width and height set, loaded lazily; SVG and GIF as they are; another site's photo as
 * a plain <img>, which the Content-Security-Policy allows.
 */
interface Context {
  archive: FixtureArchive;
  output: string;
  server: StaticServer;
  browser: Browser;
  page: Page;
  violations: string[];
  failedResponses: string[];
  warnings: string[];
}

const images = suite<Context>("a story's images load as pictures with their widths, under the path prefix");

images.before(async (context) => {
  context.archive = await archiveWithImages();
  context.output = path.join(temporaryFolder(), "site");
  const built = await buildWithImages({
    input: context.archive.articles,
    output: context.output,
    pathPrefix: "/news/",
    cacheDir: temporaryFolder(),
  });
  context.warnings = built.warnings;
  context.server = await serveSite(context.output, "/news/");
  context.browser = await launchBrowser();
  context.violations = [];
  context.failedResponses = [];
  const remotePhoto = await photo(320, 200, 90);
  // Off the network: the other site's photo is answered here.
  await context.browser.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.request().url() === REMOTE_IMAGE ? route.fulfill({ contentType: "image/jpeg", body: remotePhoto }) : route.abort(),
  );
  context.page = await context.browser.context.newPage();
  context.page.on("response", (response) => {
    if (response.status() >= 400) context.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  await context.page.exposeFunction("reportViolation", (text: string) => context.violations.push(text));
  await context.page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await context.page.setViewportSize({ width: 1000, height: 5000 });
  await context.page.goto(context.server.url + STORY_WITH_IMAGES_URL.slice(1), { waitUntil: "load" });
  // Lazy images below the fold load once scrolled to.
  await context.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await context.page.waitForFunction(() => [...document.images].every((image) => image.complete), undefined, { timeout: 10_000 });
});

images.after(async (context) => {
  await context.browser?.close();
  await context.server?.close();
  await context.archive?.remove();
});

images("every image loads, nothing is a 404, and the CSP blocks nothing", async ({ page, violations, failedResponses }) => {
  const loaded = await page.$$eval(".story .body img", (all) =>
    all.map((image) => [image.getAttribute("src"), (image as HTMLImageElement).naturalWidth]),
  );
  assert.is(loaded.length, 6);
  for (const [src, naturalWidth] of loaded) assert.ok(Number(naturalWidth) > 0, `${src} did not load`);
  assert.equal(failedResponses, []);
  assert.equal(violations, []);
});

images("the photo and the chart are pictures with WebP and their own format, no wider than their files", async ({ page }) => {
  const pictures = await page.$$eval(".story .body picture", (all) =>
    all.map((picture) => {
      const source = picture.querySelector("source")!;
      const image = picture.querySelector("img")!;
      return {
        type: source.getAttribute("type"),
        webp: source.getAttribute("srcset"),
        fallback: image.getAttribute("srcset"),
        src: image.getAttribute("src"),
        width: image.getAttribute("width"),
        height: image.getAttribute("height"),
        alt: image.getAttribute("alt"),
        title: image.getAttribute("title"),
        loading: image.getAttribute("loading"),
        decoding: image.getAttribute("decoding"),
      };
    }),
  );
  assert.is(pictures.length, 3);
  const [front, chart] = pictures;
  assert.is(front.alt, "The glass front of the new ferry terminal at low tide");
  assert.is(front.title, "The terminal from the south pier");
  assert.is(chart.alt, "Tide heights for the week, highest on Thursday");
  const widthsOf = (srcset: string | null) =>
    String(srcset)
      .split(", ")
      .map((entry) => Number(entry.split(" ")[1].replace("w", "")));
  for (const [picture, sourceWidth, height, fallbackType, expectedWidths] of [
    // Narrower than the largest width made (1,600): the source's own width is the largest candidate.
    [front, 1200, 800, "jpeg", [480, 960, 1200]],
    [chart, 640, 400, "png", [480, 640]],
  ] as const) {
    assert.is(picture.type, "image/webp");
    assert.match(String(picture.webp), /^\/news\/images\/[0-9a-f]+-\d+\.webp \d+w/);
    const widths = widthsOf(picture.fallback);
    const largest = Math.max(...widths);
    assert.ok(widths.length >= 2, `${picture.fallback}: a srcset of one width`);
    assert.ok(largest <= sourceWidth, `${picture.fallback} is wider than the ${sourceWidth}px source`);
    assert.equal(widths, [...expectedWidths]);
    assert.match(String(picture.src), new RegExp(`^/news/images/[0-9a-f]+-${largest}\\.${fallbackType}$`));
    assert.equal(widthsOf(picture.webp), widths);
    // The largest file's size, in the source's proportions: nothing moves as it loads.
    assert.equal([picture.width, picture.height], [String(largest), String(Math.round((largest * height) / sourceWidth))]);
    assert.equal([picture.loading, picture.decoding], ["lazy", "async"]);
  }
});

images("the SVG and the GIF are plain images as they were, the other site's photo too", async ({ page }) => {
  const plain = await page.$$eval(".story .body img:not(picture img)", (all) =>
    all.map((image) => [image.getAttribute("src"), image.getAttribute("alt"), image.getAttribute("width"), image.getAttribute("loading")]),
  );
  assert.is(plain.length, 3);
  const [logo, gif, remote] = plain;
  assert.match(String(logo[0]), /^\/news\/images\/[0-9a-f]+\.svg$/);
  assert.equal(logo.slice(1), ["", "120", "lazy"]);
  assert.match(String(gif[0]), /^\/news\/images\/[0-9a-f]+\.gif$/);
  assert.equal(gif.slice(1), ["Boarding ramp lowering, in three frames", "90", "lazy"]);
  assert.equal(remote, [REMOTE_IMAGE, "The old wooden pier in 1987", null, "lazy"]);
});

images("the lead image is at the top in a figure with caption and credit, loaded at once", async ({ page }) => {
  const lead = page.locator(".story figure.lead-image");
  assert.is(await lead.count(), 1);
  const image = lead.locator("picture > img");
  assert.is(await image.getAttribute("alt"), "The south quay at dawn, the terminal lit");
  assert.is(await image.getAttribute("loading"), null);
  assert.equal([await image.getAttribute("width"), await image.getAttribute("height")], ["1600", "900"]);
  assert.ok(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth > 0));
  assert.match(await lead.locator("figcaption").innerText(), /^Opening morning on the south quay\. Photo: Mara Quint \/ Harbour Courier$/);
});

/** The og:image tags and the JSON-LD images of a story page, and each image's size as its file has it. */
async function sharedImages(page: Page, siteUrl: string) {
  const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");
  const newsArticle = JSON.parse(String(await page.locator('script[type="application/ld+json"]').textContent()));
  const sizes: string[] = [];
  for (const url of newsArticle.image as string[]) {
    // The base URL is the site's address to be: the file is fetched from where it is served here.
    const response = await page.request.get(url.replace("https://archive.example.com/news/", siteUrl));
    const { width, height } = await sharp(await response.body()).metadata();
    sizes.push(`${width}x${height}`);
  }
  return {
    ogImage: String(await meta("og:image")),
    ogSize: [await meta("og:image:width"), await meta("og:image:height")],
    ogAlt: await meta("og:image:alt"),
    images: newsArticle.image as string[],
    sizes,
  };
}

images(
  "link previews get the lead photo's 16:9 and 4:3 crops 1,200 px wide, the 1:1 left out as the photo is 900 px high",
  async ({ page, server }) => {
    const shared = await sharedImages(page, server.url);
    assert.match(shared.ogImage, /^https:\/\/archive\.example\.com\/news\/images\/[0-9a-f]+-16x9-1200\.jpeg$/);
    assert.equal(shared.ogSize, ["1200", "675"]);
    assert.is(shared.ogAlt, "The south quay at dawn, the terminal lit");
    assert.is(shared.images[0], shared.ogImage);
    assert.match(shared.images[1], /^https:\/\/archive\.example\.com\/news\/images\/[0-9a-f]+-4x3-1200\.jpeg$/);
    assert.equal(shared.sizes, ["1200x675", "1200x900"]);
  },
);

images("a lead photo narrower than 1,200 px is shared at its own size alone", async ({ page, server }) => {
  const story = await page.context().newPage();
  await story.goto(server.url + STORY_WITH_SMALL_LEAD_URL.slice(1));
  const shared = await sharedImages(story, server.url);
  assert.match(shared.ogImage, /^https:\/\/archive\.example\.com\/news\/images\/[0-9a-f]+-800\.jpeg$/);
  assert.equal(shared.ogSize, ["800", "600"]);
  assert.is(shared.ogAlt, "The departures board at the ferry terminal");
  assert.equal(shared.images, [shared.ogImage]);
  assert.equal(shared.sizes, ["800x600"]);
  await story.close();
});

images(
  "the topic page shows each story's lead photo small beside its title, sized and lazy, and it loads",
  async ({ page, server, violations, failedResponses }) => {
    const list = await page.context().newPage();
    await list.goto(server.url + "topics/ferries/");
    await list.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await list.waitForFunction(() => [...document.images].every((image) => image.complete), undefined, { timeout: 10_000 });
    const thumbnails = await list.$$eval(".story-list > li", (items) =>
      items.map((item) => {
        const image = item.querySelector("img.thumbnail") as HTMLImageElement | null;
        return {
          title: item.querySelector("a")!.textContent,
          src: image?.getAttribute("src"),
          alt: image?.alt,
          size: [image?.getAttribute("width"), image?.getAttribute("height")],
          loading: image?.getAttribute("loading"),
          loaded: (image?.naturalWidth ?? 0) > 0,
          shownWidth: image?.getBoundingClientRect().width,
        };
      }),
    );
    assert.equal(
      thumbnails.map(({ title, alt, size, loading, loaded }) => ({ title, alt, size, loading, loaded })),
      [
        {
          title: "Winter Timetable for the Island Ferry",
          alt: "The departures board at the ferry terminal",
          size: ["320", "240"],
          loading: "lazy",
          loaded: true,
        },
        {
          title: "The New Ferry Terminal Opens",
          alt: "The south quay at dawn, the terminal lit",
          size: ["320", "180"],
          loading: "lazy",
          loaded: true,
        },
      ],
    );
    for (const { src, shownWidth } of thumbnails) {
      assert.match(String(src), /^\/news\/images\/[0-9a-f]+-thumb-320\.webp$/);
      assert.ok(Number(shownWidth) > 0 && Number(shownWidth) <= 160, `shown ${shownWidth}px wide: small`);
    }
    assert.equal(failedResponses, []);
    assert.equal(violations, []);
    await list.close();
  },
);

images(
  "a search result shows the story's lead photo small, with its alt text, and an excerpt of its body",
  async ({ page, server, violations, failedResponses }) => {
    const search = await page.context().newPage();
    await search.goto(server.url + "search/?q=terminal");
    await search.waitForSelector("html[data-search-ready]", { timeout: 15_000 });
    const result = search.locator("#search-results > li", { has: search.getByRole("link", { name: "The New Ferry Terminal Opens" }) });
    const thumbnail = result.locator("img.thumbnail");
    await thumbnail.evaluate((image: HTMLImageElement) => image.decode());
    assert.match(String(await thumbnail.getAttribute("src")), /\/news\/images\/[0-9a-f]+-thumb-320\.webp$/);
    assert.is(await thumbnail.getAttribute("alt"), "The south quay at dawn, the terminal lit");
    assert.is(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth), 320);
    const excerpt = String(await result.locator(".excerpt").textContent());
    assert.ok(excerpt.startsWith("The terminal on the south quay opened to passengers at 6 a.m. on Monday"), excerpt);
    assert.not.match(excerpt, /&(lt|gt|amp|quot|#39);|<|>|Mara Quint/);
    assert.equal(failedResponses, []);
    assert.equal(violations, []);
    await search.close();
  },
);

images(
  "the story page, a list of stories with thumbnails and search results with one meet WCAG 2.1 AA and are valid HTML",
  async ({ page, server, output }) => {
    for (const address of [STORY_WITH_IMAGES_URL.slice(1), "topics/ferries/", "search/?q=terminal"]) {
      const other = await page.context().newPage();
      await other.goto(server.url + address);
      if (address.startsWith("search/")) await other.waitForSelector("html[data-search-ready]", { timeout: 15_000 });
      const { violations } = await new AxeBuilder({ page: other }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      assert.equal(
        violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" ")}`),
        [],
        address,
      );
      await other.close();
    }
    const files = [STORY_WITH_IMAGES_URL, STORY_WITH_SMALL_LEAD_URL, "/topics/ferries/", "/"].map((sitePath) =>
      path.join(output, sitePath, "index.html"),
    );
    const vnu = spawnSync("java", ["-jar", "node_modules/vnu-jar/build/dist/vnu.jar", "--errors-only", ...files], { encoding: "utf8" });
    assert.is(vnu.status, 0, vnu.stderr);
  },
);

images("the published image files are copies, not links into the cache", async ({ page, output }) => {
  const srcs = await page.$$eval(".story .body img[src^='/news/images/']", (all) => all.map((image) => image.getAttribute("src")!));
  for (const src of srcs) assert.is(statSync(path.join(output, src.slice("/news/".length))).nlink, 1, src);
});

images("the image without alt text is a warning naming its story file and line, and the build goes on", ({ warnings }) => {
  const missingAlt = warnings.filter((warning) => /has no alt text/.test(warning));
  assert.is(missingAlt.length, 1, warnings.join("\n"));
  assert.match(missingAlt[0], /2024\/06\/the-new-ferry-terminal-opens\.md:31: the image "photos\/terminal-front\.jpg" has no alt text/);
});

images.run();
