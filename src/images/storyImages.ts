import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Problem, Warning } from "../problems.ts";
import type { LeadImage } from "./leadImageField.ts";
import { BuildError } from "../problems.ts";
import { fillBodyImages, type BodyImage } from "./bodyImages.ts";
import { ImageCache, UndecodableImageError, type LeadRenditions, type ProcessedImage } from "./imageCache.ts";
import { escapeAttribute, imageMarkup, imageUrl, remoteImageMarkup } from "./imageMarkup.ts";

/** An image a story shows, once its `src` is resolved. */
export type ResolvedImage =
  | { kind: "remote"; src: string }
  | {
      kind: "file";
      src: string;
      /** The image file as an editor would open it, for messages. */
      file: string;
      absolute: string;
      /** The cache key of its files (see ImageCache.keyOf). */
      key: string;
      /** Where the story shows it, for messages: "articles/2024/05/a.md:12". */
      usedAt: string;
    };

/** A lead image as a story's page shows it: its markup (not lazy: it is at the top), and what link previews get. */
export interface LeadImageView {
  html: string;
  alt: string;
  caption?: string;
  credit?: string;
  /**
   * For og:image (the first), the JSON-LD and feed enclosures: site paths (or another site's
   * address), with their size and type when known; the 16:9, 4:3 and 1:1 crops where the source
   * is large enough. Empty for an SVG, which link previews do not show.
   */
  shared: SharedImage[];
}

export interface SharedImage {
  url: string;
  width?: number;
  height?: number;
  /** The file's size in bytes, for a feed's enclosure. */
  bytes?: number;
  type?: string;
}

/** A lead image as a list of stories or a search result shows it: small, by a site path. */
export interface Thumbnail {
  src: string;
  alt: string;
  width: number;
  height: number;
}

/** The story an image belongs to, as resolving it needs it. */
export interface ImageOwner {
  sourcePath: string;
  file: string;
  bodyStartLine: number;
}

/**
 * The images of an archive's stories (issue 20): each `src` resolved against the story's file,
 * a missing file a problem naming the story's file and line, a missing alt text a warning;
 * processed (or taken from the cache) by `process`, then printed into each story's body.
 * Without an articles folder (a test of the model), images are left as they were written.
 */
export class ArchiveImages {
  /** By story: each served image of its body by its index, undefined where it could not be resolved. */
  private readonly byOwner = new Map<string, (ResolvedImage | undefined)[]>();
  private readonly leadByOwner = new Map<string, { image: LeadImage; resolved: ResolvedImage }>();
  private readonly processed = new Map<string, ProcessedImage>();
  private readonly renditions = new Map<string, LeadRenditions>();
  private readonly bytes = new Map<string, Buffer>();

  /** `articlesDir`: the folder story files are in, as the build reads it; `articlesFolder`: as an editor names it. */
  constructor(
    private readonly articlesDir: string | undefined,
    private readonly articlesFolder: string,
  ) {}

  /**
   * Resolves a story's body images, reading each file: returns the hashes of their bytes, which
   * go into the story's key (a changed image changes the page's fingerprint), or [] if none.
   */
  resolve(owner: ImageOwner, images: readonly BodyImage[], problems: Problem[], warnings: Warning[]): string[] {
    const resolved: (ResolvedImage | undefined)[] = [];
    const hashes: string[] = [];
    for (const image of images) {
      const one = this.resolveOne(owner, image.src, image.alt, owner.bodyStartLine + image.bodyLine - 1, problems, warnings);
      resolved.push(one?.image);
      if (one) hashes.push(one.hash);
    }
    this.byOwner.set(owner.sourcePath, resolved);
    return hashes;
  }

  /** Resolves a story's lead image (front matter `image:`, on `line`), as `resolve` does its body's. */
  resolveLead(owner: ImageOwner, image: LeadImage, line: number, problems: Problem[], warnings: Warning[]): string[] {
    const one = this.resolveOne(owner, image.src, image.alt, line, problems, warnings);
    if (!one) return [];
    this.leadByOwner.set(owner.sourcePath, { image, resolved: one.image });
    return [one.hash];
  }

  private resolveOne(
    owner: ImageOwner,
    src: string,
    alt: string | undefined,
    line: number,
    problems: Problem[],
    warnings: Warning[],
  ): { image: ResolvedImage; hash: string } | undefined {
    if (alt === undefined)
      warnings.push({
        file: owner.file,
        line,
        message: `the image "${src}" has no alt text`,
        hint: 'describe what it shows in its alt text, or give it an empty alt ("") if it is only decoration',
      });
    if (/^https:/i.test(src.trim())) return { image: { kind: "remote", src: src.trim() }, hash: src.trim() };
    if (this.articlesDir === undefined) return undefined;
    const relative = imagePathOf(src, owner.sourcePath);
    if (relative === undefined) {
      problems.push({
        file: owner.file,
        line,
        message: `shows the image "${src}", which is outside the articles folder`,
        hint: "put the image file beside the story, or in a folder under the articles folder, and give its path from the story's file",
      });
      return undefined;
    }
    const absolute = path.join(this.articlesDir, ...relative.split("/"));
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch {
      problems.push({
        file: owner.file,
        line,
        message: `shows the image "${src}", but there is no file ${this.articlesFolder}${relative}`,
        hint: "an image's path is relative to the story's file: check its name, or put the image file there",
      });
      return undefined;
    }
    const bytesHash = createHash("sha256").update(bytes).digest("base64");
    const key = ImageCache.keyOf(bytesHash);
    this.bytes.set(key, bytes);
    return {
      image: { kind: "file", src, file: `${this.articlesFolder}${relative}`, absolute, key, usedAt: `${owner.file}:${line}` },
      hash: bytesHash,
    };
  }

  /**
   * Every resolved image processed, or taken from `cache`; two at a time, as builds share two
   * cores. An image that cannot be decoded stops the build, naming it and the story.
   */
  async process(cache: ImageCache): Promise<void> {
    const files = new Map<string, Extract<ResolvedImage, { kind: "file" }>>();
    const every = [...[...this.byOwner.values()].flat(), ...[...this.leadByOwner.values()].map((lead) => lead.resolved)];
    for (const image of every) if (image?.kind === "file") files.set(image.key, image);
    const leads = new Set([...this.leadByOwner.values()].flatMap(({ resolved }) => (resolved.kind === "file" ? [resolved.key] : [])));
    const queue = [...files.values()];
    const undecodable: string[] = [];
    const work = async () => {
      for (let image = queue.shift(); image; image = queue.shift()) {
        const bytes = () => this.bytes.get(image.key)!;
        try {
          const processed = await cache.image(image.key, bytes);
          this.processed.set(image.key, processed);
          if (leads.has(image.key)) this.renditions.set(image.key, await cache.lead(image.key, bytes, processed));
        } catch (error) {
          if (!(error instanceof UndecodableImageError)) throw error;
          undecodable.push(`${image.file} (shown by ${image.usedAt}): ${error.message}`);
        }
      }
    };
    await Promise.all([work(), work()]);
    this.bytes.clear();
    if (undecodable.length > 0)
      throw new BuildError({
        title: `${undecodable.length === 1 ? "an image file cannot" : `${undecodable.length} image files cannot`} be decoded`,
        details: undecodable.sort().join("\n"),
        hint: "open the image in an image editor and save it again as JPEG, PNG, WebP, GIF or SVG",
      });
  }

  /** The names of every processed image's files, in the cache's images folder and the site's. */
  fileNames(): string[] {
    const names = new Set([...this.processed.values()].flatMap((image) => [...image.modern, ...image.fallback].map((file) => file.name)));
    for (const lead of this.renditions.values()) for (const file of [lead.thumbnail, ...lead.shared]) names.add(file.name);
    return [...names];
  }

  /** A story's body HTML with each image's markup where its placeholder is. */
  bodyHtml(owner: ImageOwner, html: string, sources: readonly BodyImage[]): string {
    const images = this.byOwner.get(owner.sourcePath) ?? [];
    return fillBodyImages(html, (index, attributes) => {
      const image = images[index];
      const processed = image?.kind === "file" ? this.processed.get(image.key) : undefined;
      if (processed) return imageMarkup(processed, attributes, true);
      // Remote, or not resolved (no articles folder): as written.
      return remoteImageMarkup(image?.kind === "remote" ? image.src : (sources[index]?.src ?? ""), attributes, true);
    });
  }

  /** A story's lead image as its page shows and shares it, if it has one. */
  lead(owner: ImageOwner): LeadImageView | undefined {
    const lead = this.leadByOwner.get(owner.sourcePath);
    if (!lead) return undefined;
    const { image, resolved } = lead;
    const attributes = { alt: escapeAttribute(image.alt ?? "") };
    const view = { caption: image.caption, credit: image.credit, alt: image.alt ?? "" };
    if (resolved.kind === "remote")
      return { ...view, html: remoteImageMarkup(resolved.src, attributes, false), shared: [{ url: resolved.src }] };
    const processed = this.processed.get(resolved.key);
    const renditions = this.renditions.get(resolved.key);
    if (!processed || !renditions) return undefined;
    return {
      ...view,
      html: imageMarkup(processed, attributes, false),
      shared: renditions.shared.map((file) => ({
        url: imageUrl(file),
        width: file.width,
        height: file.height,
        bytes: file.bytes,
        type: file.type,
      })),
    };
  }

  /**
   * A story's lead image as lists of stories and search results show it, if it has one served
   * from the site: another site's image is left out, as its size is not known.
   */
  thumbnail(owner: Pick<ImageOwner, "sourcePath">): Thumbnail | undefined {
    const lead = this.leadByOwner.get(owner.sourcePath);
    if (!lead || lead.resolved.kind !== "file") return undefined;
    const file = this.renditions.get(lead.resolved.key)?.thumbnail;
    return file && { src: imageUrl(file), alt: lead.image.alt ?? "", width: file.width, height: file.height };
  }
}

/** The image's path from the articles folder ("2024/05/bridge.jpg"), or undefined when it leads out of it. */
function imagePathOf(src: string, sourcePath: string): string | undefined {
  const withoutQuery = src.trim().split(/[?#]/)[0];
  const fromRoot = withoutQuery.startsWith("/") ? withoutQuery.slice(1) : path.posix.join(path.posix.dirname(sourcePath), withoutQuery);
  const normal = path.posix.normalize(fromRoot);
  return normal.startsWith("../") || normal === ".." || normal === "." ? undefined : normal;
}
