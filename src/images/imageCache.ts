import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
  /** How many images this build processed (decoded and encoded, or copied) rather than took from the cache. */
  processed = 0;
  private readonly made = new Map<string, Promise<ProcessedImage>>();

  /** `dir`: the cache's `images/` folder (its files are named as the site's `images/` files are). */
  constructor(readonly dir: string) {}

  /** The key an image's files are named by: its bytes' hash (see storyImages.ts) and the options. */
  static keyOf(bytesHash: string): string {
    return createHash("sha256")
      .update(`${versions}\0${JSON.stringify(OPTIONS)}\0${bytesHash}`)
      .digest("hex")
      .slice(0, 20);
  }

  /** The image's files, from the cache, or made now (once a build however many stories show it). */
  image(key: string, bytes: () => Buffer): Promise<ProcessedImage> {
    let made = this.made.get(key);
    if (!made) this.made.set(key, (made = this.fromCacheOrMade(key, bytes)));
    return made;
  }

  private async fromCacheOrMade(key: string, bytes: () => Buffer): Promise<ProcessedImage> {
    const record = path.join(this.dir, `${key}.json`);
    const cached = readRecord(record);
    if (cached && [...cached.modern, ...cached.fallback].every((file) => existsSync(path.join(this.dir, file.name)))) return cached;
    this.processed++;
    mkdirSync(this.dir, { recursive: true });
    const made = await this.make(key, bytes());
    writeFileWhole(record, JSON.stringify(made));
    return made;
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

function readRecord(file: string): ProcessedImage | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ProcessedImage;
  } catch {
    return undefined;
  }
}
