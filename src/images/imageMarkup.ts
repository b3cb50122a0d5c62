import type { ImageFile, ProcessedImage } from "./imageCache.ts";

/** Where the site serves processed images: site-relative, so Eleventy's base plugin adds the path prefix. */
export const IMAGES_FOLDER = "images";
export const imageUrl = (file: ImageFile) => `/${IMAGES_FOLDER}/${file.name}`;

/** The story column is at most 46rem wide (layouts/assets/style.css): the browser picks a width for that. */
const SIZES = "(min-width: 46rem) 46rem, 100vw";

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const srcset = (files: readonly ImageFile[]) => files.map((file) => `${imageUrl(file)} ${file.width}w`).join(", ");

/** Attributes as `name="value"`; values are escaped already (as sanitize-html wrote them, or by escapeAttribute). */
const attributesOf = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join("");

/**
 * An image its editor gave no alt text is a warning (issue 20), and is published with an empty
 * alt: valid HTML, and a screen reader skips it instead of reading its file name, which here is
 * a hash ("03646f9d3332b6d4039a-960.jpeg").
 */
const WITHOUT_ALT = { alt: "" };

/**
 * An image as a reader's browser gets it: `<picture>` with WebP and the JPEG or PNG fallback
 * in a `srcset` of its widths, the largest fallback's width and height set so that nothing
 * moves as it loads; a GIF or SVG as a plain `<img>`. `lazy`: for images below the top of the
 * page (a lead image is not).
 */
export function imageMarkup(image: ProcessedImage, attributes: Record<string, string>, lazy: boolean): string {
  const largest = image.fallback[image.fallback.length - 1];
  const { width: _width, height: _height, loading: _loading, decoding: _decoding, srcset: _srcset, sizes: _sizes, ...kept } = attributes;
  const img = {
    src: imageUrl(largest),
    ...(image.modern.length > 0 ? { srcset: srcset(image.fallback), sizes: SIZES } : {}),
    ...WITHOUT_ALT,
    ...kept,
    width: String(largest.width),
    height: String(largest.height),
    ...(lazy ? { loading: "lazy" } : {}),
    decoding: "async",
  };
  if (image.modern.length === 0) return `<img${attributesOf(img)}>`;
  return `<picture><source type="image/webp" srcset="${srcset(image.modern)}" sizes="${SIZES}"><img${attributesOf(img)}></picture>`;
}

/** An image from another site (`https:` only, which the CSP allows for images): shown as it is. */
export function remoteImageMarkup(src: string, attributes: Record<string, string>, lazy: boolean): string {
  const { loading: _loading, decoding: _decoding, ...kept } = attributes;
  return `<img${attributesOf({ src: escapeAttribute(src), ...WITHOUT_ALT, ...kept, ...(lazy ? { loading: "lazy" } : {}), decoding: "async" })}>`;
}
