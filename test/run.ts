/**
 * `npm test`: runs every `test/**\/*.test.ts` with uvu in this process (TypeScript through tsx),
 * then prints the closing line CI looks for, `N passed, N failed`, which uvu does not print.
 *
 *   npm test                 every test
 *   npm test -- model        only test files whose path matches "model"
 */
import { parse } from "uvu/parse";
import { run } from "uvu/run";

process.env.NO_COLOR = "1";
const filter = process.argv[2];
const context = await parse("test", filter ? new RegExp(`${filter}.*\\.test\\.ts$`) : /\.test\.ts$/, { cwd: process.cwd() });

let printed = "";
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  printed += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
  return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;

await run(context.suites, { bail: false });

const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(printed)?.[1] ?? 0);
const total = count("Total");
const passed = count("Passed");
const skipped = count("Skipped");
const failed = total - passed - skipped;
process.stdout.write = write;
// uvu leaves the exit code at 0 when a suite's setup throws; no tests, or any failure, fails the run.
if (total === 0 || failed > 0) process.exitCode = 1;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
