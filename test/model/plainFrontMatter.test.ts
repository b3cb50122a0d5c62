import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { generateArchive } from "../../bench/generate.ts";
import { readPlainFrontMatter } from "../../src/article/plainFrontMatter.ts";

/**
 * Front matter in the plain shape is read without a YAML parser. Wherever that reading gives a
 * result, it must be YAML's own: the same fields, values and lines, on generated archives, the
 * seed, the test fixtures and text chosen to sit at the edges of the shape.
 */

const test = suite("front matter read without a YAML parser");
const root = fileURLToPath(new URL("../..", import.meta.url));

/** What `yaml` makes of the same lines, as src/article/parse.ts reads it; undefined if it finds errors. */
function byYaml(lines: string[]): { data: unknown; fieldLines: Record<string, number> } | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.join("\n"), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) return undefined;
  const fieldLines: Record<string, number> = {};
  if (isMap(document.contents))
    for (const pair of document.contents.items)
      if (isScalar(pair.key) && pair.key.range) fieldLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + 1;
  return { data: document.toJS(), fieldLines };
}

function frontMatterLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines.slice(1, lines.indexOf("---", 1));
}

function storyFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("generated archives, the seed and the fixtures: read without the parser, as the parser reads them", () => {
  const generated = mkdtempSync(path.join(tmpdir(), "news-archive-front-matter-"));
  generateArchive({ articles: 1500, out: generated, seed: 4, clean: true });
  const files = [
    ...storyFilesUnder(generated),
    ...storyFilesUnder(path.join(root, "articles")),
    ...storyFilesUnder(path.join(root, "test/fixtures")),
  ];
  let plain = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!text.startsWith("---\n")) continue;
    const lines = frontMatterLines(text);
    const read = readPlainFrontMatter(lines);
    if (read === undefined) continue;
    plain++;
    assert.equal(read, byYaml(lines), file);
  }
  assert.ok(plain >= 1500, `the generated stories and the seed are in the plain shape (${plain} of ${files.length})`);
});

const edges: Record<string, string> = {
  numbers: "title: 123\nsummary: 1.5\nsource: 0x1F\npublication: 1e3\ncorrection: -5",
  "other scalars": "title: true\nsummary: null\nsource: ~\npublication: .inf\ncorrection: False",
  "a colon and a space": "title: A: B",
  "a comment": "title: A #comment",
  "a comment after quotes": 'title: "A" # c',
  "single quotes": "title: 'single'",
  "escapes JSON knows": 'title: "tab\\there, \\"quoted\\", a\\/b, \\u00e9, \\ud83d\\ude00"',
  "escapes only YAML knows": 'title: "\\x41 \\e \\N \\_"',
  "a literal tab in quotes": 'title: "a\tb"',
  "a plain title with an apostrophe and accents": "title: It's Ünïcode ’quoted’",
  "dates and addresses": "date: 2025-12-31T09:30:00-08:00\nupdated: 2025-12-31\nsource: https://a.example/c?d=e&f=g",
  "an address with a fragment": "source: https://a.example/c#g",
  "indicators first": "title: -dash\nsummary: ?q\nsource: '@x'",
  "flow lists": 'topics: [a, "b, c", 5G, US government]',
  "a number in a flow list": "topics: [a, 2025]",
  "an empty flow list": "topics: []",
  "a trailing comma": "topics: [a,]",
  "spaces in a flow list": 'topics: [ a ,  "b" ]',
  "a map in a flow list": "topics: [a: b]",
  "a quote inside a plain item": 'topics: [a"b, c]',
  "a list in a flow list": "topics: [[a]]",
  "a list of names": 'byline:\n  - Ray\n  - "Iain Morris"',
  "a list of maps": "byline:\n  - name: A\n    role: B\n  - name: C",
  "a list at no indent": "byline:\n- name: A",
  "a list at four spaces": "byline:\n    - name: A\n      role: B",
  "a misaligned key": "byline:\n  - name: A\n     role: B",
  "a key too many": "byline:\n  - name: A\n    role: B\n    extra: C",
  "a name without a value": "byline:\n  - name:\n    role: B",
  "a key without a value": "title:",
  "a title on two lines": "title:\n  continued here",
  "a trailing space": "title: A ",
  "trailing spaces and tabs everywhere": 'title: "A" \t\nbyline: \n  - name: B  \ntopics: [c] ',
  "a non-breaking space at the end": "title: A\u00a0",
  booleans: "draft: true\ndateInferred: False\nsummary: TRUE",
  "a repeated key": "title: A\ntitle: B",
  "a repeated key in a byline": "byline:\n  - name: A\n    name: B",
  "a blank line": "title: A\n\nsummary: B",
  "a comment line": "# note\ntitle: A",
  "a prototype key": "__proto__: A",
  "flow maps": "byline: [{ name: A }]",
  "a list then a field": "byline:\n  - A\ntopics: [x]\ntitle: T",
};

for (const [name, text] of Object.entries(edges)) {
  test(`at the edge of the shape: ${name}`, () => {
    const lines = text.split("\n");
    const read = readPlainFrontMatter(lines);
    if (read !== undefined) assert.equal(read, byYaml(lines));
  });
}

test("characters YAML treats apart (controls, line and paragraph separators, byte-order marks) are read as YAML reads them", () => {
  for (const character of ["\u0001", "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\ud800"]) {
    for (const line of [`title: "a${character}b"`, `title: a${character}b`, `topics: ["a${character}b", c${character}]`]) {
      const read = readPlainFrontMatter([line]);
      if (read !== undefined) assert.equal(read, byYaml([line]), JSON.stringify(line));
    }
  }
});

test("the shape our commands write is read without the parser; what only YAML knows is left to it", () => {
  for (const name of [
    "booleans",
    "trailing spaces and tabs everywhere",
    "escapes JSON knows",
    "a plain title with an apostrophe and accents",
    "dates and addresses",
    "flow lists",
    "a list of names",
    "a list of maps",
    "a list then a field",
    "spaces in a flow list",
  ])
    assert.ok(readPlainFrontMatter(edges[name].split("\n")), name);
  for (const name of [
    "numbers",
    "other scalars",
    "a colon and a space",
    "a comment",
    "single quotes",
    "escapes only YAML knows",
    "a repeated key",
    "a prototype key",
    "a trailing comma",
    "a quote inside a plain item",
    "a key without a value",
    "a title on two lines",
  ])
    assert.is(readPlainFrontMatter(edges[name].split("\n")), undefined, name);
});

test.run();
