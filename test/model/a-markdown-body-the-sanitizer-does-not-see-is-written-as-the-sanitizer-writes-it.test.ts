import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { referencePlaceholder } from "../../src/archive/parseCache.ts";
import { markBodyImages } from "../../src/images/bodyImages.ts";
import { safeHtml } from "../../src/markdown/safeHtml.ts";
import { rendersInsideAllowlist, safeMarkdownHtml } from "../../src/markdown/safeMarkdownHtml.ts";
import { createStoryMarkdown, findCrossReferences } from "../../src/markdown/storyMarkdown.ts";

/**
 * A story body of Markdown alone is written without sanitize-html when everything markdown-it
 * writes of it is inside the allowlist (issue 23: the sanitizer was a fifth of the archive's
 * model). Each body here is rendered both ways, as the build renders it (its links to story
 * files and its images given placeholders), and the HTML must be the same byte for byte as the
 * sanitizer's output of markdown-it's as it was written before (`<br>`, `&quot;` in text).
 */
const markdown = createStoryMarkdown();
const before = createStoryMarkdown().set({ xhtmlOut: false });

function rendered(md: typeof markdown, body: string, sourcePath = "2024/05/story.md") {
  const env = {};
  const tokens = md.parse(body, env);
  for (const [index, [token]] of [...findCrossReferences(tokens, sourcePath)].entries()) token.attrSet("href", referencePlaceholder(index));
  markBodyImages(tokens);
  return { tokens, env };
}

/** Both ways of one body, and whether the sanitizer was left out. */
function bothWays(body: string) {
  const fast = rendered(markdown, body);
  const html = safeMarkdownHtml(markdown, fast.tokens, fast.env);
  const old = rendered(before, body);
  const sanitized = safeHtml(before.renderer.render(old.tokens, before.options, old.env));
  return { html, sanitized, unsanitized: rendersInsideAllowlist(markdown, fast.tokens) };
}

/** Whether the body was written without the sanitizer, once its HTML is found the same both ways. */
function assertSameBothWays(body: string, label: string): boolean {
  const { html, sanitized, unsanitized } = bothWays(body);
  assert.is(html, sanitized, `${label}:\n${body}`);
  return unsanitized;
}

const bodiesIn = (folder: string): { file: string; body: string }[] =>
  readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((entry) => entry.endsWith(".md"))
    .map((entry) => {
      const text = readFileSync(path.join(folder, entry), "utf8");
      return { file: entry, body: /^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(text)?.[1] ?? text };
    });

/** Markdown at the edges of what markdown-it writes, each alone and (below) mixed. */
const AWKWARD = [
  'He said "no" & left <quietly>, then \\"yes\\"; 5 > 3 and 2 < 4.',
  "Entities: &quot;quoted&quot; &amp; &#34; &#x22; &nbsp; &copy; &lt;b&gt; &bogus; &#0; &",
  '`code with "quotes" & <tags>` and ``a ` tick``',
  '```js "onclick\nconst a = "b" < c && d > e;\n```',
  "```\nno info\n```",
  '~~~ python title="x"\nprint("hi")\n~~~',
  '    indented "code" block\n    <b>not html</b>',
  '## A *heading* with `code` & "quotes"\n\n## A *heading* with `code` & "quotes"',
  "# ???\n\n## !!!",
  "### Ünïcödé — heading’s “curly”",
  '| a | b | c |\n|---|---|---|\n| 1 | "2" | *3* |',
  "| left | centre | right |\n|:---|:---:|---:|\n| 1 | 2 | 3 |",
  'Text with a footnote.[^1] And another.[^note] And the first again.[^1]\n\n[^1]: The "first" footnote.\n[^note]: The second, with a [link](https://example.com/a?b=1&c=2).',
  "An inline footnote.^[Written *inline*.]",
  '[plain](https://example.com/path?q="x"&y=<z>) [rel](../04/other-story.md#part) [root](/2019/01/x.md) [frag](#section)',
  '[titled](https://example.com "A \\"title\\" & more") [empty title](https://example.com "")',
  "[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=)",
  "[ftp](ftp://example.com/file) [tel](tel:+441234) [sms](sms:123) [mail](mailto:desk@example.com) [MAIL](MAILTO:desk@example.com)",
  "[proto-relative](//evil.example/x) [backslashes](\\\\evil.example/x) [spaced](< //evil.example>) [tab](java\tscript:alert(1))",
  "[comment](java<!-- -->script:alert(1)) [encoded](java&#115;cript:alert(1)) [percent](java%73cript:alert(1))",
  "<https://example.com/auto> <mailto:desk@example.com> <desk@example.com> <javascript:alert(1)> <ftp://example.com>",
  '![an image](photo.jpg) ![](photo.jpg) ![remote](https://example.com/a.png "Its title") ![http](http://example.com/a.png)',
  "![data](data:image/png;base64,iVBORw0KGgo=) ![svg data](data:image/svg+xml;base64,PHN2Zz4=) ![js](javascript:alert(1)) ![none]()",
  '![alt with *markup* and "quotes"](photo.jpg) [![linked image](photo.jpg)](https://example.com)',
  "Line one  \nline two\\\nline three\nline four",
  "> A quote\n>\n> > nested, with **strong** and _em_ and ~~struck~~",
  "1. one\n2. two\n   - nested\n   - list\n\n7. starts at seven\n8. eight\n\n0. zero",
  "- tight\n- list\n\n* loose\n\n* list",
  "---\n\n***\n\nText after rules.",
  "Setext heading\n==============\n\nAnother\n-------",
  "\u0000 NUL and \u0007 bell and \u200b zero width and \ufeff",
  "Reference [link][ref] and [another].\n\n[ref]: https://example.com/ref 'Ref title'\n[another]: ../04/other-story.md",
  'Raw <b>bold</b> and <span onclick="x()">span</span>.',
  "<div>\n\n*Markdown in HTML*\n\n</div>",
  "<!-- a comment --> and text",
  "<script>alert(1)</script>",
  // markdown-it-footnote leaves a `</blockquote>` that nothing opened (found by random bodies).
  "[^1]: > [^1]: a footnote in a footnote\n&",
];

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// ---------------------------------------------------------------------------------------------

const corpus = suite("a Markdown body the sanitizer does not see is written as the sanitizer writes it");

corpus("every generated bench story, written without the sanitizer, is the sanitizer's HTML byte for byte", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "news-archive-unsanitized-"));
  try {
    generateArchive({ articles: 400, out: folder, seed: 1 });
    const bodies = bodiesIn(folder);
    assert.ok(bodies.length === 400);
    for (const { file, body } of bodies) {
      const { html, sanitized, unsanitized } = bothWays(body);
      assert.ok(unsanitized, `${file} should not need the sanitizer`);
      assert.is(html, sanitized, file);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

corpus("every story of the seed archive and the test fixtures is the same both ways", () => {
  const bodies = [...bodiesIn("articles"), ...bodiesIn("test/fixtures")];
  assert.ok(bodies.length > 30);
  for (const { file, body } of bodies) assertSameBothWays(body, file);
});

corpus("awkward Markdown is the same both ways, alone and mixed", () => {
  for (const body of AWKWARD) assertSameBothWays(body, "alone");
  const random = seeded(23);
  let unsanitized = 0;
  for (let round = 0; round < 1500; round++) {
    const pieces = Array.from({ length: 1 + Math.floor(random() * 4) }, () => AWKWARD[Math.floor(random() * AWKWARD.length)]);
    const joiner = random() < 0.3 ? "\n" : "\n\n";
    if (assertSameBothWays(pieces.join(joiner), `mixed, round ${round}`)) unsanitized++;
  }
  // Enough of the mixtures left the sanitizer out for the comparison to say something.
  assert.ok(unsanitized > 150, `${unsanitized} of 1500 mixtures written without the sanitizer`);
});

corpus("footnotes, headings, code, quotes, images and allowed links are written without the sanitizer", () => {
  for (const body of [AWKWARD[1], AWKWARD[2], AWKWARD[3], AWKWARD[7], AWKWARD[10], AWKWARD[12], AWKWARD[13], AWKWARD[14], AWKWARD[21]])
    assert.ok(bothWays(body).unsanitized, body);
});

corpus("raw HTML, a table's alignment, a scheme the allowlist refuses and an empty heading id go through the sanitizer", () => {
  const sanitized = [
    "Raw <b>bold</b>.",
    "<div>\n\n*x*\n\n</div>",
    "| left | right |\n|:---|---:|\n| 1 | 2 |",
    "[ftp](ftp://example.com/file)",
    "[tel](tel:+441234)",
    "[proto-relative](//evil.example/x)",
    "![ftp](ftp://example.com/a.png)",
    "# ???",
    "![none]()",
    "[^1]: > [^1]: a footnote in a footnote\n&",
  ];
  for (const body of sanitized) {
    const { html, sanitized: expected, unsanitized } = bothWays(body);
    assert.not.ok(unsanitized, body);
    assert.is(html, expected, body);
  }
  // What the sanitizer takes out is gone: a table's style, a refused address, an empty id.
  assert.not.match(bothWays(sanitized[2]).html, /style=/);
  assert.not.match(bothWays(sanitized[3]).html, /ftp:/);
  assert.not.match(bothWays(sanitized[7]).html, /id=/);
  assert.not.match(bothWays(sanitized[9]).html, /blockquote/);
});

corpus("a renderer rule replaced by a plugin sends every body through the sanitizer", () => {
  const withTarget = createStoryMarkdown();
  withTarget.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index].attrSet("onclick", "steal()");
    return self.renderToken(tokens, index, options);
  };
  const env = {};
  const tokens = withTarget.parse("[a link](https://example.com)", env);
  assert.not.ok(rendersInsideAllowlist(withTarget, tokens));
  assert.is(safeMarkdownHtml(withTarget, tokens, env), '<p><a href="https://example.com">a link</a></p>\n');
});

corpus.run();
