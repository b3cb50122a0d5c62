import path from "node:path";
import type { Problem } from "../problems.ts";
import type { ImportedPost, ImportedSite } from "./importedPost.ts";

/** Where each imported post went: its source path in the archive, by every form of its old address. */
export interface PostAddresses {
  /** Normalised old path ("/2018/03/04/x") or "?p=123", to the story's source path ("2018/03/x.md"). */
  bySitePath: Map<string, string>;
}

/** An image a story uses, to copy beside it. */
export interface UsedImage {
  from: string;
  /** Relative to the articles folder. */
  to: string;
}

const IMAGE = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

/** A path with its %-escapes decoded, or as written when they are not UTF-8 (a stray "%" is not an address any post had). */
function decodedOrAsWritten(sitePath: string): string {
  try {
    return decodeURI(sitePath);
  } catch {
    return sitePath;
  }
}

/** An old path in the one form lookups use: decoded, without "index.html", ".html" or the final "/". */
export function normalisedPath(sitePath: string): string {
  const normal = decodedOrAsWritten(sitePath.split("#")[0])
    .replace(/\/index\.html?$/i, "/")
    .replace(/\.html?$/i, "")
    .replace(/\/+$/, "");
  return normal === "" ? "/" : normal.startsWith("/") ? normal : "/" + normal;
}

interface Context {
  post: ImportedPost;
  site: ImportedSite;
  /** The story's own source path ("2018/03/x.md"). */
  sourcePath: string;
  addresses: PostAddresses;
  /** Images already placed, by their path in the archive, so two posts' "photo.jpg" stay apart. */
  placed: Map<string, string>;
  images: UsedImage[];
  warnings: Problem[];
}

/**
 * Rewrites every link and image of a body: a link to another imported post becomes a relative
 * `.md` link (the archive's cross-reference, with a backlink); an image the old site served is
 * copied beside the story and pointed at there; a link to a page of the old site that is not a
 * post becomes an absolute link on the old site's address, and is reported. HTML links to posts
 * become Markdown links, since only those are cross-references.
 */
export function rewriteLinks(
  body: string,
  post: ImportedPost,
  sourcePath: string,
  site: ImportedSite,
  addresses: PostAddresses,
  placed: Map<string, string>,
): { body: string; images: UsedImage[]; warnings: Problem[]; image?: { src: string; alt?: string; caption?: string } } {
  const context: Context = { post, site, sourcePath, addresses, placed, images: [], warnings: [] };
  const image = post.image && leadImage(post.image, context);
  const lineAt = (offset: number) => lineOf(body, offset, post);
  let rewritten = body.replace(
    /(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/g,
    (whole, bang: string, text: string, href: string, title: string, offset: number) => {
      const target = bang ? imageTarget(href, context, lineAt(offset)) : linkTarget(href, context, lineAt(offset));
      return target === undefined ? whole : `${bang}[${text}](${target}${title})`;
    },
  );
  rewritten = rewritten.replace(/^(\s{0,3}\[[^\]]+\]:\s*)(\S+)/gm, (whole, start: string, href: string, offset: number) => {
    const target = IMAGE.test(href) ? imageTarget(href, context, lineAt(offset)) : linkTarget(href, context, lineAt(offset));
    return target === undefined ? whole : start + target;
  });
  rewritten = rewritten.replace(
    /<a\s([^>]*?)href=(["'])([^"']*)\2([^>]*)>([\s\S]*?)<\/a>/gi,
    (whole, before: string, _quote: string, href: string, after: string, text: string, offset: number) => {
      const target = linkTarget(href, context, lineAt(offset));
      if (target === undefined) return whole;
      if (target.endsWith(".md") || target.includes(".md#")) return `[${text}](${target})`;
      return `<a ${before}href="${target}"${after}>${text}</a>`;
    },
  );
  rewritten = rewritten.replace(
    /(<img\s[^>]*?src=)(["'])([^"']*)\2/gi,
    (whole, start: string, quote: string, src: string, offset: number) => {
      const target = imageTarget(src, context, lineAt(offset));
      return target === undefined ? whole : `${start}${quote}${target}${quote}`;
    },
  );
  return { body: rewritten, images: context.images, warnings: context.warnings, image };
}

/**
 * The post's featured image as the story's `image:`: copied beside the story like the body's
 * images; an https: address on another host kept as it is; a file missing from the old site's
 * files is a warning on the line that names it, and the story is imported without it.
 */
function leadImage(
  image: NonNullable<ImportedPost["image"]>,
  context: Context,
): { src: string; alt?: string; caption?: string } | undefined {
  const { alt, caption } = image;
  if (oldSitePath(image.href, context) === undefined || context.site.featuredImagesStayRemote)
    return image.href.startsWith("https://") ? { src: image.href, alt, caption } : undefined;
  const warned = context.warnings.length;
  const src = imageTarget(image.href, context, image.line);
  if (src === undefined) {
    context.warnings.splice(warned, 1, {
      file: context.post.file,
      line: image.line,
      message: `the featured image of "${context.post.title}", ${JSON.stringify(image.href)}, is not among the old site's files: imported without image:`,
      hint: "add the file to the old site's folder (for WordPress, to --uploads DIR) and import again with --force",
    });
    return undefined;
  }
  return { src, alt, caption };
}

function lineOf(body: string, offset: number, post: ImportedPost): number | undefined {
  const start = post.bodyStartLine ?? post.line;
  if (start === undefined) return undefined;
  return post.bodyStartLine === undefined ? start : start + body.slice(0, offset).split("\n").length - 1;
}

/** The site-relative path of an address on the old site, or undefined for another site's address. */
function oldSitePath(href: string, { post, site }: Context): string | undefined {
  if (href.startsWith("#") || /^(?:mailto|tel|data|javascript):/i.test(href)) return undefined;
  const base = site.siteUrl ? new URL(site.siteUrl) : undefined;
  const basePath = base ? base.pathname.replace(/\/+$/, "") : "";
  let url: URL;
  try {
    url = new URL(href, `http://old.invalid${post.oldPaths[0] ?? "/"}`);
  } catch {
    return undefined;
  }
  const onOldSite = url.host === "old.invalid" || (base !== undefined && url.host === base.host);
  if (!onOldSite) return undefined;
  let pathname = url.pathname;
  if (basePath !== "" && (pathname === basePath || pathname.startsWith(basePath + "/"))) pathname = pathname.slice(basePath.length) || "/";
  return pathname + url.search;
}

function linkTarget(href: string, context: Context, line: number | undefined): string | undefined {
  const sitePath = oldSitePath(href, context);
  if (sitePath === undefined) return undefined;
  const fragment = href.includes("#") ? "#" + href.split("#")[1] : "";
  const postId = /[?&]p=(\d+)/.exec(sitePath)?.[1];
  const found = context.addresses.bySitePath.get(postId ? `?p=${postId}` : normalisedPath(sitePath.split("?")[0]));
  if (found) return path.posix.relative(path.posix.dirname(context.sourcePath), found) + fragment;
  if (IMAGE.test(sitePath.split("?")[0])) return imageTarget(href, context, line);
  const { site, post } = context;
  const absolute = site.siteUrl ? site.siteUrl.replace(/\/+$/, "") + sitePath + fragment : undefined;
  context.warnings.push({
    file: post.file,
    line,
    message: absolute
      ? `links to ${JSON.stringify(href)}, a page of the old site that is not an imported post: kept as ${absolute}`
      : `links to ${JSON.stringify(href)}, a page of the old site that is not an imported post, and the old site's address is unknown: kept as written`,
    hint: absolute ? "import that page too, or check that the old site keeps serving it" : "pass --site-url https://old.example.com",
  });
  return absolute;
}

function imageTarget(href: string, context: Context, line: number | undefined): string | undefined {
  const sitePath = oldSitePath(href, context);
  if (sitePath === undefined) return undefined;
  const { site, post, sourcePath, placed } = context;
  const file = site.imageFile(decodedOrAsWritten(sitePath.split("?")[0]), post);
  if (!file) {
    context.warnings.push({
      file: post.file,
      line,
      message: `uses the image ${JSON.stringify(href)}, which is not among the old site's files`,
      hint: "add the image to the source folder (or pass --uploads DIR for WordPress) and import again with --force",
    });
    return undefined;
  }
  const folder = path.posix.dirname(sourcePath);
  let name = path.basename(file);
  const storySlug = path.posix.basename(sourcePath, ".md");
  if (placed.has(`${folder}/${name}`) && placed.get(`${folder}/${name}`) !== file) name = `${storySlug}-${name}`;
  placed.set(`${folder}/${name}`, file);
  context.images.push({ from: file, to: `${folder}/${name}` });
  return name;
}
