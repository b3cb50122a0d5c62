import { statSync } from "node:fs";
import path from "node:path";
import { BuildError } from "../problems.ts";

/**
 * An empty or missing story folder is an error, not an empty site published over the last good
 * one (issue 22): a mistyped --input, or a checkout without its articles, must not wipe a site.
 */
export function checkStoryFolder(articlesDir: string, storyFiles: number | undefined): void {
  const shown = path.relative(process.cwd(), path.resolve(articlesDir)) || ".";
  let stats;
  try {
    stats = statSync(articlesDir);
  } catch {
    throw new BuildError({
      title: `there is no story folder ${shown}/`,
      details: `${path.resolve(articlesDir)} does not exist`,
      hint: "run the command from the project's folder, or name the story folder with --input DIR",
    });
  }
  if (!stats.isDirectory())
    throw new BuildError({
      title: `${shown} is not a folder`,
      details: "the stories are Markdown files in a folder",
      hint: "name the folder with --input DIR",
    });
  if (storyFiles === 0)
    throw new BuildError({
      title: `there are no story files in ${shown}/`,
      details: "a build of no stories would publish an empty site over the last one",
      hint: "add a story (npm run new) or import an archive (npm run import), or name the story folder with --input DIR",
    });
}
