import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../../src/build/buildSite.ts";

/**
 * Whole builds for tests: `buildSite` in this process, into fresh temporary folders that are
 * removed when the test run ends. A build of one input folder is made once per run and shared by
 * every test file that asks for it, since each build takes about half a second.
 */

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A folder of the project as the build is given it: relative to where the tests run. */
export function projectPath(relative: string): string {
  return path.relative(process.cwd(), path.join(projectRoot, relative)) || ".";
}

/** `test/fixtures/<behaviour>/`, as the build is given it. */
export function fixturePath(behaviour: string): string {
  return projectPath(path.join("test", "fixtures", behaviour));
}

const temporaryFolders: string[] = [];
process.on("exit", () => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/** An empty folder of its own, removed when the test run ends. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "news-archive-build-"));
  temporaryFolders.push(folder);
  return folder;
}

/** A site folder written by a build, read the way a static host serves it. */
export class BuiltSite {
  constructor(readonly output: string) {}

  /** The file a static host serves for a site URL ("/2018/" is "2018/index.html"). */
  fileFor(url: string): string {
    const pathname = decodeURIComponent(url.split(/[?#]/)[0]);
    return path.join(this.output, pathname.endsWith("/") ? pathname + "index.html" : pathname);
  }

  has(url: string): boolean {
    const file = this.fileFor(url);
    return existsSync(file) && statSync(file).isFile();
  }

  page(url: string): string {
    if (!this.has(url)) throw new Error(`the build wrote no page for ${url} (looked for ${this.fileFor(url)})`);
    return readFileSync(this.fileFor(url), "utf8");
  }

  /** The URL of every HTML page written, "/2018/" for "2018/index.html". */
  pageUrls(): string[] {
    return readdirSync(this.output, { recursive: true, encoding: "utf8" })
      .filter((entry) => entry.endsWith(".html"))
      .map(
        (entry) =>
          "/" +
          entry
            .split(path.sep)
            .join("/")
            .replace(/(^|\/)index\.html$/, "$1"),
      )
      .sort();
  }
}

/** Builds `input` into a new temporary folder. */
export async function buildInto(input: string): Promise<BuiltSite> {
  const output = path.join(temporaryFolder(), "site");
  await buildSite({ input, output });
  return new BuiltSite(output);
}

const builds = new Map<string, Promise<BuiltSite>>();

/** One build of `input` for the whole run; every test that awaits it sees the build's error if it failed. */
export function buildOnce(input: string): Promise<BuiltSite> {
  let build = builds.get(input);
  if (!build) builds.set(input, (build = buildInto(input)));
  return build;
}

/** The real `articles/` folder, built once for the run. */
export function realArchive(): Promise<BuiltSite> {
  return buildOnce(projectPath("articles"));
}

/** Each file under a folder and its bytes, to compare a folder before and after something. */
export function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(folder, entry);
    if (statSync(file).isFile()) files.set(entry.split(path.sep).join("/"), readFileSync(file));
  }
  return files;
}
