import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseStoryFile, type ParseResult, type ParsedStoryFile } from "../../src/article/parse.ts";
import { emptyParseCache } from "../../src/archive/parseCache.ts";
import { machineDate } from "../../src/dates.ts";
import { formatProblem, type Problem } from "../../src/problems.ts";
import { quoted, storyFile } from "../support/storyFile.ts";

const FILE = "articles/2018/11/story.md";
const ZONE = "America/New_York";

const parse = (content: string | Uint8Array) =>
  parseStoryFile(typeof content === "string" ? Buffer.from(content, "utf8") : content, FILE, ZONE);

function parsed(result: ParseResult): ParsedStoryFile {
  if (!result.ok) throw new Error(`expected the file to be read, got:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.story;
}

function problemsOf(result: ParseResult): Problem[] {
  if (result.ok) throw new Error("expected problems, but the file was read without any");
  return result.problems;
}

/** The one problem of a file, without its hint (hints are checked for what they advise, not their wording). */
function onlyProblem(result: ParseResult): { where: Omit<Problem, "hint">; hint: string } {
  const problems = problemsOf(result);
  assert.is(problems.length, 1, `expected one problem, got: ${problems.map(formatProblem).join(" | ")}`);
  const { hint, ...where } = problems[0];
  assert.type(hint, "string", "every problem carries a hint");
  return { where, hint: hint! };
}

const minimal = { title: "A story", date: "2018-11-23" };

// ---------------------------------------------------------------------------------------------

const validFile = suite("parseStoryFile: a valid story file");

validFile("reads every field of the front matter", () => {
  const story = parsed(
    parse(
      storyFile(
        {
          title: quoted("Huawei Faces Further Heat From US Administration – Report"),
          date: "2018-11-23",
          dateInferred: "true",
          byline: "\n  - name: Ray Le Maistre\n    role: Editor-in-Chief",
          publication: "Light Reading",
          topics: "[Huawei, ZTE, 5G, Security]",
          source: "https://www.lightreading.com/mobile/5g/huawei-faces-further-heat/d/d-id/747773",
        },
        "\nHuawei is once again the security focus.\n",
      ),
    ),
  );
  const { date, ...fields } = story.frontMatter;
  assert.equal(fields, {
    title: "Huawei Faces Further Heat From US Administration – Report",
    dateInferred: true,
    byline: [{ name: "Ray Le Maistre", role: "Editor-in-Chief" }],
    publication: "Light Reading",
    topics: ["Huawei", "ZTE", "5G", "Security"],
    source: "https://www.lightreading.com/mobile/5g/huawei-faces-further-heat/d/d-id/747773",
    // Absent, so its declared value.
    draft: false,
    aliases: [],
  });
  assert.is(machineDate(date), "2018-11-23");
  assert.is(date.hasTime, false);
});

validFile("keeps the body as written, without the blank lines around it, and says on which line it starts", () => {
  const story = parsed(parse(storyFile(minimal, '\n\nFirst paragraph, with "straight quotes" & $50B.\n\n- a list line\n\n\n')));
  assert.is(story.body, 'First paragraph, with "straight quotes" & $50B.\n\n- a list line');
  // ---, title, date, ---, two blank lines: the text starts on line 7.
  assert.is(story.bodyStartLine, 7);
});

validFile("a file with front matter and nothing after it is a reference-only story with an empty body", () => {
  assert.is(parsed(parse(storyFile(minimal))).body, "");
  assert.is(parsed(parse(storyFile(minimal, "\n  \n\n"))).body, "");
});

validFile("says on which line each field is", () => {
  const story = parsed(parse(storyFile({ date: "2018-11-23", publication: "Light Reading", title: "A story" })));
  assert.equal(story.fieldLines, { date: 2, publication: 3, title: 4 });
});

validFile("a byte-order mark and Windows line ends are accepted", () => {
  const story = parsed(parse("\uFEFF---\r\ntitle: A story\r\ndate: 2018-11-23\r\n---\r\nLine one\r\nline two\r\n"));
  assert.is(story.frontMatter.title, "A story");
  assert.is(story.body, "Line one\nline two");
  assert.is(story.bodyStartLine, 5);
});

validFile("a byline may be one name, a list of names, or a list of names with roles", () => {
  const byline = (yaml: string) => parsed(parse(storyFile({ ...minimal, byline: yaml }))).frontMatter.byline;
  assert.equal(byline("Dan Jones"), [{ name: "Dan Jones" }]);
  assert.equal(byline("[Dan Jones, Iain Morris]"), [{ name: "Dan Jones" }, { name: "Iain Morris" }]);
  assert.equal(byline("\n  - name: Iain Morris\n    role: International Editor\n  - Dan Jones"), [
    { name: "Iain Morris", role: "International Editor" },
    { name: "Dan Jones" },
  ]);
});

validFile("topics may be one topic or a list, and a number is read as a topic name", () => {
  const topics = (yaml: string) => parsed(parse(storyFile({ ...minimal, topics: yaml }))).frontMatter.topics;
  assert.equal(topics("Huawei"), ["Huawei"]);
  assert.equal(topics("[5G, 2018, US government]"), ["5G", "2018", "US government"]);
});

validFile.run();

// ---------------------------------------------------------------------------------------------

const brokenFile = suite("parseStoryFile: a file that cannot be read names the file and the line, and says what to do");

brokenFile("an empty file", () => {
  const { where, hint } = onlyProblem(parse(""));
  assert.equal(where, { file: FILE, line: undefined, message: "the file is empty" });
  assert.match(hint, "front matter");
});

brokenFile("a file without front matter", () => {
  const { where, hint } = onlyProblem(parse("Huawei is once again the security focus.\n"));
  assert.equal(where, { file: FILE, line: 1, message: "the file does not start with front matter" });
  assert.match(hint, "---");
});

brokenFile("front matter that is never closed", () => {
  const { where, hint } = onlyProblem(parse("---\ntitle: A story\ndate: 2018-11-23\n\nHuawei is once again the security focus.\n"));
  assert.equal(where, { file: FILE, line: 1, message: "the front matter opened on line 1 is never closed" });
  assert.match(hint, "---");
});

brokenFile("invalid YAML is reported on its line", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ date: "2018-11-23", title: "US vs Huawei/ZTE: The Verdict" })));
  assert.is(where.file, FILE);
  assert.is(where.line, 3);
  assert.match(where.message, /^front matter is not valid YAML: /);
  assert.match(hint, "quoted");
});

brokenFile("a field given twice is invalid YAML, reported on the second one", () => {
  const { where } = onlyProblem(parse("---\ntitle: A story\ndate: 2018-11-23\ntitle: Another story\n---\n"));
  assert.equal(where, { file: FILE, line: 4, message: "front matter is not valid YAML: Map keys must be unique" });
});

brokenFile("bytes that are not UTF-8 are reported on their line", () => {
  const bytes = Buffer.concat([
    Buffer.from(storyFile(minimal, "First line.\nCaf"), "latin1"),
    Buffer.from([0xe9]),
    Buffer.from(" au lait.\n"),
  ]);
  const { where, hint } = onlyProblem(parse(bytes));
  assert.equal(where, { file: FILE, line: 6, message: "the file is not valid UTF-8" });
  assert.match(hint, "UTF-8");
});

brokenFile.run();

// ---------------------------------------------------------------------------------------------

const fieldProblems = suite("parseStoryFile: a wrong field is named with its line, the value received and a hint");

fieldProblems("a missing title", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ date: "2018-11-23" })));
  assert.equal(where, { file: FILE, line: 1, message: "title: is missing" });
  assert.match(hint, "title");
});

fieldProblems("an empty title", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ title: '""', date: "2018-11-23" })));
  assert.equal(where, { file: FILE, line: 2, message: "title: is empty" });
  assert.match(hint, "title: ");
});

fieldProblems("a title of spaces is empty too", () => {
  assert.equal(onlyProblem(parse(storyFile({ title: '"   "', date: "2018-11-23" }))).where, {
    file: FILE,
    line: 2,
    message: "title: is empty",
  });
});

fieldProblems("a missing date", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ title: "A story" })));
  assert.equal(where, { file: FILE, line: 1, message: "date: is missing" });
  assert.match(hint, "date");
});

fieldProblems("an impossible date", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ title: "A story", date: "2018-13-45" })));
  assert.equal(where, { file: FILE, line: 3, message: 'date: "2018-13-45" is not a real calendar day' });
  assert.match(hint, "date: 2018-11-23");
});

fieldProblems("29 February of a year that is not a leap year", () => {
  assert.equal(onlyProblem(parse(storyFile({ title: "A story", date: "2018-02-29" }))).where, {
    file: FILE,
    line: 3,
    message: 'date: "2018-02-29" is not a real calendar day',
  });
});

fieldProblems("a date that is not written as a date", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ title: "A story", date: "23/11/2018" })));
  assert.equal(where, {
    file: FILE,
    line: 3,
    message: 'date: "23/11/2018" is not a date in the form YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM',
  });
  assert.match(hint, "2018-11-23");
});

fieldProblems("an impossible time", () => {
  assert.equal(onlyProblem(parse(storyFile({ title: "A story", date: "2018-11-23T25:00:00Z" }))).where, {
    file: FILE,
    line: 3,
    message: 'date: "2018-11-23T25:00:00Z" is not a real date and time',
  });
});

fieldProblems("a byline that is a number", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ ...minimal, byline: "42" })));
  assert.equal(where, { file: FILE, line: 4, message: "byline: expected a list of names, received the number 42" });
  assert.match(hint, "byline: [Ray Le Maistre]");
});

fieldProblems("a byline that is a map", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ ...minimal, byline: "\n  name: Ray Le Maistre\n  role: Editor-in-Chief" })));
  assert.equal(where, { file: FILE, line: 4, message: "byline: expected a list of names, received a map" });
  assert.match(hint, "- name: Ray Le Maistre");
});

fieldProblems("a byline entry with an unknown key", () => {
  assert.equal(onlyProblem(parse(storyFile({ ...minimal, byline: "\n  - name: Ray Le Maistre\n    rol: Editor-in-Chief" }))).where, {
    file: FILE,
    line: 4,
    message: 'byline 1: unknown key "rol"',
  });
});

fieldProblems("topics that are a number", () => {
  const { where, hint } = onlyProblem(parse(storyFile({ ...minimal, topics: "5" })));
  assert.equal(where, { file: FILE, line: 4, message: "topics: expected a list of topics, received the number 5" });
  assert.match(hint, "topics: [");
});

fieldProblems("topics that are a map", () => {
  const { where } = onlyProblem(parse(storyFile({ ...minimal, topics: "\n  Huawei: 5G" })));
  assert.equal(where, { file: FILE, line: 4, message: "topics: expected a list of topics, received a map" });
});

fieldProblems("a source that is not a web address", () => {
  assert.equal(onlyProblem(parse(storyFile({ ...minimal, source: "ftp://example.com/story" }))).where, {
    file: FILE,
    line: 4,
    message: 'source: "ftp://example.com/story" is not an http(s) address',
  });
});

fieldProblems("dateInferred that is not true or false", () => {
  assert.equal(onlyProblem(parse(storyFile({ ...minimal, dateInferred: "yes" }))).where, {
    file: FILE,
    line: 4,
    message: 'dateInferred: expected true or false, received the text "yes"',
  });
});

fieldProblems("a misspelt field name suggests the right one", () => {
  assert.equal(problemsOf(parse(storyFile({ tittle: "A story", date: "2018-11-23" }))), [
    { file: FILE, line: 2, message: 'unknown field "tittle"', hint: "did you mean title?" },
    { file: FILE, line: 1, message: "title: is missing", hint: "every story needs a title" },
  ]);
});

fieldProblems("every wrong field of a file is reported at once", () => {
  const problems = problemsOf(parse(storyFile({ title: "A story", date: "2018-13-45", byline: "42", topics: "\n  Huawei: 5G" })));
  assert.equal(
    problems.map((problem) => `${problem.line}: ${problem.message}`),
    [
      '3: date: "2018-13-45" is not a real calendar day',
      "4: byline: expected a list of names, received the number 42",
      "5: topics: expected a list of topics, received a map",
    ],
  );
});

fieldProblems.run();

// ---------------------------------------------------------------------------------------------

const printed = suite("formatProblem");

printed("prints the file and line an editor can open, what is wrong, and the hint", () => {
  const [problem] = problemsOf(parse(storyFile({ title: "A story", date: "2018-13-45" })));
  assert.is(
    formatProblem(problem),
    'articles/2018/11/story.md:3: date: "2018-13-45" is not a real calendar day (write a real day as date: 2018-11-23, or a moment as date: 2018-11-23T18:30:00-05:00)',
  );
});

printed("prints the file alone when no line is to blame", () => {
  assert.is(formatProblem({ file: FILE, message: "the file is empty" }), "articles/2018/11/story.md: the file is empty");
});

printed.run();

// ---------------------------------------------------------------------------------------------

const cached = suite("parseStoryFile: a file read again from the cache of an earlier build is read the same");

/** Everything a reader of the result sees, dates as printed (luxon objects do not compare by value). */
function facts(story: ParsedStoryFile) {
  const { date, updated, ...rest } = story.frontMatter;
  return {
    ...story,
    frontMatter: { ...rest, date: machineDate(date), dateMillis: date.local.toMillis(), updated: updated && machineDate(updated) },
  };
}

for (const [name, content] of [
  [
    "a dated day, CRLF line ends and a byte-order mark",
    "\uFEFF---\r\ntitle: Ünïcode “quotes”\r\ndate: 2018-11-23\r\nbyline: [Ray Le Maistre]\r\n---\r\n\r\n\r\nFirst paragraph.\r\n\r\nSecond.  \r\n",
  ],
  [
    "a moment with an offset across a change of summer time, and an update",
    "---\ntitle: A\ndate: 2018-11-04T01:30:00-05:00\nupdated: 2019-03-10T03:15:00\ntopics: [5G]\n---\nBody on the line after the fence.\n",
  ],
  ["front matter closed on the last line, no body", "---\ntitle: Reference only\ndate: 2001-02-03\n---"],
] as const) {
  cached(name, () => {
    const cache = { read: emptyParseCache(), write: emptyParseCache() };
    const bytes = Buffer.from(content, "utf8");
    const first = parseStoryFile(bytes, FILE, ZONE, cache);
    assert.is(cache.write.files.size, 1, "the file is kept for the next build");
    const next = { read: cache.write, write: emptyParseCache() };
    const again = parseStoryFile(bytes, FILE, ZONE, next);
    assert.ok(again.ok && first.ok && again.fileKey === first.fileKey, "the same bytes are found again");
    assert.equal(facts(parsed(again)), facts(parsed(first)));
    assert.equal(facts(parsed(again)), facts(parsed(parse(content))), "as read without a cache");
    assert.is(next.write.files.size, 1, "and kept again");
  });
}

cached("a changed file is read afresh, not taken from the cache", () => {
  const cache = { read: emptyParseCache(), write: emptyParseCache() };
  parseStoryFile(Buffer.from(storyFile({ ...minimal, title: "Before" }, "Body.")), FILE, ZONE, cache);
  const after = parseStoryFile(Buffer.from(storyFile({ ...minimal, title: "After" }, "Body.")), FILE, ZONE, {
    read: cache.write,
    write: emptyParseCache(),
  });
  assert.is(parsed(after).frontMatter.title, "After");
});

cached.run();
