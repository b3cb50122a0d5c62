import { readFileSync } from "node:fs";
import path from "node:path";
import { BuildError, type Problem } from "../problems.ts";

/**
 * The record of every address the archive has published (issue 21: addresses never silently break
 * after publication). It lies in the articles folder, beside the stories, and is committed with
 * them: one line an address, sorted, each naming the story file that answers it, relative to the
 * folder. The build reads it before it makes the redirects and writes it once the site is
 * published; only `npm run addresses -- forget` (a story deleted on purpose) takes an address out.
 * It is JSON, not Markdown: the story listing reads `.md` files only (see storyFileListing.ts).
 */
export const ADDRESS_RECORD_FILE = "addresses.json";

/** What the file says it is, for whoever opens it. */
const ABOUT =
  "Every address this archive has published, and the story file (in this folder) that answers it. Written by npm run build: commit it with the stories. A story deleted on purpose: npm run addresses -- forget FILE.";

/** The address record of the archive in `articlesDir`. */
export const addressRecordFileOf = (articlesDir: string) => path.join(articlesDir, ADDRESS_RECORD_FILE);

/** Published address (site-relative, no path prefix) → the story file that answers it, relative to the articles folder. */
export type AddressRecord = Map<string, string>;

/** The record in `file`; empty when there is none yet (the first build). */
export function readAddressRecord(file: string): AddressRecord {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const shown = path.relative(process.cwd(), file) || file;
  const broken = (why: string) =>
    new BuildError({
      title: `${shown} cannot be read`,
      details: why,
      hint: `restore it from version control (git checkout -- ${shown}): it holds every address the archive has published`,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw broken(`it is not valid JSON: ${(error as Error).message}`);
  }
  const addresses = (parsed as { addresses?: unknown } | null)?.addresses;
  if (typeof addresses !== "object" || addresses === null || Array.isArray(addresses))
    throw broken('expected an object { "addresses": { "/address/": "story file" } }');
  const record: AddressRecord = new Map();
  for (const [address, sourcePath] of Object.entries(addresses)) {
    if (!address.startsWith("/") || typeof sourcePath !== "string" || !/\.md$/i.test(sourcePath))
      throw broken(`the entry ${JSON.stringify(address)}: ${JSON.stringify(sourcePath)} is not an address and a story file`);
    record.set(address, sourcePath);
  }
  return record;
}

/** The record as written: sorted by address, one a line, so a commit's diff shows each address added. */
export function addressRecordText(record: AddressRecord): string {
  const sorted = [...record].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = sorted.map(([address, sourcePath]) => `    ${JSON.stringify(address)}: ${JSON.stringify(sourcePath)}`);
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n  "addresses": {\n${lines.join(",\n")}${lines.length > 0 ? "\n" : ""}  }\n}\n`;
}

/** What the reconciliation needs of a published story. */
export interface PublishedStory {
  sourcePath: string;
  file: string;
  url: string;
  aliases: readonly string[];
}

export interface ReconciledAddresses {
  /** The record once this build is published: what it held (renamed files followed) and every address published now. */
  record: AddressRecord;
  /** By story file: its recorded addresses that are neither its address nor in its `aliases:`, to redirect to it. */
  redirects: Map<string, string[]>;
  problems: Problem[];
}

/**
 * Holds the archive against its record. A recorded address of a story whose address changed
 * (retitled, re-dated, re-slugged) becomes a redirect to it, with no edit to the story. A story
 * file renamed or moved is followed when its story still answers one of the file's recorded
 * addresses (its address or an alias); an address of a story deleted that another story lists in
 * its `aliases:` is that story's from then on. Anything else that would break a recorded address is a
 * problem: the file gone (or made a draft) without `npm run addresses -- forget`, or another
 * story now at an address recorded for a story still published elsewhere.
 */
export function reconcileAddresses(
  record: AddressRecord,
  stories: readonly PublishedStory[],
  recordFile: string,
  draftSourcePaths: ReadonlySet<string> = new Set(),
): ReconciledAddresses {
  const storyOf = new Map(stories.map((story) => [story.sourcePath, story]));
  const storyAt = new Map<string, PublishedStory>();
  for (const story of stories) {
    storyAt.set(story.url, story);
    for (const alias of story.aliases) storyAt.set(alias, story);
  }
  const recordedFiles = new Set(record.values());
  // A file gone from the record's view moved where a story not yet recorded answers one of its addresses.
  const movedTo = new Map<string, string>();
  for (const [address, sourcePath] of record) {
    if (storyOf.has(sourcePath) || draftSourcePaths.has(sourcePath) || movedTo.has(sourcePath)) continue;
    const now = storyAt.get(address);
    if (now && !recordedFiles.has(now.sourcePath)) movedTo.set(sourcePath, now.sourcePath);
  }
  const shown = path.relative(process.cwd(), recordFile) || recordFile;
  const problems: Problem[] = [];
  const redirects = new Map<string, string[]>();
  const next: AddressRecord = new Map();
  const gone = new Map<string, string[]>();
  for (const [address, recordedPath] of record) {
    const sourcePath = movedTo.get(recordedPath) ?? recordedPath;
    const story = storyOf.get(sourcePath);
    const answering = storyAt.get(address);
    if (!story) {
      // A story gone whose address another story took in its aliases: the editor sent its readers there.
      if (answering) next.set(address, answering.sourcePath);
      else gone.set(sourcePath, [...(gone.get(sourcePath) ?? []), address]);
      continue;
    }
    next.set(address, sourcePath);
    if (answering === story) continue;
    if (answering) {
      problems.push({
        file: answering.file,
        message: `${address} is now this story's ${answering.url === address ? "address" : "alias"}, but the archive published ${story.sourcePath} there (see ${shown}), which is at ${story.url} now`,
        hint: `give this story another slug: line, so old links still lead to the story they named; or, to hand the address over, npm run addresses -- forget ${address}`,
      });
      continue;
    }
    redirects.set(sourcePath, [...(redirects.get(sourcePath) ?? []), address]);
  }
  for (const [sourcePath, addresses] of gone) {
    for (const address of addresses) next.set(address, sourcePath);
    const draft = draftSourcePaths.has(sourcePath);
    problems.push({
      file: shown,
      message: `${addresses.join(", ")} ${addresses.length === 1 ? "was" : "were"} published, and ${sourcePath} ${draft ? "is a draft now" : "is gone"}: ${addresses.length === 1 ? "it" : "they"} would break`,
      hint: draft
        ? `publish it again (remove draft: true), or, to take it down on purpose, npm run addresses -- forget ${sourcePath}`
        : `restore ${sourcePath}; if it was deleted on purpose, npm run addresses -- forget ${sourcePath}; if it was moved, npm run addresses -- move ${sourcePath} NEW-FILE`,
    });
  }
  for (const story of stories) {
    if (!next.has(story.url)) next.set(story.url, story.sourcePath);
    for (const alias of story.aliases) if (!next.has(alias)) next.set(alias, story.sourcePath);
  }
  return { record: next, redirects, problems };
}

/** Whether two records hold the same addresses of the same files. */
export function sameRecord(a: AddressRecord, b: AddressRecord): boolean {
  if (a.size !== b.size) return false;
  for (const [address, sourcePath] of a) if (b.get(address) !== sourcePath) return false;
  return true;
}

/** Takes out of the record every address of a story file, or one address; returns what it took out. */
export function forgetAddresses(record: AddressRecord, fileOrAddress: string): string[] {
  const forgotten = [...record].filter(([address, sourcePath]) => address === fileOrAddress || sourcePath === fileOrAddress);
  for (const [address] of forgotten) record.delete(address);
  return forgotten.map(([address]) => address);
}

/** Gives a moved story file's recorded addresses to its new file; returns them. */
export function moveAddresses(record: AddressRecord, from: string, to: string): string[] {
  const moved = [...record].filter(([, sourcePath]) => sourcePath === from).map(([address]) => address);
  for (const address of moved) record.set(address, to);
  return moved;
}
