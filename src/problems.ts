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

export interface BuildErrorParts {
  /** What failed, in a few words: the first line an editor reads. */
  title: string;
  /** What happened, naming the files involved, one a line where there are several. */
  details: string;
  /** What to do about it. */
  hint?: string;
  /** False when the published site was changed part way (see PublishCutShortError); true by default. */
  siteUntouched?: boolean;
  cause?: unknown;
}

/**
 * Why a build stopped, in one shape for every cause (issue 19), as a story-file problem has: a
 * title, the details and a hint, printed by explainBuildFailure; `message` is all three.
 */
export class BuildError extends Error {
  readonly title: string;
  readonly details: string;
  readonly hint?: string;
  readonly siteUntouched: boolean;
  constructor({ title, details, hint, siteUntouched = true, cause }: BuildErrorParts) {
    super(`${title}:\n${details}${hint ? `\n${hint}` : ""}`, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.title = title;
    this.details = details;
    this.hint = hint;
    this.siteUntouched = siteUntouched;
  }
}

/** Thrown when an archive has problems: carries all of them, already formatted one a line. */
export class ArchiveProblemsError extends BuildError {
  readonly problems: Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const count = sorted.length;
    super({ title: `${count} problem${count === 1 ? "" : "s"} in the articles`, details: sorted.map(formatProblem).join("\n") });
    this.problems = sorted;
  }
}
