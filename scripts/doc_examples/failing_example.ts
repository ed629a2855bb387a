/**
 * A deliberately failing JSDoc example: the test command runs it with
 * strict_assert.ts preloaded and checks that it fails, which proves a false
 * `console.assert` in any example fails the run.
 *
 * @example Fails on purpose
 * ```ts
 * import { answer } from "./failing_example.ts";
 * console.assert(answer === 41, "answer is 42, not 41");
 * ```
 *
 * @module
 */

/** The value the example checks wrongly. */
export const answer: number = 42;
