/**
 * Severity levels: 0 clean (L0), 1 mild (L1), 2 severe (L2).
 *
 * @module
 */

/** The three severity levels. */
export const SEVERITIES: readonly [0, 1, 2] = [0, 1, 2] as const;

/** A severity level. */
export type Severity = 0 | 1 | 2;

/** The paper's labels for the levels. */
export const SEVERITY_LABELS: readonly ["L0", "L1", "L2"] = [
  "L0",
  "L1",
  "L2",
] as const;

/**
 * Check a severity level and return it typed; anything but 0, 1 or 2 throws
 * (never index a table with `level - 1`).
 *
 * @example Usage
 * ```ts
 * import { assertSeverity } from "./severity.ts";
 * console.assert(assertSeverity(2) === 2);
 * ```
 */
export function assertSeverity(level: number): Severity {
  if (level === 0 || level === 1 || level === 2) return level;
  throw new RangeError(
    `Cannot use severity ${level}: expected 0 (clean), 1 (mild) or 2 (severe)`,
  );
}
