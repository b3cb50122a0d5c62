import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runCli } from "../support/runCli.ts";

/** Issue 22 for imports: an old post's image path with "../" must not copy a file from outside the site folder, named relatively or not. */

const test = suite("an image path leading out of the old site");

test("is reported as a missing image, and nothing outside the site folder is copied", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "news-archive-import-outside-"));
  writeFileSync(path.join(root, "private.png"), "not the site's");
  const site = path.join(root, "blog");
  mkdirSync(path.join(site, "_posts"), { recursive: true });
  writeFileSync(path.join(site, "_config.yml"), "title: Harbour Notes\ntimezone: Europe/London\n");
  writeFileSync(
    path.join(site, "_posts", "2021-05-02-ferry-timetable-changes.md"),
    "---\ntitle: Ferry Timetable Changes\n---\nThe new timetable.\n\n![The timetable](../../private.png)\n",
  );
  const project = path.join(root, "project");
  mkdirSync(path.join(project, "articles"), { recursive: true });
  const run = await runCli("import", ["--from", "jekyll", path.relative(project, site)], project);
  assert.is(run.code, 0, run.stderr);
  const written = readdirSync(path.join(project, "articles"), { recursive: true, encoding: "utf8" });
  assert.ok(
    written.some((file) => file.endsWith("ferry-timetable-changes.md")),
    written.join(", "),
  );
  assert.not.ok(
    written.some((file) => file.endsWith(".png")),
    `no image was copied: ${written.join(", ")}`,
  );
  assert.match(run.stdout + run.stderr, /private\.png/);
});

test.run();
