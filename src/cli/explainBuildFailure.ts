import { ArchiveProblemsError } from "../problems.ts";

/**
 * Eleventy wraps errors thrown by the archive in its own; the editor needs the archive's message
 * (every bad file, one a line), not a stack trace through Eleventy.
 */
export function explainBuildFailure(error: unknown): string {
  const chain: unknown[] = [];
  for (let current: unknown = error; current instanceof Error && chain.length < 20; ) {
    chain.push(current);
    const next = (current as { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  const ours = chain.find(
    (candidate) => candidate instanceof ArchiveProblemsError || (candidate instanceof Error && ["SearchIndexError", "LostStoryError"].includes(candidate.name)),
  );
  if (ours instanceof Error) return ours.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
