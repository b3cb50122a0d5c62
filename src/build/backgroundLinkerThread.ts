/** The thread of BackgroundLinker (backgroundLinker.ts): links batch after batch, then answers what was missing and unclaimed. */
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { LinkerRequest, LinkerStart, LinkResult } from "./backgroundLinkerMessages.ts";

const { site } = workerData as LinkerStart;
const port = parentPort!;
const inSite = new Set<string>();

function survey(folder: string): void {
  const entries = readdirSync(path.join(site!, folder), { withFileTypes: true });
  if (entries.length === 0 && folder !== "") inSite.add(folder + path.sep);
  for (const entry of entries) {
    const name = path.join(folder, entry.name);
    if (entry.isDirectory()) survey(name);
    else inSite.add(name);
  }
}

let surveyed = site === undefined;
function surveyOnce(): void {
  if (!surveyed) survey("");
  surveyed = true;
}

const claimed = new Set<string>();
function isThere(folder: string, file: string): boolean {
  const inside = site !== undefined && path.relative(site, folder);
  if (inside === false || inside.startsWith("..")) return existsSync(path.join(folder, file));
  const name = path.join(inside, file);
  claimed.add(name);
  return inSite.has(name);
}

const made = new Set<string>();
const missing: string[] = [];
port.on("message", (batch: LinkerRequest) => {
  surveyOnce();
  if (batch === "survey") return;
  if (batch === null) {
    port.postMessage({ missing, unclaimed: [...inSite].filter((name) => !claimed.has(name)) } satisfies LinkResult);
    return port.close();
  }
  for (const file of batch.files) {
    if (batch.unlessIn !== undefined && isThere(batch.unlessIn, file)) continue;
    const target = path.resolve(batch.to, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const source = path.join(batch.from, file);
    // A copy (a reflink where the disk has them), never a link: see copyUnshared (issue 19).
    try {
      copyFileSync(source, target, constants.COPYFILE_FICLONE);
    } catch (error) {
      if (existsSync(source)) throw error;
      missing.push(source);
    }
  }
});
