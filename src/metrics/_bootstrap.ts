/**
 * Bootstrap helpers (private): percentile intervals and one-sided p-values.
 *
 * @module
 */

/**
 * The q-quantile of ascending `sorted` values, linear interpolation between
 * order statistics (numpy's default "linear" method, Hyndman-Fan type 7).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q, lo = Math.floor(h), hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Percentile interval [q(alpha/2), q(1 - alpha/2)] of unsorted draws. */
export function percentileInterval(
  draws: Float64Array,
  level: number,
): [number, number] {
  const s = draws.slice().sort();
  const a = (1 - level) / 2;
  return [quantileSorted(s, a), quantileSorted(s, 1 - a)];
}

/** (count + 1) / (resamples + 1). */
export function bootstrapP(count: number, resamples: number): number {
  return (count + 1) / (resamples + 1);
}
