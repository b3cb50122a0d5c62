/**
 * What a long build tells a person watching it (issue 23): stories read, pages written, search
 * shards indexed, on one line of the terminal that is rewritten as it goes. Made by the command,
 * only when its output is a terminal and not CI, and carried in the build request; without one,
 * a build says nothing until it ends.
 */
export interface BuildProgress {
  storiesRead(count: number): void;
  pagesToWrite(count: number): void;
  pageWritten(): void;
  searchIndexed(shards: number): void;
  /** Clears the line, before the command prints its result or error. */
  end(): void;
}

/** The progress line on `stream`, redrawn at most every `everyMs` milliseconds. */
export function terminalProgress(stream: { write(text: string): unknown; columns?: number }, everyMs = 100): BuildProgress {
  let stories = 0;
  let toWrite = 0;
  let written = 0;
  let shards: number | undefined;
  let drawnAt = 0;
  let drawn = false;
  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - drawnAt < everyMs) return;
    drawnAt = now;
    const parts = [`${stories.toLocaleString("en")} stories read`];
    if (toWrite > 0) parts.push(`${written.toLocaleString("en")} of ${toWrite.toLocaleString("en")} pages written`);
    if (shards !== undefined) parts.push(`search: ${shards} shard${shards === 1 ? "" : "s"} indexed`);
    const line = parts.join(", ").slice(0, Math.max(20, (stream.columns || 80) - 1));
    stream.write(`\r\x1b[2K${line}`);
    drawn = true;
  };
  return {
    storiesRead(count) {
      stories = count;
      draw(true);
    },
    pagesToWrite(count) {
      toWrite = count;
      draw(true);
    },
    pageWritten() {
      written++;
      draw(written === toWrite);
    },
    searchIndexed(count) {
      shards = count;
      draw(true);
    },
    end() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}

/** Whether a command's progress goes to this stream: a terminal, and not a CI run. */
export function showsProgress(stream: { isTTY?: boolean }, environment: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !environment.CI;
}
