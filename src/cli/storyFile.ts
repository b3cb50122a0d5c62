import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../slug.ts";

/** Where a story lives, relative to the articles folder: "2018/11/<slug>.md". */
export function storySourcePath(date: string, title: string): string {
  const [year, month] = date.split("-");
  return `${year}/${month}/${slugify(title)}.md`;
}

/** A path as the editor should see it: relative to where they ran the command, with "/". */
export function shownPath(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join("/");
}

/** Why the articles folder cannot be used, or undefined when it is a folder. */
export async function articlesFolderProblem(articlesDir: string): Promise<string | undefined> {
  const stats = await stat(articlesDir).catch(() => undefined);
  if (stats?.isDirectory()) return undefined;
  return `--articles ${JSON.stringify(articlesDir)} is not a folder (run this from the project root, or pass --articles DIR)`;
}

/**
 * Writes a story file, creating its year and month folders. Without `replace`, an existing file
 * is left untouched and "exists" is returned: the check and the write are one step ("wx"), so two
 * editors adding the same story at once cannot overwrite each other.
 */
export async function writeStoryFile(file: string, text: string, { replace }: { replace: boolean }): Promise<"written" | "exists"> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { encoding: "utf8", flag: replace ? "w" : "wx" });
    return "written";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return "exists";
    throw error;
  }
}
