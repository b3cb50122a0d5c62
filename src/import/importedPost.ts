import type { Problem } from "../problems.ts";
import type { ProposedSettings } from "./proposedSettings.ts";

/** One post read from an old site, before it is given a place in the archive. */
export interface ImportedPost {
  /** The source file, as the editor named it, for the report. */
  file: string;
  /** 1-based line of the post in `file` (a WXR item or feed entry), when the file holds several. */
  line?: number;
  /** 1-based line of `file` on which `body` starts, when the body is the file's text as written. */
  bodyStartLine?: number;
  title: string;
  /** The day of publication in the source's own zone, YYYY-MM-DD. */
  date: string;
  byline: string[];
  topics: string[];
  summary?: string;
  draft: boolean;
  /** Markdown (HTML kept as written); links still as the old site wrote them, made absolute or site-relative. */
  body: string;
  /** The post's addresses on the old site, site-relative ("/2018/03/04/x/"); the first is its permalink. */
  oldPaths: string[];
  /** The post's own slug on the old site, when it had one. */
  oldSlug?: string;
  /** WordPress post ID, for `?p=123` links. */
  postId?: string;
  /** The old site's address of the original, for `source:`. */
  source?: string;
  /** The post's featured image, as the old site served it (WordPress's `_thumbnail_id`, Jekyll's `image`, Hugo's `images`), for `image:`; `line` names it. */
  image?: { href: string; alt?: string; caption?: string; line?: number };
}

/** What a source module reads from an old site. */
export interface ImportedSite {
  posts: ImportedPost[];
  /** Posts left out (a page, an empty item), with why. */
  skipped: { file: string; line?: number; reason: string }[];
  warnings: Problem[];
  /** The old site's address (scheme, host and base path), for links written absolute. */
  siteUrl?: string;
  /** The site settings the old site's configuration proposes (see proposeSettings). */
  settings?: ProposedSettings;
  /** Finds the file of an image the old site served at this site-relative path. */
  imageFile(sitePath: string, post: ImportedPost): string | undefined;
  /** A feed holds no image files: its featured images stay at their `https:` addresses, as the story's image: (issue 21). */
  featuredImagesStayRemote?: boolean;
}
