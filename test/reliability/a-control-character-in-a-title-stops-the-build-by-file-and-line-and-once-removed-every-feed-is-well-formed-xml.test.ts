import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../src/build/buildSite.ts";
import { archiveOnDisk, writeStoryFiles } from "./archiveOnDisk.ts";

/**
 * Issue 22: one bell character (U+0007, pasted from a terminal) in a title made feed.xml ill-formed
 * XML for every subscriber. Now the build stops naming the file and line and writes no site; once
 * the editor deletes it, every feed is well-formed and holds only characters XML 1.0 allows
 * (fast-xml-parser's validator does not check characters, so they are checked here too).
 */

// XML 1.0, section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const STORY = "2018/11/council-rings-the-bell.md";
const storyText = (title: string) =>
  `---\ntitle: "${title}"\ndate: 2018-11-21\nbyline: [Dan Jones]\ntopics: [Broadband]\nsummary: "The vote passed seven to two."\n---\nThe council voted on Tuesday night.\n`;

const test = suite("a control character in a title stops the build by file and line; once removed, every feed is well-formed XML");

test("the build stops naming the title's line, and the fixed story's feeds are well-formed XML without it", async () => {
  const project = archiveOnDisk({
    [STORY]: storyText("Council Rings the Bell\u0007 on Rural Broadband"),
    "2018/11/an-ordinary-story.md": "---\ntitle: An Ordinary Story\ndate: 2018-11-20\n---\nNothing odd in it.\n",
  });
  const failure = await buildSite({ input: project.articles, output: project.site }).then(
    () => undefined,
    (error: Error) => error,
  );
  assert.ok(failure, "the build with the bell in a title succeeded");
  assert.match(failure.message, `${STORY}:2: title: holds the control character U+0007`);
  assert.not.ok(existsSync(path.join(project.site, "feed.xml")), "a feed was written from the story with the bell");

  writeStoryFiles(project.articles, { [STORY]: storyText("Council Rings the Bell on Rural Broadband") });
  await buildSite({ input: project.articles, output: project.site });
  const feeds = readdirSync(project.site, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".xml"));
  assert.ok(feeds.includes("feed.xml") && feeds.some((file) => file.startsWith("topics/broadband/")), feeds.join(", "));
  for (const file of feeds) {
    const xml = readFileSync(path.join(project.site, file), "utf8");
    assert.is(XMLValidator.validate(xml), true, `${file}: ${JSON.stringify(XMLValidator.validate(xml))}`);
    assert.not.match(xml, NOT_XML_CHARACTER, `${file} holds a character XML does not allow`);
  }
  assert.match(readFileSync(path.join(project.site, "feed.xml"), "utf8"), "Council Rings the Bell on Rural Broadband");
});

test.run();
