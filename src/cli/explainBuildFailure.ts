import { ArchiveProblemsError } from "../problems.ts";

/**
 * Eleventy wraps errors thrown by the archive in its own; the editor needs the archive's message
 * (every bad file, one a line), not a stack trace through Eleventy.
 */
export function explainBuildFailure(error: unknown): string {
  const chain: unknown[] = [];
  for (let current: unknown = error; current instanceof Error && chain.length < 20;) {
    chain.push(current);
    const next = (current as { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  const ours = chain.find(
    (candidate) =>
      candidate instanceof ArchiveProblemsError ||
      (candidate instanceof Error &&
        ["SearchIndexError", "LostStoryError", "PublishCutShortError", "BuildLockedError"].includes(candidate.name)),
  );
  if (ours instanceof Error) return ours.message;
  if (chain.length === 0) return String(error);
  // Anything else: each wrapper's message says where, the innermost error says why.
  const messages = chain.map((link) => (link as Error).message);
  const innermost = chain.at(-1) as Error;
  return [...new Set(messages)].join("\n  because: ") + `\n\n${innermost.stack ?? ""}`;
}
