/**
 * Rounding before comparisons (private): METRICS.md compares accuracies and
 * calibration shifts after rounding to 12 decimals, so floating-point noise
 * never decides a Dunning-Kruger condition.
 *
 * @module
 */

/** Round to 12 decimals. */
export function round12(v: number): number {
  return Math.round(v * 1e12) / 1e12;
}
