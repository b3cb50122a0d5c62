/**
 * One fixture per kind of bad story file, with what an editor must be told about it: the lines
 * `npm run check` and a failing build print, as `articles/<path>:<line>: message (hint)`.
 *
 * Each kind has files of its own (under `2018/11/`), so all of them can also sit in one archive
 * and be reported by a single run. Texts are written out byte for byte, so the line numbers below
 * can be counted by eye: line 1 is the opening `---`.
 */

import { storyFields } from "../../src/article/schema.ts";

export interface BadStoryKind {
  /** What is wrong, as a sentence: the test's name. */
  behaviour: string;
  /** Story files by path under `articles/`, as their bytes (text is written as UTF-8). */
  files: Record<string, string | Uint8Array>;
  /** Symbolic links by path under `articles/`, to their target as written (relative to the link's folder, or absolute). */
  links?: Record<string, string>;
  /** Every line reported for these files, with `articles/` as the folder. */
  expected: string[];
}

const DATE_HINT = "write a real day as date: 2018-11-23, or a moment as date: 2018-11-23T18:30:00-05:00";
const YAML_HINT = 'check the quotes and colons on this line; a title with ": " in it must be quoted: title: "A: B"';
const BYLINE_HINT =
  "write a list of names, or of { name, role }: byline: [Ray Le Maistre] or byline:\\n  - name: Ray Le Maistre\\n    role: Editor-in-Chief";
const TOPICS_HINT = "write a list of topics: topics: [Huawei, 5G, Security]";
const KNOWN_FIELDS = `known fields: ${Object.keys(storyFields).join(", ")}`;
const SLUG_HINT = "write a few words in lower case joined by hyphens, e.g. slug: my-story (see README, The article format)";
const SLUG_SHAPE = "and a slug holds only letters, digits, and hyphens or underscores between words";
const TITLE_SLUG_HINT = "add a line slug: with a few words in lower case joined by hyphens, e.g. slug: my-story";
const CONTROL_HINT =
  "delete it: it is no text, most editors do not show it (it comes in with a paste), and it would make the feeds ill-formed XML";

export const badStoryKinds: BadStoryKind[] = [
  {
    behaviour: "front matter that is never closed is reported on the line that opens it",
    files: { "2018/11/never-closed.md": "---\ntitle: Never Closed\ndate: 2018-11-01\n\nThe story's text.\n" },
    expected: [
      "articles/2018/11/never-closed.md:1: the front matter opened on line 1 is never closed (add a line --- after the last field)",
    ],
  },
  {
    behaviour: "front matter that is not valid YAML is reported on the line YAML stumbles on",
    files: { "2018/11/not-yaml.md": "---\ntitle: Not YAML\ndate: 2018-11-02\npublication: Light: Reading\n---\n" },
    expected: [
      `articles/2018/11/not-yaml.md:4: front matter is not valid YAML: Nested mappings are not allowed in compact mappings (${YAML_HINT})`,
    ],
  },
  {
    behaviour: "a missing title is reported against the front matter",
    files: { "2018/11/no-title.md": "---\ndate: 2018-11-03\n---\n" },
    expected: ["articles/2018/11/no-title.md:1: title: is missing (every story needs a title)"],
  },
  {
    behaviour: "an empty quoted title is reported on its line",
    files: { "2018/11/empty-title.md": '---\ntitle: ""\ndate: 2018-11-04\n---\n' },
    expected: [
      'articles/2018/11/empty-title.md:2: title: is empty (give it a value, e.g. title: "Huawei Faces Further Heat From US Administration – Report", or remove the line)',
    ],
  },
  {
    behaviour: "a title line with nothing after the colon is reported as empty, on its line",
    files: { "2018/11/blank-title.md": "---\ntitle:\ndate: 2018-11-04\n---\n" },
    expected: ["articles/2018/11/blank-title.md:2: title: is empty (every story needs a title: write it after the colon)"],
  },
  {
    behaviour: "a missing date is reported against the front matter",
    files: { "2018/11/no-date.md": "---\ntitle: No Date\n---\n" },
    expected: ["articles/2018/11/no-date.md:1: date: is missing (every story needs a date)"],
  },
  {
    behaviour: "an impossible date (2018-13-45) is reported on its line",
    files: { "2018/11/impossible-date.md": "---\ntitle: Impossible Date\ndate: 2018-13-45\n---\n" },
    expected: [`articles/2018/11/impossible-date.md:3: date: "2018-13-45" is not a real calendar day (${DATE_HINT})`],
  },
  {
    behaviour: "a local time in a daylight-saving gap is reported, not moved by an hour",
    files: { "2018/11/time-in-a-gap.md": "---\ntitle: Time in a Gap\ndate: 2019-03-10T02:30:00\n---\n" },
    expected: [
      `articles/2018/11/time-in-a-gap.md:3: date: "2019-03-10T02:30:00" does not exist in America/New_York: the clocks went forward over it (write the time with its offset, e.g. 2019-03-10T03:30:00-04:00) (${DATE_HINT})`,
    ],
  },
  {
    behaviour: "a year outside 1 to 9999 is refused",
    files: { "2018/11/year-nought.md": "---\ntitle: Year Nought\ndate: 0000-06-01\n---\n" },
    expected: [`articles/2018/11/year-nought.md:3: date: "0000-06-01" is outside the years 1 to 9999 that an archive holds (${DATE_HINT})`],
  },
  {
    behaviour: "a date that cannot be read is reported on its line",
    files: { "2018/11/unreadable-date.md": "---\ntitle: Unreadable Date\ndate: last Tuesday\n---\n" },
    expected: [
      `articles/2018/11/unreadable-date.md:3: date: "last Tuesday" is not a date in the form YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM (${DATE_HINT})`,
    ],
  },
  {
    behaviour: "a byline that is a number is reported on its line",
    files: { "2018/11/byline-number.md": "---\ntitle: Byline Number\ndate: 2018-11-05\nbyline: 42\n---\n" },
    expected: [`articles/2018/11/byline-number.md:4: byline: expected a list of names, received the number 42 (${BYLINE_HINT})`],
  },
  {
    behaviour: "a byline that is a map is reported on its line",
    files: {
      "2018/11/byline-map.md": "---\ntitle: Byline Map\ndate: 2018-11-06\nbyline:\n  name: Ray Le Maistre\n  role: Editor-in-Chief\n---\n",
    },
    expected: [`articles/2018/11/byline-map.md:4: byline: expected a list of names, received a map (${BYLINE_HINT})`],
  },
  {
    behaviour: "topics that are a number are reported on their line",
    files: { "2018/11/topics-number.md": "---\ntitle: Topics Number\ndate: 2018-11-07\ntopics: 5\n---\n" },
    expected: [`articles/2018/11/topics-number.md:4: topics: expected a list of topics, received the number 5 (${TOPICS_HINT})`],
  },
  {
    behaviour: "topics that are a map are reported on their line",
    files: { "2018/11/topics-map.md": "---\ntitle: Topics Map\ndate: 2018-11-08\ntopics:\n  Huawei: yes\n---\n" },
    expected: [`articles/2018/11/topics-map.md:4: topics: expected a list of topics, received a map (${TOPICS_HINT})`],
  },
  {
    behaviour: "an unknown key is reported on its line with the field it was probably meant to be",
    files: { "2018/11/misspelt-key.md": "---\ntittle: Misspelt Key\ndate: 2018-11-09\n---\n" },
    expected: [
      "articles/2018/11/misspelt-key.md:1: title: is missing (every story needs a title)",
      'articles/2018/11/misspelt-key.md:2: unknown field "tittle" (did you mean title?)',
    ],
  },
  {
    behaviour: "a link to a story that does not exist is reported on the line of the link",
    files: {
      "2018/11/broken-link.md":
        "---\ntitle: Broken Link\ndate: 2018-11-10\n---\n\nThe first paragraph.\n\nThe second paragraph goes on\nto cite [a lost story](../10/a-lost-story.md).\n",
    },
    expected: [
      'articles/2018/11/broken-link.md:9: links to "../10/a-lost-story.md", but there is no story file articles/2018/10/a-lost-story.md (check the file name, or add the story with npm run new)',
    ],
  },
  {
    behaviour: "two stories at one address are both reported, each naming the other, on the line that makes the address",
    files: {
      "2018/11/same-address-one.md": "---\ndate: 2018-11-11\ntitle: Same Address\n---\n",
      "2018/11/same-address-two.md":
        "---\ndate: 2018-11-11T09:00:00-05:00\ntitle: Same Address\n---\nA second story with the same headline on the same day.\n",
    },
    expected: [
      "articles/2018/11/same-address-one.md:3: has the same address /2018/11/11/same-address/ as articles/2018/11/same-address-two.md (give one of them a different title or a slug: line)",
      "articles/2018/11/same-address-two.md:3: has the same address /2018/11/11/same-address/ as articles/2018/11/same-address-one.md (give one of them a different title or a slug: line)",
    ],
  },
  {
    behaviour: "two stories whose addresses differ only in letter case are both reported",
    files: {
      "2018/11/case-one.md": "---\ntitle: Rural Broadband Vote\ndate: 2018-11-13\n---\n",
      "2018/11/case-two.md": "---\ntitle: Rural Broadband Vote, Updated\ndate: 2018-11-13\nslug: Rural-Broadband-Vote\n---\n",
    },
    expected: [
      "articles/2018/11/case-one.md:2: has the address /2018/11/13/rural-broadband-vote/, which differs only in letter case from /2018/11/13/Rural-Broadband-Vote/ (articles/2018/11/case-two.md): one address on case-insensitive disks and hosts (give one of them a different title or a slug: line)",
      "articles/2018/11/case-two.md:4: has the address /2018/11/13/Rural-Broadband-Vote/, which differs only in letter case from /2018/11/13/rural-broadband-vote/ (articles/2018/11/case-one.md): one address on case-insensitive disks and hosts (give one of them a different title or a slug: line)",
    ],
  },
  {
    behaviour:
      "a slug: that cannot name a folder (., .., %2e%2e, a dot first, /, \\, a newline, a reserved name, a trailing dot, too long) is reported on its line",
    files: {
      "2018/11/slug-dot.md": "---\ntitle: Slug Dot\ndate: 2018-11-14\nslug: .\n---\n",
      "2018/11/slug-dot-dot.md": "---\ntitle: Slug Dot Dot\ndate: 2018-11-14\nslug: ..\n---\n",
      "2018/11/slug-percent.md": '---\ntitle: Slug Percent\ndate: 2018-11-14\nslug: "%2e%2e"\n---\n',
      "2018/11/slug-hidden.md": "---\ntitle: Slug Hidden\ndate: 2018-11-14\nslug: .well-known\n---\n",
      "2018/11/slug-slash.md": "---\ntitle: Slug Slash\ndate: 2018-11-14\nslug: rural/broadband\n---\n",
      "2018/11/slug-backslash.md": "---\ntitle: Slug Backslash\ndate: 2018-11-14\nslug: 'rural\\broadband'\n---\n",
      "2018/11/slug-newline.md": '---\ntitle: Slug Newline\ndate: 2018-11-14\nslug: "rural\\nbroadband"\n---\n',
      "2018/11/slug-reserved.md": "---\ntitle: Slug Reserved\ndate: 2018-11-14\nslug: Lpt1.txt\n---\n",
      "2018/11/slug-trailing-dot.md": "---\ntitle: Slug Trailing Dot\ndate: 2018-11-14\nslug: rural-broadband.\n---\n",
      "2018/11/slug-too-long.md": `---\ntitle: Slug Too Long\ndate: 2018-11-14\nslug: ${"broadband-".repeat(10)}vote\n---\n`,
      "2018/11/slug-punctuation.md": "---\ntitle: Slug Punctuation\ndate: 2018-11-14\nslug: rural-broadband?vote\n---\n",
    },
    expected: [
      `articles/2018/11/slug-dot.md:4: slug: "." names this folder or the one above it, not a story's (${SLUG_HINT})`,
      `articles/2018/11/slug-dot-dot.md:4: slug: ".." names this folder or the one above it, not a story's (${SLUG_HINT})`,
      `articles/2018/11/slug-percent.md:4: slug: "%2e%2e" holds "%", which a browser decodes as an escape ("%2e%2e" is "..") (${SLUG_HINT})`,
      `articles/2018/11/slug-hidden.md:4: slug: ".well-known" starts with a dot: a hidden file, which many hosts refuse to serve (${SLUG_HINT})`,
      `articles/2018/11/slug-slash.md:4: slug: "rural/broadband" holds "/" or "\\", which separate folders (${SLUG_HINT})`,
      `articles/2018/11/slug-backslash.md:4: slug: "rural\\\\broadband" holds "/" or "\\", which separate folders (${SLUG_HINT})`,
      `articles/2018/11/slug-newline.md:4: slug: "rural\\nbroadband" holds U+000A, ${SLUG_SHAPE} (${SLUG_HINT})`,
      `articles/2018/11/slug-reserved.md:4: slug: "Lpt1.txt" is a device name Windows reserves (LPT1): no folder can be called so (${SLUG_HINT})`,
      `articles/2018/11/slug-trailing-dot.md:4: slug: "rural-broadband." ends with a dot or a space, which Windows drops from a folder name (${SLUG_HINT})`,
      `articles/2018/11/slug-too-long.md:4: slug: "${"broadband-".repeat(10)}vote" is 104 bytes long, more than the 100 a folder name of the archive may have (${SLUG_HINT})`,
      `articles/2018/11/slug-punctuation.md:4: slug: "rural-broadband?vote" holds "?" (U+003F), ${SLUG_SHAPE} (${SLUG_HINT})`,
    ],
  },
  {
    behaviour: "a title whose slug is a name Windows reserves (Con, Aux) is reported on the title's line",
    files: {
      "2018/11/con.md": "---\ntitle: Con\ndate: 2018-11-15\n---\nA column on the word.\n",
      "2018/11/aux.md": '---\ndate: 2018-11-15\ntitle: "AUX."\n---\n',
    },
    expected: [
      `articles/2018/11/aux.md:3: the title gives the address "aux", which is a device name Windows reserves (AUX): no folder can be called so (${TITLE_SLUG_HINT})`,
      `articles/2018/11/con.md:2: the title gives the address "con", which is a device name Windows reserves (CON): no folder can be called so (${TITLE_SLUG_HINT})`,
    ],
  },
  {
    behaviour:
      "a control character in any field (a bell in a title, a lone surrogate in a topic, an escape in a byline) is reported on its line",
    files: {
      "2018/11/bell-in-title.md": '---\ntitle: "Huawei Rings the Bell\\u0007"\ndate: 2018-11-16\n---\n',
      "2018/11/raw-control-in-summary.md":
        "---\ntitle: Raw Control\ndate: 2018-11-16\nsummary: Pasted from a terminal \u001b[0m here\n---\n",
      "2018/11/surrogate-in-topic.md": '---\ntitle: Surrogate in Topic\ndate: 2018-11-16\ntopics: [Huawei, "5G\\uD800"]\n---\n',
      "2018/11/delete-in-byline.md": '---\ntitle: Delete in Byline\ndate: 2018-11-16\nbyline:\n  - name: "Dan Jones\\x7f"\n---\n',
    },
    expected: [
      `articles/2018/11/bell-in-title.md:2: title: holds the control character U+0007 (character 22 of the value) (${CONTROL_HINT})`,
      `articles/2018/11/delete-in-byline.md:4: byline: holds the control character U+007F (character 10 of the value) (${CONTROL_HINT})`,
      `articles/2018/11/raw-control-in-summary.md:4: summary: holds the control character U+001B (character 24 of the value) (${CONTROL_HINT})`,
      `articles/2018/11/surrogate-in-topic.md:4: topics: holds a lone surrogate U+D800 (half of a character) (character 3 of the value) (${CONTROL_HINT})`,
    ],
  },
  {
    behaviour: "a control character in a story's text is reported on its line, and a Windows line ending is not one",
    files: {
      "2018/11/bell-in-text.md":
        "---\r\ntitle: Bell in Text\r\ndate: 2018-11-16\r\n---\r\nThe first paragraph.\r\n\r\nA pasted \u0007 bell.\r\n",
    },
    expected: [
      "articles/2018/11/bell-in-text.md:7: the text holds the control character U+0007, which is no text and would be written into the page and the feeds (delete it: most editors do not show it (it comes in with a paste))",
    ],
  },
  {
    behaviour: "a correction: without updated: (never shown) is reported on its line",
    files: {
      "2018/11/correction-alone.md":
        '---\ntitle: Correction Alone\ndate: 2018-11-17\ncorrection: "An earlier version gave the wrong date for the vote."\n---\n',
    },
    expected: [
      "articles/2018/11/correction-alone.md:4: correction: is shown only with updated:, and this story has no updated: line (add updated: 2018-12-02 (the day of the correction), or remove the correction: line)",
    ],
  },
  {
    behaviour: "more topics or bylines than a story may have, or a body over 2 MB, is refused naming the limit and the count",
    files: {
      "2018/11/too-many-topics.md": `---\ntitle: Too Many Topics\ndate: 2018-11-18\ntopics: [${Array.from({ length: 101 }, (_, index) => `Topic ${index + 1}`).join(", ")}]\n---\n`,
      "2018/11/too-many-bylines.md": `---\ntitle: Too Many Bylines\ndate: 2018-11-18\nbyline: [${Array.from({ length: 51 }, (_, index) => `Reporter ${index + 1}`).join(", ")}]\n---\n`,
      "2018/11/body-too-large.md": `---\ntitle: Body Too Large\ndate: 2018-11-18\n---\n\n${"A paragraph of a council's minutes, pasted whole.\n\n".repeat(44_000)}`,
    },
    expected: [
      "articles/2018/11/body-too-large.md:6: the body is 2,243,998 bytes, more than the 2,097,152 (2 MB) a story may hold (split it into stories that link to each other, or link to a large table or file instead of pasting it in)",
      "articles/2018/11/too-many-bylines.md:4: byline: 51 names, more than the 50 a story may have (name the people who wrote the story; credit a larger team in its text)",
      "articles/2018/11/too-many-topics.md:4: topics: 101 topics, more than the 100 a story may have (keep the topics the story is about; every name it mentions is found by the search anyway)",
    ],
  },
  {
    behaviour: "a file that is not valid UTF-8 is reported on the line of the first bad byte",
    files: {
      "2018/11/latin-1.md": Buffer.from("---\ntitle: Latin-1\ndate: 2018-11-12\n---\nCaf\xe9 society, saved as Latin-1.\n", "latin1"),
    },
    expected: [
      "articles/2018/11/latin-1.md:5: the file is not valid UTF-8 (save it as UTF-8 text (most editors offer this under Save As… or Encoding))",
    ],
  },
  {
    behaviour: "an empty file is reported by name, with no line to blame",
    files: { "2018/11/empty.md": "" },
    expected: [
      "articles/2018/11/empty.md: the file is empty (a story starts with front matter between two --- lines; see README, The article format)",
    ],
  },
  {
    behaviour: "a link whose %-escapes are not UTF-8 is reported on its line, not thrown as a URIError",
    files: {
      "2018/11/broken-escape.md":
        "---\ntitle: Broken Escape\ndate: 2018-11-14\n---\n\nThe minister's speech is in the [Hindi edition](%E0%A4%A.md).\n",
    },
    expected: [
      `articles/2018/11/broken-escape.md:6: links to "%E0%A4%A.md", whose %-escapes are not UTF-8, so it names no file (write the story's file name as it is, e.g. [text](../10/a-story.md))`,
    ],
  },
  {
    behaviour: "front matter whose aliases expand without end (a billion laughs) is reported on the first alias",
    files: {
      "2018/11/billion-laughs.md": [
        "---",
        "title: Billion Laughs",
        "date: 2018-11-15",
        "lol1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        "lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "lol5: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
        "---",
        "",
      ].join("\n"),
    },
    expected: [
      "articles/2018/11/billion-laughs.md:5: front matter's aliases (*name) expand to too much data (write the values out instead of using anchors (&name) and aliases (*name))",
    ],
  },
  {
    behaviour: "fields named __proto__ or constructor are reported as unknown on their lines",
    files: { "2018/11/proto-key.md": "---\ntitle: Proto Key\ndate: 2018-11-16\n__proto__: polluted\nconstructor: also odd\n---\n" },
    expected: [
      `articles/2018/11/proto-key.md:4: unknown field "__proto__" (${KNOWN_FIELDS})`,
      `articles/2018/11/proto-key.md:5: unknown field "constructor" (${KNOWN_FIELDS})`,
    ],
  },
  {
    behaviour: "a field whose name is a list is reported on its line",
    files: { "2018/11/list-key.md": "---\ntitle: List Key\ndate: 2018-11-17\n? [Huawei, ZTE]\n: both\n---\n" },
    expected: ["articles/2018/11/list-key.md:4: a field's name must be a word, not a list (write one field a line, as title: …)"],
  },
  {
    behaviour: "a story saved as .markdown is reported, not left out",
    files: { "2018/11/saved-by-another-editor.markdown": "---\ntitle: Saved by Another Editor\ndate: 2018-11-18\n---\n" },
    expected: [
      "articles/2018/11/saved-by-another-editor.markdown: is not read: the file ends in .markdown, and story files end in .md (rename it to saved-by-another-editor.md)",
    ],
  },
  {
    behaviour: "a story file that is a link to nothing, or to a file outside the articles folder, is reported, not left out or published",
    files: {},
    links: { "2018/11/moved-away.md": "../10/no-longer-here.md", "2018/11/from-outside.md": "/etc/passwd" },
    expected: [
      "articles/2018/11/from-outside.md: is not read: it is a link to /etc/passwd, outside the articles folder (copy the story into the articles folder instead of linking to it)",
      "articles/2018/11/moved-away.md: is not read: it is a link to ../10/no-longer-here.md, which does not exist (point the link at a story file inside the articles folder, or remove it)",
    ],
  },
];

/** Whether a kind is about which files are read (links, other extensions): it is tested on disk. */
export function isAboutListing(kind: BadStoryKind): boolean {
  return kind.links !== undefined || Object.keys(kind.files).some((sourcePath) => !sourcePath.endsWith(".md"));
}

/** Every bad link of every kind. */
export function everyBadLink(): Record<string, string> {
  return Object.assign({}, ...badStoryKinds.map((kind) => kind.links ?? {}));
}

/** Every bad file of every kind, for one archive that holds them all. */
export function everyBadFile(): Record<string, string | Uint8Array> {
  return Object.assign({}, ...badStoryKinds.map((kind) => kind.files));
}

/** Every line reported for that archive, in the order the report prints them (by file, then line). */
export function everyExpectedLine(): string[] {
  return badStoryKinds.flatMap((kind) => kind.expected);
}
