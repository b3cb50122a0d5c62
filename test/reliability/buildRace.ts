import { spawn, type ChildProcess } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { archiveOnDisk, differences, fingerprint, type ArchiveOnDisk } from "./archiveOnDisk.ts";

/** What the build-lock and cache-integrity tests share: a small archive, real build processes, a clean build to compare with. */

export const threeStories = {
  "2020/01/the-published-story.md":
    "---\ntitle: The Published Story\ndate: 2020-01-14\nbyline: [Dan Jones]\ntopics: [Huawei]\n---\nThe text readers already have.\n",
  "2020/01/a-story-that-goes.md": "---\ntitle: A Story That Goes\ndate: 2020-01-10\ntopics: [Goners]\n---\nIt goes.\n",
  "2019/06/last-summer.md": "---\ntitle: Last Summer’s Auction\ndate: 2019-06-03\ntopics: [Spectrum]\n---\nBids closed at noon.\n",
};

const launcher = fileURLToPath(new URL("../../src/cli/run.mjs", import.meta.url));

/** `npm run build` of the project's articles into `site/`, its cache in `.cache/`, as a process of its own. */
export function startBuild(
  project: ArchiveOnDisk,
  extraArgs: string[] = [],
): ChildProcess & { ended: Promise<{ code: number | null; output: string }> } {
  const child = spawn(
    process.execPath,
    [launcher, "build", "--input", "articles", "--output", "site", "--cache-dir", ".cache", ...extraArgs],
    {
      cwd: project.root,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const ended = new Promise<{ code: number | null; output: string }>((resolve) => child.once("exit", (code) => resolve({ code, output })));
  return Object.assign(child, { ended });
}

/** How the published site differs from a clean build of the same articles (a fresh site and cache): [] when equal. */
export async function differencesFromCleanBuild(project: ArchiveOnDisk): Promise<string[]> {
  const clean = archiveOnDisk();
  cpSync(project.articles, clean.articles, { recursive: true });
  const { code, output } = await startBuild(clean).ended;
  if (code !== 0) throw new Error(`the clean build failed:\n${output}`);
  return differences(fingerprint(project.site), fingerprint(clean.site));
}
