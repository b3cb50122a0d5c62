// schema.ts imports this module for its declaration: only a hoisted function is taken from it here.
import { describeValue, type FieldResult, type FieldSpec } from "../article/schema.ts";

/** A story's lead image as its front matter gives it (issue 20): shown at the top of its page and shared as og:image. */
export interface LeadImage {
  /** A file relative to the story's file, or an https: address. */
  src: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

const KEYS = ["src", "alt", "caption", "credit"] as const;
const HINT = 'write image: photos/quay.jpg, or image:\\n  src: photos/quay.jpg\\n  alt: "What it shows"\\n  caption: …\\n  credit: …';

/** `image: path`, or `image: { src, alt, caption, credit }`; `alt: ""` marks a decorative image. */
export const leadImageField: FieldSpec<LeadImage> = {
  required: false,
  doc: {
    example:
      '\n  src: https://images.example.org/terminal.jpg\n  alt: "The new ferry terminal at dawn"\n  caption: "Opening day."\n  credit: "Photo: Mara Quint"',
    note: "the lead image: a file beside the story (image: photos/terminal.jpg alone is its src) or an https: address",
  },
  read(raw): FieldResult<LeadImage> {
    if (typeof raw === "string") raw = { src: raw };
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      return { ok: false, message: `image: expected a file name or a map, received ${describeValue(raw)}`, hint: HINT };
    const entries = raw as Record<string, unknown>;
    const unknown = Object.keys(entries).find((key) => !(KEYS as readonly string[]).includes(key));
    if (unknown !== undefined)
      return { ok: false, message: `image: unknown key "${unknown}"`, hint: "an image has src, alt, caption and credit" };
    const image: Record<string, string> = {};
    for (const key of KEYS) {
      const value = entries[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== "string" && typeof value !== "number")
        return { ok: false, message: `image: ${key}: expected text, received ${describeValue(value)}`, hint: HINT };
      const text = String(value).trim();
      // An empty alt marks a decorative image; an empty caption or credit is none.
      if (text !== "" || key === "alt") image[key] = text;
    }
    if (!image.src) return { ok: false, message: "image: src: is missing", hint: HINT };
    return { ok: true, value: image as unknown as LeadImage };
  },
};
