import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildArchive, type Archive, type StorySource } from "../../src/archive/buildArchive.ts";
import { formatProblem, type Problem } from "../../src/problems.ts";
import { quoted, storyFile, storySource } from "../support/storyFile.ts";

const options = { timeZone: "America/New_York", includeDrafts: false };

function archiveOf(sources: StorySource[]): Archive {
  const { archive, problems } = buildArchive(sources, options);
  assert.equal(problems.map(formatProblem), [], "expected an archive without problems");
  return archive;
}

function problemsOf(sources: StorySource[]): Problem[] {
  return buildArchive(sources, options).problems;
}

const referenceOnly = (sourcePath: string, title: string, date: string) =>
  storySource(sourcePath, storyFile({ title: quoted(title), date }));
const withBody = (sourcePath: string, title: string, date: string, body: string) =>
  storySource(sourcePath, storyFile({ title: quoted(title), date }, body));

const bodyOf = (archive: Archive, sourcePath: string) => archive.bySourcePath.get(sourcePath)?.bodyHtml;
const titles = (stories: readonly { title: string }[] | undefined) => (stories ?? []).map((story) => story.title);

// ---------------------------------------------------------------------------------------------

const resolution = suite("buildArchive: a link to another story's file becomes a link to its page");

resolution("a relative link to a story file leads to that story's URL", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "(See [Australia Excludes Huawei, ZTE From 5G Rollouts](../08/australia.md).)\n"),
    referenceOnly("2018/08/australia.md", "Australia Excludes Huawei, ZTE From 5G Rollouts", "2018-08-23"),
  ]);
  assert.is(
    bodyOf(archive, "2018/11/seed.md"),
    '<p>(See <a href="/2018/08/23/australia-excludes-huawei-zte-from-5g-rollouts/">Australia Excludes Huawei, ZTE From 5G Rollouts</a>.)</p>\n',
  );
});

resolution("links in the same folder and in another year's folder resolve too", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "- [Near](near.md)\n- [Far](../../2012/10/far.md)\n"),
    referenceOnly("2018/11/near.md", "Near", "2018-11-21"),
    referenceOnly("2012/10/far.md", "Far", "2012-10-08"),
  ]);
  assert.is(
    bodyOf(archive, "2018/11/seed.md"),
    '<ul>\n<li><a href="/2018/11/21/near/">Near</a></li>\n<li><a href="/2012/10/08/far/">Far</a></li>\n</ul>\n',
  );
});

resolution("a fragment after the file name is kept", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "See [the verdict](../../2012/10/far.md#the-verdict).\n"),
    withBody("2012/10/far.md", "Far", "2012-10-08", "## The verdict\n\nGuilty.\n"),
  ]);
  assert.is(bodyOf(archive, "2018/11/seed.md"), '<p>See <a href="/2012/10/08/far/#the-verdict">the verdict</a>.</p>\n');
});

resolution("a story whose date was moved keeps being linked at its new address", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "See [it](../09/filed-in-september.md).\n"),
    referenceOnly("2018/09/filed-in-september.md", "Filed In September", "2018-10-02"),
  ]);
  assert.is(bodyOf(archive, "2018/11/seed.md"), '<p>See <a href="/2018/10/02/filed-in-september/">it</a>.</p>\n');
});

resolution("web addresses and links within the page are left as they are", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "A [report](https://www.wsj.com/articles/x.md) and [a note](#note).\n"),
  ]);
  assert.is(
    bodyOf(archive, "2018/11/seed.md"),
    '<p>A <a href="https://www.wsj.com/articles/x.md">report</a> and <a href="#note">a note</a>.</p>\n',
  );
});

resolution("a reference-only story has no rendered body", () => {
  const archive = archiveOf([referenceOnly("2018/08/australia.md", "Australia", "2018-08-23")]);
  assert.is(bodyOf(archive, "2018/08/australia.md"), undefined);
  assert.is(archive.bySourcePath.get("2018/08/australia.md")?.body, "");
});

resolution.run();

// ---------------------------------------------------------------------------------------------

const missing = suite("buildArchive: a link to a story file that does not exist is reported with its file and line");

missing("a link in the first paragraph", () => {
  // ---, title, date, ---, blank line: the paragraph is on line 6.
  assert.equal(problemsOf([withBody("2018/11/seed.md", "Seed", "2018-11-23", "\n(See [Gone](../08/gone.md).)\n")]), [
    {
      file: "articles/2018/11/seed.md",
      line: 6,
      message: 'links to "../08/gone.md", but there is no story file articles/2018/08/gone.md',
      hint: "check the file name, or add the story with npm run new",
    },
  ]);
});

missing("a link on the third line of a paragraph, after other paragraphs", () => {
  const body = "\nFirst paragraph.\n\nSecond paragraph\nruns over\nthree lines to [Gone](gone.md).\n";
  assert.equal(
    problemsOf([withBody("2018/11/seed.md", "Seed", "2018-11-23", body)]).map((problem) => [problem.file, problem.line]),
    [["articles/2018/11/seed.md", 10]],
  );
});

missing("links in a list and in a quote, each on its own line", () => {
  const fields = { title: quoted("Seed"), date: "2018-11-23", publication: "Light Reading", topics: "[Huawei]" };
  const body = "For more, see:\n\n- [Here](here.md)\n- [Gone](../05/gone.md)\n\n> Quoted with [another](../04/also-gone.md)\n";
  const problems = problemsOf([
    storySource("2018/11/seed.md", storyFile(fields, body)),
    referenceOnly("2018/11/here.md", "Here", "2018-11-01"),
  ]);
  assert.equal(
    problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`),
    [
      'articles/2018/11/seed.md:10: links to "../05/gone.md", but there is no story file articles/2018/05/gone.md',
      'articles/2018/11/seed.md:12: links to "../04/also-gone.md", but there is no story file articles/2018/04/also-gone.md',
    ],
  );
});

missing("a link written with a reference definition is reported where it is used", () => {
  const body = "Read [the verdict][v] first.\n\n[v]: ../../2012/10/gone.md\n";
  assert.equal(
    problemsOf([withBody("2018/11/seed.md", "Seed", "2018-11-23", body)]).map((problem) => problem.line),
    [5],
  );
});

missing("a link with a fragment names the missing file", () => {
  assert.equal(
    problemsOf([withBody("2018/11/seed.md", "Seed", "2018-11-23", "See [Gone](gone.md#para-2).\n")]).map((problem) => problem.message),
    ['links to "gone.md#para-2", but there is no story file articles/2018/11/gone.md'],
  );
});

missing("a Windows file with a byte-order mark is reported on the same line", () => {
  const text = "\uFEFF---\r\ntitle: Seed\r\ndate: 2018-11-23\r\n---\r\n\r\nFirst.\r\n\r\nSee [Gone](gone.md).\r\n";
  assert.equal(
    problemsOf([storySource("2018/11/seed.md", text)]).map((problem) => problem.line),
    [8],
  );
});

missing.run();

// ---------------------------------------------------------------------------------------------

const backlinks = suite("buildArchive: every story knows which stories link to it");

backlinks("a story linked from two others is referenced by both, newest first", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "See [Target](../08/target.md).\n"),
    withBody("2018/09/middle.md", "Middle", "2018-09-17", "See [Target](../08/target.md) and [Target again](../08/target.md#end).\n"),
    withBody("2018/08/target.md", "Target", "2018-08-23", "Text.\n\n## End\n"),
  ]);
  assert.equal(titles(archive.referencedBy.get("2018/08/target.md")), ["Seed", "Middle"]);
});

backlinks("a story lists the stories it links to once each, in order of first mention", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "See [B](b.md), [A](a.md) and [B again](b.md).\n"),
    referenceOnly("2018/11/a.md", "A", "2018-11-01"),
    referenceOnly("2018/11/b.md", "B", "2018-11-02"),
  ]);
  assert.equal(archive.bySourcePath.get("2018/11/seed.md")?.references, ["2018/11/b.md", "2018/11/a.md"]);
});

backlinks("a story that no one links to is referenced by nothing", () => {
  const archive = archiveOf([
    withBody("2018/11/seed.md", "Seed", "2018-11-23", "See [A](a.md).\n"),
    referenceOnly("2018/11/a.md", "A", "2018-11-01"),
  ]);
  assert.equal(titles(archive.referencedBy.get("2018/11/seed.md")), []);
});

backlinks("a story that links to itself is not its own backlink", () => {
  const archive = archiveOf([withBody("2018/11/seed.md", "Seed", "2018-11-23", "## Top\n\nSee [this story](seed.md#top).\n")]);
  assert.is(bodyOf(archive, "2018/11/seed.md"), '<h2 id="top">Top</h2>\n<p>See <a href="/2018/11/23/seed/#top">this story</a>.</p>\n');
  assert.equal(titles(archive.referencedBy.get("2018/11/seed.md")), []);
});

backlinks.run();
