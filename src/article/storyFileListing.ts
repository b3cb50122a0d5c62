import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";

/**
 * Which files under the articles folder are stories. A story file ends in `.md`; a file that is
 * a link is read when it points to a file inside the folder. Anything else a story might be is
 * reported, never left out without a word (issue 22): a file ending in another Markdown extension,
 * and a link that points nowhere, to a folder, or outside the folder (whose file would be
 * published from wherever it lies).
 *
 * Decision: `.markdown`, `.mdown` and the like are reported, not read. Story files are named
 * `.md` everywhere else (links between stories, `npm run new`, `import`, `ingest` and the wire
 * copy's headline index all look for `.md`), so a story read under another extension could not
 * be linked to as other stories are; renaming it is one command.
 */

/** A file the listing found that is not read as a story, and why. */
export interface UnlistedFile {
  /** Relative to the articles folder, "/"-separated. */
  sourcePath: string;
  message: string;
  hint: string;
}

export interface StoryFileListing {
  /** The story files, relative to the folder, "/"-separated, in a stable order. */
  sourcePaths: string[];
  unlisted: UnlistedFile[];
}

const STORY = /\.md$/i;
// GitHub Linguist's Markdown extensions besides .md (languages.yml).
const OTHER_MARKDOWN = /\.(?:markdown|mdown|mdwn|mkd|mkdn|mkdown)$/i;

export function listStoryFiles(dir: string): StoryFileListing {
  const sourcePaths: string[] = [];
  const unlisted: UnlistedFile[] = [];
  let realDir: string | undefined;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const isStory = STORY.test(entry.name);
    if (!isStory && !OTHER_MARKDOWN.test(entry.name)) continue;
    if (entry.isDirectory()) continue; // A folder named "x.md": its files are listed on their own.
    const sourcePath = sourcePathOf(dir, entry);
    const renamed = (what: string) => ({
      sourcePath,
      message: `is not read: ${what} ends in ${path.extname(entry.name)}, and story files end in .md`,
      hint: `rename it to ${entry.name.slice(0, -path.extname(entry.name).length)}.md`,
    });
    if (entry.isFile()) {
      if (isStory) sourcePaths.push(sourcePath);
      else unlisted.push(renamed("the file"));
      continue;
    }
    if (!entry.isSymbolicLink()) {
      unlisted.push({ sourcePath, message: "is not read: it is not a file", hint: "put the story's text in a file of that name" });
      continue;
    }
    realDir ??= realpathSync(dir);
    const problem = linkProblem(path.join(dir, sourcePath), realDir);
    if (problem) unlisted.push({ sourcePath, ...problem });
    else if (isStory) sourcePaths.push(sourcePath);
    else unlisted.push(renamed("the link"));
  }
  sourcePaths.sort();
  unlisted.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
  return { sourcePaths, unlisted };
}

function sourcePathOf(dir: string, entry: Dirent): string {
  return path
    .relative(dir, path.join(entry.parentPath ?? entry.path, entry.name))
    .split(path.sep)
    .join("/");
}

/** Why a link cannot be read as a story, or undefined when it points to a file inside the folder. */
function linkProblem(link: string, realDir: string): { message: string; hint: string } | undefined {
  const target = readlinkSync(link);
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return {
      message: `is not read: it is a link to ${target}, which does not exist`,
      hint: "point the link at a story file inside the articles folder, or remove it",
    };
  }
  if (!real.startsWith(realDir + path.sep))
    return {
      message: `is not read: it is a link to ${target}, outside the articles folder`,
      hint: "copy the story into the articles folder instead of linking to it",
    };
  if (!statSync(real).isFile())
    return { message: `is not read: it is a link to ${target}, which is not a file`, hint: "point the link at a story file, or remove it" };
  return undefined;
}
