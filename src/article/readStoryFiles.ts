import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { StorySource } from "../archive/buildArchive.ts";

/**
 * Reads every `.md` file under the articles folder, in a stable order. `file` names each as seen
 * from the working directory, which is how editors and their terminals refer to it.
 */
export async function readStoryFiles(articlesDir: string): Promise<StorySource[]> {
  const entries = await readdir(articlesDir, { recursive: true, withFileTypes: true });
  const sourcePaths = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) => path.relative(articlesDir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/"))
    .sort();
  // A few hundred reads at a time: opening 100,000 files at once exceeds the open-file limit (EMFILE).
  const sources: StorySource[] = [];
  const batchSize = 256;
  for (let start = 0; start < sourcePaths.length; start += batchSize) {
    sources.push(
      ...(await Promise.all(
        sourcePaths.slice(start, start + batchSize).map(async (sourcePath) => {
          const absolute = path.join(articlesDir, sourcePath);
          return { sourcePath, file: path.relative(process.cwd(), absolute) || absolute, bytes: await readFile(absolute) };
        }),
      )),
    );
  }
  return sources;
}
