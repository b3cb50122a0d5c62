import path from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateArchive } from "../../bench/generate.ts";
import { buildSite } from "../../src/build/buildSite.ts";
import { archiveOnDisk, differences, fingerprint } from "./archiveOnDisk.ts";

/**
 * The same articles give the same site, byte for byte: no build time in any page, feed or search
 * file, and one order for stories that tie. Each archive is built twice, into two folders.
 */

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

async function buildTwice(articles: string) {
  const first = archiveOnDisk();
  const second = archiveOnDisk();
  await buildSite({ input: articles, output: first.site });
  await buildSite({ input: articles, output: second.site });
  return { first: fingerprint(first.site), second: fingerprint(second.site) };
}

const test = suite("two builds of the same articles are byte-identical");

test("the real archive builds to the same tree twice", async () => {
  const { first, second } = await buildTwice(path.relative(process.cwd(), path.join(projectRoot, "articles")) || "articles");
  assert.ok(first.size > 50, `the build wrote ${first.size} files`);
  assert.equal(differences(first, second), []);
});

test("a generated archive of 300 stories builds to the same tree twice", async () => {
  const generated = archiveOnDisk();
  const summary = generateArchive({ articles: 300, out: generated.articles, seed: 11, clean: true });
  assert.is(summary.stories, 300);
  const { first, second } = await buildTwice(generated.articles);
  assert.ok(
    [...first.keys()].some((file) => file.startsWith("pagefind/")),
    "the search index is part of the comparison",
  );
  assert.equal(differences(first, second), []);
});

test("stories that tie on day, time, author and topic come out the same whatever order their files were written in", async () => {
  const ties: Record<string, string> = {};
  for (const name of ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]) {
    const title = name === "echo" || name === "foxtrot" ? "Same Headline" : `Huawei ${name}`;
    ties[`2018/11/${name}.md`] =
      `---\ntitle: ${title}\ndate: 2018-11-23\nslug: ${name}\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\nText of ${name}.\n`;
  }
  const forwards = archiveOnDisk(ties);
  const backwards = archiveOnDisk(Object.fromEntries(Object.entries(ties).reverse()));
  await buildSite({ input: forwards.articles, output: forwards.site });
  await buildSite({ input: backwards.articles, output: backwards.site });
  assert.equal(differences(fingerprint(forwards.site), fingerprint(backwards.site)), []);
});

test.run();
