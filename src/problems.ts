/**
 * A problem with one story file. Problems are values: loading collects every one of them so that a
 * single run reports every bad file at once, each as `path:line: what is wrong (hint)`.
 */
export interface Problem {
  /** The file, relative to the project root (or as given), so an editor can open it. */
  file: string;
  /** 1-based line in the file, when one line is to blame. */
  line?: number;
  /** What is wrong, naming the field or value received. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

/**
 * Something an editor should know that does not stop the build: markup the allowlist removed from
 * a body (issue 20). Printed as a problem is, by `npm run check` and the build, which still succeed.
 */
export type Warning = Problem;

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const hint = problem.hint ? ` (${problem.hint})` : "";
  return `${where}: ${problem.message}${hint}`;
}

/** Orders problems by file, then line, so reports read top to bottom and are stable between runs. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Thrown when an archive has problems: carries all of them, already formatted one a line. */
export class ArchiveProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const count = sorted.length;
    super(`${count} problem${count === 1 ? "" : "s"} in the articles:\n` + sorted.map(formatProblem).join("\n"));
    this.name = "ArchiveProblemsError";
    this.problems = sorted;
  }
}
