import { BuildError } from "../problems.ts";

/**
 * What an editor is told when a build fails. Eleventy wraps errors thrown by the archive in its
 * own; the archive's BuildError (its title, details and hint) is what to print, not a stack trace
 * through Eleventy. Anything else is a fault: each wrapper's message and the innermost stack.
 */
export function explainBuildFailure(error: unknown): string {
  const chain = causes(error);
  const ours = buildErrorIn(error);
  if (ours) return ours.message;
  if (chain.length === 0) return String(error);
  const messages = chain.map((link) => link.message);
  const innermost = chain.at(-1)!;
  return [...new Set(messages)].join("\n  because: ") + `\n\n${innermost.stack ?? ""}`;
}

/** The archive's own error among Eleventy's wrappers and the causes, if there is one. */
export function buildErrorIn(error: unknown): BuildError | undefined {
  return causes(error).find((candidate): candidate is BuildError => candidate instanceof BuildError);
}

function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current: unknown = error; current instanceof Error && chain.length < 20;) {
    chain.push(current);
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return chain;
}
