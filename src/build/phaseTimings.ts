import { writeFileSync } from "node:fs";

/**
 * Phase timings for `npm run bench`: when the build request names a file, the build writes
 * there, as JSON, the milliseconds from the start of the build to the end of each phase.
 * Without it, marking a phase costs nothing.
 */
export class PhaseTimings {
  private readonly started = performance.now();
  private readonly marks: Record<string, number> = {};

  constructor(private readonly file?: string) {}

  mark(phase: string): void {
    this.marks[phase] = Math.round(performance.now() - this.started);
  }

  write(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.marks, null, 2) + "\n");
  }
}
