// @ts-check
/**
 * Runs a TypeScript module (named by the thread's first argument) in a worker thread through
 * tsx: on Node 20, hooks registered by `--import tsx` in the parent do not load a worker's own
 * module (tsx issue #354), so they are registered here first. See src/startThread.ts.
 */
import { register } from "tsx/esm/api";

register();
await import(process.argv[2]);
