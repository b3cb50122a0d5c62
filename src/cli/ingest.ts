/**
 * Turns a wire story (plain text) into a story of the archive, linking the earlier stories it
 * names by headline.
 *
 *   node --import tsx src/cli/ingest.ts FILE --title "T" --date YYYY-MM-DD [--inferred]
 *     [--topic T]... [--publication P] [--source URL] [--articles DIR] [--force]
 *
 * Prints each headline it could not link as a warning on stderr (FILE:LINE: …) and the new file's
 * path as the last line of stdout; exit code 0. Exit code 1, with every problem on stderr, when an
 * option is wrong, FILE cannot be read, or the story exists and --force was not given.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { UnmatchedReference } from "../wire/crossReferences.ts";
import { ingestWireCopy } from "../wire/ingest.ts";
import { loadKnownStories } from "../wire/knownStories.ts";
import { readStoryOptions, storyOptions } from "./storyOptions.ts";
import { problemsOfNewStory } from "./problemsOfNewStory.ts";
import { articlesFolderProblem, shownPath, storySourcePath, writeStoryFile } from "./storyFile.ts";

const USAGE = `usage: npm run ingest -- FILE --title "Headline" --date YYYY-MM-DD [--inferred]
         [--topic TOPIC]... [--publication NAME] [--source URL] [--articles DIR] [--force]

Writes the wire copy in FILE to articles/YYYY/MM/<slug>.md and prints its path. The closing
"— Name, Role, Publication" line becomes the byline; headlines of stories already in the archive,
in "(See …)" asides and in the list after a line ending "see:", become links.
  --publication  overrides the publication named in the byline
  --inferred     the date was worked out, not printed on the story
  --force        replace the story if it already exists (after adding stories it names)
  --articles     the archive folder (default: articles)`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...storyOptions, force: { type: "boolean", default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail([(error as Error).message], true);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  const { facts, problems } = readStoryOptions(values);
  if (positionals.length !== 1)
    problems.push(
      positionals.length === 0
        ? "give the wire copy file to ingest (e.g. npm run ingest -- wire/story.txt …)"
        : `give one wire copy file, received ${positionals.length}: ${positionals.join(" ")}`,
    );
  const folderProblem = await articlesFolderProblem(values.articles);
  if (folderProblem) problems.push(folderProblem);
  const wireFile = positionals[0];
  const wireText = wireFile === undefined ? undefined : await readWireCopy(wireFile, problems);
  if (!facts || wireText === undefined || problems.length > 0) return fail(problems);

  const sourcePath = storySourcePath(facts.date, facts.title);
  const knownStories = await loadKnownStories(values.articles);
  const { markdown, unmatched } = ingestWireCopy(wireText, facts, knownStories, sourcePath);
  const file = path.join(values.articles, sourcePath);
  const refused = await problemsOfNewStory(values.articles, sourcePath, markdown);
  if (refused.length > 0) return fail([...refused, "nothing was written: npm run check would refuse this story"]);
  const outcome = await writeStoryFile(file, markdown, { replace: values.force });
  if (outcome === "exists") return fail([`${shownPath(file)} already exists (run again with --force to replace it with this copy)`]);

  for (const reference of unmatched) console.error(`${wireFile}:${reference.line}: ${describeUnmatched(reference)}`);
  console.log(shownPath(file));
  return 0;
}

async function readWireCopy(file: string, problems: string[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(
      `cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message}`,
    );
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problems.push(`${file} is not UTF-8 text (save it as UTF-8 and try again)`);
    return undefined;
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") {
    problems.push(`${file} is empty (nothing to ingest; check that it is the wire copy)`);
    return undefined;
  }
  return text;
}

function describeUnmatched({ text, candidates }: UnmatchedReference): string {
  if (candidates && candidates.length > 1)
    return `${candidates.length} stories in the archive are titled ${JSON.stringify(text)} (${candidates.join(", ")}), so it is not linked (link the right one by hand)`;
  return `no story in the archive is titled ${JSON.stringify(text)} (add it with npm run new, then ingest again with --force)`;
}

function fail(problems: string[], showUsage = false): number {
  for (const problem of problems) console.error(`error: ${problem}`);
  if (showUsage) console.error(`\n${USAGE}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
