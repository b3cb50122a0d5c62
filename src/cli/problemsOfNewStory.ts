import path from "node:path";
import { buildArchive } from "../archive/buildArchive.ts";
import { readStoryFiles, storyFileNames } from "../article/readStoryFiles.ts";
import { formatProblem, sortProblems } from "../problems.ts";
import { readSiteSettings } from "../site.ts";

/**
 * What `npm run check` would then report about a story `new` or `ingest` is about to write, in
 * its words (issue 22: they refuse what check would refuse): the story is read beside the
 * archive's other story files, so an address it would share is found too. Nothing is written.
 */
export async function problemsOfNewStory(articlesDir: string, sourcePath: string, text: string): Promise<string[]> {
  const { timeZone } = readSiteSettings();
  const others = (await readStoryFiles(articlesDir)).filter((source) => source.sourcePath !== sourcePath);
  const file = storyFileNames(articlesDir)(sourcePath);
  const candidate = { sourcePath, file, bytes: Buffer.from(text, "utf8") };
  const { problems } = buildArchive([...others, candidate], { timeZone, includeDrafts: false });
  return sortProblems(problems.filter((problem) => path.normalize(problem.file) === path.normalize(file))).map(formatProblem);
}
