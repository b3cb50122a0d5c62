import { existsSync } from "node:fs";

/** Resolves once `file` exists; rejects after `timeoutMs`. */
export async function waitForFile(file: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - started > timeoutMs) throw new Error(`${file} did not appear within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
