import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A throwaway project folder whose `articles/` holds the given story files. */
export interface FixtureArchive {
  /** The project folder: run the CLIs here. */
  root: string;
  /** `root/articles`. */
  articles: string;
  remove(): Promise<void>;
}

/** Files by path relative to `articles/` ("2018/08/x.md") and their text. */
export async function createFixtureArchive(files: Record<string, string>): Promise<FixtureArchive> {
  const root = await mkdtemp(path.join(tmpdir(), "news-archive-"));
  const articles = path.join(root, "articles");
  await mkdir(articles);
  for (const [sourcePath, text] of Object.entries(files)) {
    const file = path.join(articles, sourcePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return { root, articles, remove: () => rm(root, { recursive: true, force: true }) };
}

/** The smallest story file a headline can be matched against. */
export function referenceOnlyStory(title: string, date = "2018-01-01"): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n---\n`;
}
