/**
 * HTML that is safe to print. Layouts build pages with the `html` tag below: every interpolated
 * value is escaped unless it is already `Html`, so escaping is on by construction and only the
 * rendered Markdown body (raw HTML off) is let through with `trustedHtml`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Printable = Html | string | number | boolean | null | undefined | readonly Printable[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most values (names, dates, addresses) need no escaping: a test is far cheaper than a replace.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (character) => ESCAPES[character]) : text;
}

function print(value: Printable): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(print).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Printable[]): Html {
  let out = strings[0];
  for (let index = 0; index < values.length; index++) out += print(values[index]) + strings[index + 1];
  return new Html(out);
}

/** For the story body only: Markdown rendered with raw HTML off, so it holds no markup of the author's. */
export function trustedHtml(renderedMarkdown: string): Html {
  return new Html(renderedMarkdown);
}

/** JSON for a `<script type="application/ld+json">`: "<" is escaped so no value can close the element. */
export function jsonForScript(value: unknown): Html {
  return new Html(JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026"));
}
