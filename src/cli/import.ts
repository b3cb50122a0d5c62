/**
 * Imports an old site's posts into the archive (issue 21): Jekyll and Hugo site folders, a WordPress
 * export (WXR) or an RSS/Atom feed, read offline.
 *
 *   node --import tsx src/cli/import.ts --from jekyll SITE [--site-url URL] [--articles DIR] [--dry-run] [--force] [--strict]
 *   node --import tsx src/cli/import.ts --from wordpress EXPORT.xml [--uploads DIR] …
 */
import { parseArgs } from "node:util";
import { site } from "../site.ts";
import { readJekyllSite } from "../import/jekyll.ts";
import { readWordPressExport } from "../import/wordpress.ts";
import { readFeed } from "../import/feed.ts";
import { readHugoSite } from "../import/hugo.ts";
import type { ImportedSite } from "../import/importedPost.ts";
import { formatReport, writeImport } from "../import/writeImport.ts";
import { articlesFolderProblem } from "./storyFile.ts";
import { applyProposedSettings } from "../import/proposedSettings.ts";

const USAGE = `usage: npm run import -- --from jekyll|hugo|wordpress|feed SOURCE [--site-url URL] [--articles DIR] [--dry-run] [--force] [--strict]

Imports the posts of an old site into articles/YYYY/MM/<slug>.md and prints a report. The old site's
title, description, address, language and time zone are written to site.json when there is none,
and otherwise printed as a proposal.
  --from       jekyll or hugo (a site folder), or wordpress (a WXR export file; --uploads DIR: its wp-content/uploads)
               or feed (an RSS 2.0 or Atom file)
  --site-url   the old site's address, when its configuration does not say it
  --dry-run    report what would be imported, write nothing
  --force      replace stories that already exist with different text, and site.json's settings with those proposed
  --strict     exit 1 when there is any warning`;

const READERS: Record<string, (source: string, siteUrl: string | undefined, uploads: string | undefined) => ImportedSite> = {
  jekyll: (source, siteUrl) => readJekyllSite(source, siteUrl, site.timeZone),
  wordpress: (source, siteUrl, uploads) => readWordPressExport(source, siteUrl, uploads),
  hugo: (source, siteUrl) => readHugoSite(source, siteUrl, site.timeZone),
  feed: (source, siteUrl) => readFeed(source, siteUrl, site.timeZone),
};

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: "string" },
        "site-url": { type: "string" },
        articles: { type: "string", default: "articles" },
        uploads: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const reader = values.from === undefined ? undefined : READERS[values.from];
  if (!reader) return fail(`--from must be one of ${Object.keys(READERS).join(", ")}, received ${JSON.stringify(values.from)}`);
  if (positionals.length !== 1) return fail("name one SOURCE: the old site's folder or export file");
  const folderProblem = await articlesFolderProblem(values.articles);
  if (folderProblem) return fail(folderProblem);

  const imported = reader(positionals[0], values["site-url"], values.uploads);
  const report = await writeImport(imported, { articles: values.articles, dryRun: values["dry-run"], force: values.force });
  console.log(formatReport(report, values["dry-run"]));
  // After the stories: a failed import proposes nothing. The settings file is the project's, where the build reads it.
  if (imported.settings && report.imported.length > 0)
    console.log(applyProposedSettings(imported.settings, process.cwd(), { dryRun: values["dry-run"], force: values.force }).join("\n"));
  if (report.imported.length === 0) return 1;
  return values.strict && report.warnings.length > 0 ? 1 : 0;
}

function fail(problem: string): number {
  console.error(`error: ${problem}\n\n${USAGE}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
