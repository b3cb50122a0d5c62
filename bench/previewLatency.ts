/**
 * How long `npm start` takes to show a saved story, as an editor sees it: the preview is started
 * on an archive, a story file is saved, and its page is fetched over HTTP until it shows the
 * change. Each save is timed from the write to the first response that shows it (issue 23).
 *
 *   node --import tsx bench/previewLatency.ts --input /tmp/articles [--rounds 2]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const repo = path.resolve(import.meta.dirname, "..");

export interface PreviewLatency {
  /** From `npm start` to the home page served. */
  startSeconds: number;
  /** Each save: what it was, and seconds from the write to the page showing it. */
  saves: { what: string; seconds: number }[];
}

interface Running {
  child: ChildProcess;
  url: string;
  output: string;
  /** What it printed so far. */
  printed: () => string;
}

async function startPreview(input: string, work: string): Promise<Running> {
  const output = path.join(work, "preview");
  const child = spawn(
    process.execPath,
    [
      // As `npm start` runs it: the bundle, with plain Node.
      path.join(repo, "src/cli/run.mjs"),
      "preview",
      "--input",
      input,
      "--output",
      output,
      "--cache-dir",
      path.join(work, "preview-cache"),
      "--port",
      "0",
    ],
    { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
  );
  let printed = "";
  child.stderr!.on("data", (chunk) => (printed += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      printed += chunk;
      const found = /at (http:\/\/\S+)/.exec(printed);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`the preview ended (${code}) before serving:\n${printed}`)));
  });
  return { child, url, output, printed: () => printed };
}

/** Polls `url` until `shows` says the response shows the change; the seconds since `since`. */
async function secondsUntil(
  preview: Running,
  url: string,
  since: number,
  shows: (status: number, body: string) => boolean,
  timeoutMs = 300_000,
): Promise<number> {
  for (;;) {
    if (preview.child.exitCode !== null || preview.child.signalCode !== null)
      throw new Error(`the preview ended (${preview.child.exitCode ?? preview.child.signalCode}):\n${preview.printed()}`);
    const response = await fetch(url).catch(() => undefined);
    const body = response ? await response.text() : "";
    if (response && shows(response.status, body)) return (performance.now() - since) / 1000;
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not show the change within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A story of an old year (the archive's oldest folder), its file and its address. */
function oldStory(input: string): { file: string; url: string } {
  const year = readdirSync(input)
    .filter((name) => /^\d{4}$/.test(name))
    .sort()[0];
  const month = readdirSync(path.join(input, year)).sort()[0];
  const name = readdirSync(path.join(input, year, month))
    .filter((file) => file.endsWith(".md"))
    .sort()[0];
  const file = path.join(input, year, month, name);
  const date = /^date: (\d{4})-(\d{2})-(\d{2})/m.exec(readFileSync(file, "utf8"))!;
  return { file, url: `${date[1]}/${date[2]}/${date[3]}/${name.replace(/\.md$/, "")}/` };
}

/** Starts the preview on `input`, saves an edit to an old story and a new story `rounds` times each, and stops it. */
export async function measurePreviewLatency(
  input: string,
  rounds = 2,
  log: (message: string) => void = () => undefined,
): Promise<PreviewLatency> {
  const work = mkdtempSync(path.join(os.tmpdir(), "news-archive-preview-bench-"));
  const started = performance.now();
  const preview = await startPreview(input, work);
  try {
    const startSeconds = (performance.now() - started) / 1000;
    log(`preview started in ${startSeconds.toFixed(1)} s at ${preview.url}`);
    const saves: PreviewLatency["saves"] = [];
    const old = oldStory(input);
    for (let round = 1; round <= rounds; round++) {
      const marker = `The harbour board confirmed the figures in round ${round} of the bench.`;
      let since = performance.now();
      appendFileSync(old.file, `\n${marker}\n`);
      log(`saved ${old.file}, waiting for ${old.url}`);
      saves.push({
        what: "a paragraph added to an old story",
        seconds: await secondsUntil(preview, preview.url + old.url, since, (_, body) => body.includes(marker)),
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const slug = `bench-preview-story-${round}-${Date.now().toString(36)}`;
      const folder = path.join(input, "2025", "12");
      mkdirSync(folder, { recursive: true });
      since = performance.now();
      writeFileSync(
        path.join(folder, `${slug}.md`),
        `---\ntitle: "Bench Preview Story ${round}"\ndate: 2025-12-30\nslug: ${slug}\ntopics: [Bench]\n---\n\nA story saved by the bench to time the preview.\n`,
      );
      saves.push({
        what: "a new story",
        seconds: await secondsUntil(preview, `${preview.url}2025/12/30/${slug}/`, since, (status) => status === 200),
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { startSeconds, saves };
  } finally {
    if (preview.child.exitCode === null && preview.child.signalCode === null) {
      // A preview that does not end on SIGINT (a build hung) is stopped all the same.
      const stopping = setTimeout(() => preview.child.kill("SIGKILL"), 20_000);
      preview.child.kill("SIGINT");
      await new Promise((resolve) => preview.child.once("exit", resolve));
      clearTimeout(stopping);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { input: { type: "string" }, rounds: { type: "string", default: "2" } } });
  if (!values.input) throw new Error("--input: the articles folder to preview (it is edited: give a copy)");
  console.log(
    JSON.stringify(await measurePreviewLatency(values.input, Number(values.rounds), (message) => console.error(message)), null, 2),
  );
}
