import type { Test } from "uvu";

/**
 * Runs a suite's set-up (a build, a server, a browser) once before its tests, so that a set-up
 * that throws fails every test of the suite, each with the set-up's error. uvu swallows an error
 * thrown by a `before` hook: the suite would report no failure and the run would exit 0.
 */
export function setUpOrFailEveryTest<T>(test: Test<T>, setUp: (context: T) => Promise<void> | void): void {
  let failure: { error: unknown } | undefined;
  test.before(async (context) => {
    try {
      await setUp(context);
    } catch (error) {
      failure = { error };
    }
  });
  test.before.each(() => {
    if (failure) throw failure.error;
  });
}
