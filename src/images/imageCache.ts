import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { writeFileWhole } from "../writeWhole.ts";

/**
 * Story images processed once and kept in the build's cache folder (issue 20), keyed by the
 * source image's bytes and the processing options: eleventy-img alone skips work only by looking
 * in its output folder, so a clean `_site/` would re-encode everything (11ty/image #301, #312).
 * Its output folder is this cache; the site gets copies (see publishImages).
 *
 * WebP, not AVIF, beside the JPEG or PNG fallback: AVIF encodes several times slower than WebP
 * in sharp (libaom), and builds run on two shared cores; WebP is shown by every current browser.
 */
const OPTIONS = {
  /** A few widths for `srcset`; eleventy-img drops those wider than the source (then uses the source's). */
  widths: [480, 960, 1600],
  /** "auto": the source's own format (JPEG or PNG) is the fallback. */
  formats: ["webp", "auto"],
  /**
   * A source narrower than the largest width is made at its own width too, however close to the
   * width below: eleventy-img's default (1.25) drops it within 25 % of that width, so a 1,200 px
   * photo got 480 and 960 alone (`getValidWidths` in @11ty/eleventy-img/src/image.js).
   */
  minimumThreshold: 1,
};

/**
 * A lead image's extra files (issue 20): a thumbnail for story lists and search results, and
 * the 16:9, 4:3 and 1:1 crops at least 1,200 px wide that Google asks of a NewsArticle's image
 * (developers.google.com/search/docs/appearance/structured-data/article, "image"), each made
 * only when the source holds it at that width: crops are never enlarged.
 */
const LEAD_OPTIONS = {
  /** Shown about 10rem wide in lists: twice that for dense screens. */
  thumbnailWidth: 320,
  cropWidth: 1200,
  crops: [
    [16, 9],
    [4, 3],
    [1, 1],
  ] as const,
};

/** GIF (often animated) and SVG are published as they are. */
const AS_IS = new Set(["gif", "svg"]);

export interface ImageFile {
  /** The file's name in the cache folder, and in the site's `images/` folder. */
  name: string;
  width: number;
  height: number;
}

/** One image as the site serves it. */
export interface ProcessedImage {
  width: number;
  height: number;
  /** WebP files, narrowest first; none for an image published as it is. */
  modern: ImageFile[];
  /** JPEG or PNG files (or the GIF or SVG as it is), narrowest first. */
  fallback: ImageFile[];
  /** The fallback's MIME type. */
  fallbackType: string;
}

/** An image file for link previews and feed enclosures: with its size in bytes and its MIME type. */
export interface SharedImageFile extends ImageFile {
  bytes: number;
  type: string;
}

/** What a lead image gets besides its picture. */
export interface LeadRenditions {
  /** A small WebP (the GIF or SVG as it is), no wider than LEAD_OPTIONS.thumbnailWidth. */
  thumbnail: ImageFile;
  /**
   * The crops the source is large enough for, 16:9 first; when it holds none at 1,200 px wide,
   * its largest fallback file alone (its own size). None for an SVG: link previews do not show it.
   */
  shared: SharedImageFile[];
}

/** An image file the build could not decode. */
export class UndecodableImageError extends Error {}

/** The part of eleventy-img's API used here (it ships no types); see its README, "Options". */
interface EleventyImageFile {
  filename: string;
  width: number;
  height: number;
}
type EleventyImage = (
  src: Buffer,
  options: Record<string, unknown> & { filenameFormat: (id: string, src: string, width: number, format: string) => string },
) => Promise<Record<string, EleventyImageFile[]>>;

const require = createRequire(import.meta.url);
const eleventyImage = require("@11ty/eleventy-img") as EleventyImage;
const versions = `eleventy-img ${require("@11ty/eleventy-img/package.json").version}, sharp ${sharp.versions.sharp}`;

export class ImageCache {
  /** The keys of the images this build processed (decoded and encoded, or copied) rather than took from the cache. */
  private readonly processedKeys = new Set<string>();
  private readonly made = new Map<string, Promise<ProcessedImage>>();
  private readonly madeLead = new Map<string, Promise<LeadRenditions>>();

  /** How many source images this build processed, whatever it made of each (a picture, a thumbnail, crops). */
  get processed(): number {
    return this.processedKeys.size;
  }

  /** `dir`: the cache's `images/` folder (its files are named as the site's `images/` files are). */
  constructor(readonly dir: string) {}

  /** The key an image's files are named by: its bytes' hash (see storyImages.ts) and the options. */
  static keyOf(bytesHash: string): string {
    return createHash("sha256")
      .update(`${versions}\0${JSON.stringify(OPTIONS)}\0${JSON.stringify(LEAD_OPTIONS)}\0${bytesHash}`)
      .digest("hex")
      .slice(0, 20);
  }

  /** The image's files, from the cache, or made now (once a build however many stories show it). */
  image(key: string, bytes: () => Buffer): Promise<ProcessedImage> {
    let made = this.made.get(key);
    if (!made) this.made.set(key, (made = this.fromCacheOrMade(key, bytes)));
    return made;
  }

  /** A lead image's thumbnail and crops, from the cache or made now; `image`: its picture's files, from `image`. */
  lead(key: string, bytes: () => Buffer, image: ProcessedImage): Promise<LeadRenditions> {
    let made = this.madeLead.get(key);
    if (!made) this.madeLead.set(key, (made = this.fromCacheOrMadeLead(key, bytes, image)));
    return made;
  }

  private async fromCacheOrMade(key: string, bytes: () => Buffer): Promise<ProcessedImage> {
    const record = path.join(this.dir, `${key}.json`);
    const cached = readRecord<ProcessedImage>(record);
    if (cached && this.allThere([...cached.modern, ...cached.fallback])) return cached;
    this.processedKeys.add(key);
    mkdirSync(this.dir, { recursive: true });
    const made = await this.make(key, bytes());
    writeFileWhole(record, JSON.stringify(made));
    return made;
  }

  private async fromCacheOrMadeLead(key: string, bytes: () => Buffer, image: ProcessedImage): Promise<LeadRenditions> {
    const record = path.join(this.dir, `${key}.lead.json`);
    const cached = readRecord<LeadRenditions>(record);
    if (cached && this.allThere([cached.thumbnail, ...cached.shared])) return cached;
    this.processedKeys.add(key);
    mkdirSync(this.dir, { recursive: true });
    const made = await this.makeLead(key, bytes(), image);
    writeFileWhole(record, JSON.stringify(made));
    return made;
  }

  private allThere(files: readonly ImageFile[]): boolean {
    return files.every((file) => existsSync(path.join(this.dir, file.name)));
  }

  private async makeLead(key: string, bytes: Buffer, image: ProcessedImage): Promise<LeadRenditions> {
    const largest = image.fallback[image.fallback.length - 1];
    if (image.fallbackType === "image/gif" || image.fallbackType === "image/svg+xml") {
      // A GIF or SVG is its own thumbnail, as it is its own picture.
      const shared = image.fallbackType === "image/svg+xml" ? [] : [this.sharedFile(largest, image.fallbackType)];
      return { thumbnail: largest, shared };
    }
    const stats = await eleventyImage(bytes, {
      widths: [LEAD_OPTIONS.thumbnailWidth],
      formats: ["webp"],
      outputDir: this.dir,
      filenameFormat: (_id: string, _src: string, fileWidth: number, fileFormat: string) => `${key}-thumb-${fileWidth}.${fileFormat}`,
      useCache: false,
      sharpOptions: { failOn: "error" },
    });
    const thumbnail = stats.webp[0];
    const crops: SharedImageFile[] = [];
    // Crops are cut from the picture as a reader sees it, turned as its EXIF orientation says (as eleventy-img turns it).
    const { orientation = 1 } = await sharp(bytes).metadata();
    const [sourceWidth, sourceHeight] = orientation >= 5 ? [image.height, image.width] : [image.width, image.height];
    const format = image.fallbackType === "image/png" ? "png" : "jpeg";
    for (const [across, down] of LEAD_OPTIONS.crops) {
      const widest = Math.min(sourceWidth, Math.floor((sourceHeight * across) / down));
      if (widest < LEAD_OPTIONS.cropWidth) continue;
      const width = LEAD_OPTIONS.cropWidth;
      const height = Math.round((width * down) / across);
      const name = `${key}-${across}x${down}-${width}.${format}`;
      const resized = sharp(bytes, { failOn: "error" }).rotate().resize(width, height, { fit: "cover", position: "centre" });
      const info = await (format === "png" ? resized.png() : resized.jpeg({ quality: 82 })).toFile(path.join(this.dir, name));
      crops.push({ name, width: info.width, height: info.height, bytes: info.size, type: `image/${format}` });
    }
    return {
      thumbnail: { name: thumbnail.filename, width: thumbnail.width, height: thumbnail.height },
      shared: crops.length > 0 ? crops : [this.sharedFile(largest, image.fallbackType)],
    };
  }

  private sharedFile(file: ImageFile, type: string): SharedImageFile {
    return { ...file, bytes: statSync(path.join(this.dir, file.name)).size, type };
  }

  private async make(key: string, bytes: Buffer): Promise<ProcessedImage> {
    let metadata: sharp.Metadata;
    try {
      metadata = await sharp(bytes, { failOn: "error" }).metadata();
    } catch (error) {
      throw new UndecodableImageError(error instanceof Error ? error.message : String(error));
    }
    const { format, width, height } = metadata;
    if (!format || !width || !height) throw new UndecodableImageError("it has no width and height");
    if (AS_IS.has(format)) {
      const file = { name: `${key}.${format}`, width, height };
      writeFileSync(path.join(this.dir, file.name), bytes);
      return { width, height, modern: [], fallback: [file], fallbackType: format === "svg" ? "image/svg+xml" : "image/gif" };
    }
    let stats: Record<string, EleventyImageFile[]>;
    try {
      stats = await eleventyImage(bytes, {
        ...OPTIONS,
        outputDir: this.dir,
        filenameFormat: (_id: string, _src: string, fileWidth: number, fileFormat: string) => `${key}-${fileWidth}.${fileFormat}`,
        // This cache decides what is made; eleventy-img's own memory of a process's images would skip writing them.
        useCache: false,
        sharpOptions: { failOn: "error" },
      });
    } catch (error) {
      throw new UndecodableImageError(error instanceof Error ? error.message : String(error));
    }
    const files = (format: string) =>
      (stats[format] ?? []).map((entry) => ({ name: entry.filename, width: entry.width, height: entry.height }));
    const fallbackFormat = Object.keys(stats).find((name) => name !== "webp")!;
    return {
      width,
      height,
      modern: fallbackFormat === "webp" ? [] : files("webp"),
      fallback: files(fallbackFormat),
      fallbackType: `image/${fallbackFormat}`,
    };
  }
}

function readRecord<Record>(file: string): Record | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record;
  } catch {
    return undefined;
  }
}
