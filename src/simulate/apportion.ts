/**
 * Largest-remainder apportionment: split an integer total in proportion to
 * weights, exactly.
 *
 * @module
 */

/**
 * Split `total` into integers proportional to `weights` (largest remainder;
 * ties go to the earlier weight). The parts sum to `total` exactly.
 *
 * @param weights Non-negative weights, not all zero.
 * @param total A non-negative integer.
 * @returns One integer per weight.
 *
 * @example Usage
 * ```ts
 * import { apportion } from "./apportion.ts";
 * console.assert(apportion([1, 1, 1], 10).join() === "4,3,3");
 * ```
 */
export function apportion(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(
      `Cannot apportion ${total}: expected a non-negative integer`,
    );
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0))) {
    throw new RangeError(
      `Cannot apportion by weights [${
        weights.join(", ")
      }]: expected non-negative weights with a positive sum`,
    );
  }
  const exact = weights.map((w) => (w * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}
