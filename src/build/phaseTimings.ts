import { writeFileSync } from "node:fs";

/**
 * Phase timings for `npm run bench`: when NEWS_ARCHIVE_TIMINGS names a file, the build writes
 * there, as JSON, the milliseconds from the start of the build to the end of each phase.
 * Without it, marking a phase costs nothing.
 */
export class PhaseTimings {
  private readonly started = performance.now();
  private readonly marks: Record<string, number> = {};

  mark(phase: string): void {
    this.marks[phase] = Math.round(performance.now() - this.started);
  }

  write(): void {
    const file = process.env.NEWS_ARCHIVE_TIMINGS;
    if (file) writeFileSync(file, JSON.stringify(this.marks, null, 2) + "\n");
  }
}
