import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { serializeStory, type StoryFields } from "../../src/wire/frontMatter.ts";

const articles = fileURLToPath(new URL("../../articles/", import.meta.url));

const houseStyle = suite("serializeStory writes the archive's house style");

houseStyle("every story in the archive is written back byte for byte from its own fields and body", async () => {
  const files = (await readdir(articles, { recursive: true })).filter((file) => file.endsWith(".md"));
  assert.ok(files.length >= 11, `only ${files.length} stories found`);
  for (const file of files) {
    const text = await readFile(`${articles}${file}`, "utf8");
    const [, yaml, ...rest] = text.split(/^---\n/m);
    const fields = parse(yaml) as StoryFields;
    assert.is(serializeStory(fields, rest.join("---\n")), text, file);
  }
});

houseStyle("absent fields are left out and a reference-only story ends at the closing line", () => {
  assert.is(serializeStory({ title: "No Body", date: "2018-01-02" }, ""), '---\ntitle: "No Body"\ndate: 2018-01-02\n---\n');
  assert.is(
    serializeStory({ title: "T", date: "2018-01-02", dateInferred: false, byline: [], topics: [] }, "\n\n"),
    '---\ntitle: "T"\ndate: 2018-01-02\n---\n',
  );
});

houseStyle("a body ends with exactly one line break", () => {
  assert.is(serializeStory({ title: "T", date: "2018-01-02" }, "Text.\n\n\n"), '---\ntitle: "T"\ndate: 2018-01-02\n---\nText.\n');
});

houseStyle("a date that is not YYYY-MM-DD is refused", () => {
  assert.throws(() => serializeStory({ title: "T", date: "23/11/2018" }, ""), /YYYY-MM-DD/);
});

houseStyle.run();

const quoting = suite("serializeStory quotes any value YAML would read as something else");

const AWKWARD = [
  "No",
  "yes",
  "on",
  "null",
  "~",
  "2018",
  "2018-11-23",
  "0x1F",
  "1e3",
  ".inf",
  "true",
  "a: b",
  "a:b",
  "x #y",
  "#x",
  "x:",
  "- x",
  "? x",
  "> x",
  "| x",
  "[x]",
  "{x}",
  "x]",
  "'x'",
  '"x"',
  "`x",
  "@x",
  "%x",
  "!x",
  "*x",
  "&x",
  "  padded  ",
  "",
  "tab\there",
  "line\nbreak",
  "ctrl\u0007char",
  "del\u007f",
  "sep\u2028arator",
  "bom\ufeff",
  "back\\slash",
  "Huawei Faces Further Heat From US Administration – Report",
  "BT's McRae: Huawei Is 'the Only True 5G Supplier Right Now'",
  "日本語",
  "https://example.com/a?b=1#frag",
  "https://example.com/a #frag",
  "https://example.com/$50b",
];

quoting("every field reads back as exactly the string written", () => {
  for (const value of AWKWARD) {
    const fields: StoryFields = {
      title: value,
      date: "2018-01-02",
      byline: [{ name: value, role: value }],
      publication: value,
      topics: [value, value],
      source: value,
    };
    const [, yaml] = serializeStory(fields, "").split(/^---\n/m);
    for (const version of ["1.2", "1.1"] as const) {
      // YAML 1.1 reads the unquoted date as a timestamp: that is the date field's business, not quoting's.
      const { date: _date, ...back } = parse(yaml, { version });
      assert.equal(
        back,
        { title: value, byline: [{ name: value, role: value }], publication: value, topics: [value, value], source: value },
        `${JSON.stringify(value)} (YAML ${version})`,
      );
    }
  }
});

quoting("plain values stay unquoted, the way editors write them", () => {
  const text = serializeStory(
    {
      title: "T",
      date: "2018-01-02",
      byline: [{ name: "Ray Le Maistre", role: "Editor-in-Chief" }],
      publication: "Light Reading",
      source: "https://example.com/a?b=1",
    },
    "",
  );
  assert.ok(
    text.includes("\n  - name: Ray Le Maistre\n    role: Editor-in-Chief\npublication: Light Reading\nsource: https://example.com/a?b=1\n"),
    text,
  );
  assert.ok(serializeStory({ title: "T", date: "2018-01-02", publication: "No" }, "").includes('\npublication: "No"\n'));
});

quoting.run();
