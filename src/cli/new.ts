/**
 * Adds a reference-only story (front matter, no body) to the archive: a story other stories link
 * to, whose text the archive does not hold.
 *
 *   node --import tsx src/cli/new.ts --title "T" --date YYYY-MM-DD [--inferred]
 *     [--byline "Name, Role"]... [--topic T]... [--publication P] [--source URL] [--articles DIR]
 *
 * Prints the new file's path as the last line of stdout. Exit code 1, with every problem on
 * stderr, when an option is wrong or the story already exists.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { serializeStory, type StoryFields } from "../wire/frontMatter.ts";
import { readStoryOptions, storyOptions } from "./storyOptions.ts";
import { problemsOfNewStory } from "./problemsOfNewStory.ts";
import { articlesFolderProblem, shownPath, storySourcePath, writeStoryFile } from "./storyFile.ts";

const USAGE = `usage: npm run new -- --title "Headline" --date YYYY-MM-DD [--inferred]
         [--byline "Name, Role"]... [--topic TOPIC]... [--publication NAME] [--source URL]
         [--articles DIR]

Adds a reference-only story to articles/YYYY/MM/<slug>.md and prints its path.
  --inferred     the date was worked out, not printed on the story
  --byline       "Name" or "Name, Role"; repeat for several authors
  --topic        repeat for several topics
  --articles     the archive folder (default: articles)`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...storyOptions, byline: { type: "string", multiple: true, default: [] as string[] } },
      strict: true,
    });
  } catch (error) {
    return fail([(error as Error).message], true);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  const { facts, problems } = readStoryOptions(values);
  const byline = values.byline.map(readBylineOption);
  for (const [index, entry] of byline.entries()) {
    if (entry.name === "")
      problems.push(
        `--byline ${JSON.stringify(values.byline[index])} has no name (write it as --byline "Ray Le Maistre, Editor-in-Chief")`,
      );
  }
  const folderProblem = await articlesFolderProblem(values.articles);
  if (folderProblem) problems.push(folderProblem);
  if (!facts || problems.length > 0) return fail(problems);

  const fields: StoryFields = { ...facts, byline: byline.length > 0 ? byline : undefined };
  const sourcePath = storySourcePath(facts.date, facts.title);
  const file = path.join(values.articles, sourcePath);
  const text = serializeStory(fields, "");
  const refused = await problemsOfNewStory(values.articles, sourcePath, text);
  if (refused.length > 0) return fail([...refused, "nothing was written: npm run check would refuse this story"]);
  const outcome = await writeStoryFile(file, text, { replace: false });
  if (outcome === "exists")
    return fail([
      `${shownPath(file)} already exists, so the archive already has a story with this date and headline (edit that file, or check --title and --date)`,
    ]);
  console.log(shownPath(file));
  return 0;
}

/** "Name, Role": the first comma ends the name; whatever follows is the role. */
function readBylineOption(option: string): { name: string; role?: string } {
  const comma = option.indexOf(",");
  if (comma === -1) return { name: option.trim() };
  const name = option.slice(0, comma).trim();
  const role = option.slice(comma + 1).trim();
  return role === "" ? { name } : { name, role };
}

function fail(problems: string[], showUsage = false): number {
  for (const problem of problems) console.error(`error: ${problem}`);
  if (showUsage) console.error(`\n${USAGE}`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
