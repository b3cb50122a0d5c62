import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BuildError } from "../problems.ts";

/**
 * A lock on the folders a build writes (its site, its cache, a parts folder), so that two builds
 * in one checkout never share a staging folder, a patch journal or a cache entry (issue 19: two
 * `npm run build` a fraction of a second apart published a site later builds did not repair).
 *
 * Each folder's lock is a file beside it (`.<name>.lock`, so that `rm -rf _site` leaves it be)
 * holding who holds it as JSON. It is written under a name of its own and hard-linked into place:
 * `link` fails if the lock exists, so taking it is atomic and the lock is never seen half written.
 * The holder touches it every few seconds; a lock whose process is gone (on this host) or that
 * was not touched for `STALE_AFTER_MS` (a build killed on another host sharing the folder) is
 * taken over.
 */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Tells this holding from any other, so a takeover never removes a fresh lock by mistake. */
  token: string;
}

export interface LockOptions {
  /** How long to wait for another build, in milliseconds: 0 stops at once. Default `DEFAULT_LOCK_WAIT_MS`. */
  waitMs?: number;
  /** Told once while waiting and on each takeover of a stale lock; default: standard error. */
  say?: (message: string) => void;
}

/** Long enough for a whole build of a large archive; a build waiting longer than that is likely waiting on a hung one. */
export const DEFAULT_LOCK_WAIT_MS = 15 * 60 * 1000;
const HEARTBEAT_MS = 5_000;
/** Many heartbeats missed: the holder is gone even if its pid (on another host, or reused) says otherwise. */
const STALE_AFTER_MS = 2 * 60 * 1000;
const POLL_MS = 100;

/** Another build holds a folder this one writes, and this one did not wait (long enough). */
export class BuildLockedError extends BuildError {
  constructor(folder: string, holder: LockHolder | undefined, waitedMs: number) {
    const who = holder ? describeHolder(holder) : "another build";
    const waited = waitedMs > 0 ? ` after waiting ${Math.round(waitedMs / 1000)} s` : "";
    super({
      title: `${folder} is being written by another build`,
      details: `${folder} is being written by ${who}; this build stopped${waited}.`,
      hint: "Run it again once that build has ended (or without --no-wait to wait for it); if that process is hung, stop it.",
    });
  }
}

export function lockFileFor(folder: string): string {
  const resolved = path.resolve(folder);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

export interface HeldLock {
  release(): void;
}

/**
 * Takes the lock of every folder (in one order, so two builds never each hold one the other
 * waits for), waiting for another build up to `waitMs`; resolves once all are held.
 */
export async function lockFolders(folders: readonly string[], options: LockOptions = {}): Promise<HeldLock> {
  const files = [...new Set(folders.map(lockFileFor))].sort();
  const held: HeldLock[] = [];
  try {
    for (const file of files) held.push(await lockOne(file, options));
  } catch (error) {
    for (const lock of held.reverse()) lock.release();
    throw error;
  }
  return { release: () => held.reverse().forEach((lock) => lock.release()) };
}

/** Runs `work` holding the locks of `folders`, released however it ends. */
export async function withFolderLocks<T>(folders: readonly string[], options: LockOptions | undefined, work: () => Promise<T>): Promise<T> {
  const lock = await lockFolders(folders, options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

async function lockOne(file: string, options: LockOptions): Promise<HeldLock> {
  const say = options.say ?? ((message: string) => console.error(message));
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const folder = path.join(
    path.dirname(file),
    path
      .basename(file)
      .replace(/^\./, "")
      .replace(/\.lock$/, ""),
  );
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: [path.basename(process.argv[1] ?? "node"), ...process.argv.slice(2)].join(" "),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryTake(file, me)) return holding(file, me);
    const holder = readHolder(file);
    const stale = holder === undefined ? lockAgeMs(file) > STALE_AFTER_MS : staleReason(file, holder);
    if (stale && takeOver(file, holder)) {
      say(`Took over the lock of ${folder} from ${holder ? describeHolder(holder) : "an unreadable lock"}: ${stale}.`);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new BuildLockedError(folder, holder, waitMs);
    if (!told && holder) {
      say(
        `Waiting for ${describeHolder(holder)}, which is writing ${folder} (up to ${Math.round(waitMs / 60_000)} min; --no-wait stops at once).`,
      );
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS + waited / 20, 1000, waitMs - waited)));
  }
}

function tryTake(file: string, me: LockHolder): boolean {
  const partial = `${file}.${process.pid}.${me.token}`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(partial, JSON.stringify(me));
  try {
    linkSync(partial, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    rmSync(partial, { force: true });
  }
}

function holding(file: string, me: LockHolder): HeldLock {
  const heartbeat = setInterval(() => {
    const now = new Date();
    if (readHolder(file)?.token === me.token) utimesSync(file, now, now);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // A build that ends its process at once (src/cli/build.ts) leaves no lock behind.
  const onExit = () => release();
  process.once("exit", onExit);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.removeListener("exit", onExit);
    if (readHolder(file)?.token === me.token) rmSync(file, { force: true });
  };
  return { release };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

function lockAgeMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0; // Gone meanwhile: the next attempt takes it.
  }
}

/** Why the lock's holder is gone, or undefined while it may still be building. */
function staleReason(file: string, holder: LockHolder): string | undefined {
  if (holder.host === os.hostname() && holder.pid !== process.pid && !isRunning(holder.pid)) return `process ${holder.pid} is gone`;
  const age = lockAgeMs(file);
  if (age > STALE_AFTER_MS) return `it was not renewed for ${Math.round(age / 1000)} s`;
  return undefined;
}

/**
 * Removes a stale lock, unless another build took it over first: the lock is renamed aside, and
 * put back if what was renamed is not the stale holding seen.
 */
function takeOver(file: string, stale: LockHolder | undefined): boolean {
  const aside = `${file}.stale-${process.pid}-${randomUUID()}`;
  try {
    renameSync(file, aside);
  } catch {
    return false; // Gone meanwhile (another build took it over, or it was released).
  }
  const moved = readHolder(aside);
  if (stale !== undefined && moved?.token !== stale.token) {
    try {
      linkSync(aside, file);
    } catch {
      // Another build holds it now; the one renamed aside lost its lock, and its heartbeat stops renewing it.
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function describeHolder(holder: LockHolder): string {
  return `the build of process ${holder.pid} on ${holder.host} (${holder.command}), running since ${holder.since}`;
}
