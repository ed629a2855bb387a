/**
 * Equal-width confidence bins on [0, 1] (private).
 *
 * @module
 */

/**
 * METRICS.md's bin index: min(M - 1, floor(c * M + 1e-9)), so a confidence
 * within 1e-9 below an inner edge goes to the upper bin and c = 1 to the last.
 */
export function binIndex(c: number, bins: number): number {
  const b = Math.floor(c * bins + 1e-9);
  return b > bins - 1 ? bins - 1 : b;
}

/** Check a bin count. */
export function checkBins(bins: number): number {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(
      `Cannot use ${bins} confidence bins: expected a positive integer`,
    );
  }
  return bins;
}
