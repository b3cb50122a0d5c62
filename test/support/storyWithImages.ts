import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { buildSite, type BuildOptions } from "../../src/build/buildSite.ts";
import { createFixtureArchive, type FixtureArchive } from "./fixtureArchive.ts";

/**
 * A story as a newsroom writes one with photographs (issue 20): a Markdown image with a title,
 * a chart in an HTML figure with caption and credit, a decorative SVG logo, an animated-style
 * GIF, an image from another site, and one photo its editor forgot to describe; and a second
 * story whose lead photo is 800 px wide. The image files are made here by sharp, small and real.
 */
export const STORY_WITH_IMAGES = "2024/06/the-new-ferry-terminal-opens.md";
export const STORY_WITH_IMAGES_URL = "/2024/06/03/the-new-ferry-terminal-opens/";
export const REMOTE_IMAGE = "https://images.example.org/archive/old-pier-1987.jpg";
/** A second story, whose lead photo is smaller than the 1,200 px link previews ask for. */
export const STORY_WITH_SMALL_LEAD = "2024/06/winter-timetable-for-the-island-ferry.md";
export const STORY_WITH_SMALL_LEAD_URL = "/2024/06/10/winter-timetable-for-the-island-ferry/";

const smallLead = `---
title: "Winter Timetable for the Island Ferry"
date: 2024-06-10
byline: [Mara Quint]
topics: [Ferries]
image:
  src: timetable-board.jpg
  alt: "The departures board at the ferry terminal"
---
From November the island ferry sails four times a day instead of six, the operator said on Monday.
`;

const body = `---
title: "The New Ferry Terminal Opens"
date: 2024-06-03
byline: [Mara Quint]
topics: [Ferries, Harbour]
image:
  src: photos/quay-at-dawn.jpg
  alt: "The south quay at dawn, the terminal lit"
  caption: "Opening morning on the south quay."
  credit: "Photo: Mara Quint / Harbour Courier"
---
The terminal on the south quay opened to passengers at 6 a.m. on Monday, three weeks late.

![The glass front of the new ferry terminal at low tide](photos/terminal-front.jpg "The terminal from the south pier")

Tides decide the timetable: the chart below shows the week's heights.

<figure>
<img src="tide-chart.png" alt="Tide heights for the week, highest on Thursday">
<figcaption>Tide heights, week of 3 June. Chart: Harbour Office</figcaption>
</figure>

<p><img src="harbour-logo.svg" alt=""> The Harbour Office's crest is on every ticket.</p>

![Boarding ramp lowering, in three frames](ramp.gif)

The old pier it replaces, photographed in 1987:

<img src="${REMOTE_IMAGE}" alt="The old wooden pier in 1987">

<img src="photos/terminal-front.jpg">
`;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#0b4f6c"/><circle cx="20" cy="20" r="12" fill="#f2c14e"/></svg>`;

/** A photo-like JPEG: a gradient with noise, so the encoders have something to do. */
export async function photo(width: number, height: number, tint = 0): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = ((y * 255) / height + tint) % 256;
      pixels[at + 2] = (x * y) % 251;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Builds the archive (or any) into `output`, its warnings (the photo without alt text) collected, not printed. */
export async function buildWithImages(options: BuildOptions): Promise<{ warnings: string[] }> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(" "));
  try {
    await buildSite(options);
  } finally {
    console.warn = warn;
  }
  return { warnings };
}

/** The story and its image files in a throwaway project folder. */
export async function archiveWithImages(): Promise<FixtureArchive> {
  const archive = await createFixtureArchive({ [STORY_WITH_IMAGES]: body, [STORY_WITH_SMALL_LEAD]: smallLead });
  const folder = path.join(archive.articles, path.dirname(STORY_WITH_IMAGES));
  await mkdir(path.join(folder, "photos"), { recursive: true });
  await writeFile(path.join(folder, "photos/terminal-front.jpg"), await photo(1200, 800));
  await writeFile(path.join(folder, "photos/quay-at-dawn.jpg"), await photo(1600, 900, 40));
  const chart = await sharp({ create: { width: 640, height: 400, channels: 4, background: { r: 30, g: 90, b: 160, alpha: 0.6 } } })
    .png()
    .toBuffer();
  await writeFile(path.join(folder, "tide-chart.png"), chart);
  await writeFile(path.join(folder, "harbour-logo.svg"), SVG);
  await writeFile(path.join(folder, "timetable-board.jpg"), await photo(800, 600, 200));
  const gif = await sharp({ create: { width: 90, height: 60, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .gif()
    .toBuffer();
  await writeFile(path.join(folder, "ramp.gif"), gif);
  return archive;
}
