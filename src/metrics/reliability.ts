import type { ItemScores } from "./score_items.ts";
import type { AccuracyOptions } from "./types.ts";
import { binIndex, checkBins } from "./_binning.ts";
import { correctColumn, sumOver } from "./_sum.ts";

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** Lower edge b/M. */
  lo: number;
  /** Upper edge (b+1)/M. */
  hi: number;
  /** Items in the bin (0 for an empty bin, which is still reported). */
  n: number;
  /** Mean C(x) of the bin's items, `null` when empty. */
  confidence: number | null;
  /** Mean correct(x) of the bin's items, `null` when empty. */
  accuracy: number | null;
}

/** Options of the binned calibration metrics. */
export interface BinOptions extends AccuracyOptions {
  /** Number M of equal-width bins on [0, 1] (default 10). */
  bins?: number;
}

/**
 * Reliability-diagram data (METRICS.md "Calibration beyond the paper"): M
 * equal-width bins of voting confidence on [0, 1], bin index
 * min(M - 1, floor(C * M + 1e-9)) (bins are [lo, hi) up to a 1e-9 nudge
 * upward, the last bin is closed); per bin the count, mean confidence and
 * accuracy. Every bin is returned, empty ones with n = 0 and `null` means
 * (unlike sklearn's calibration_curve, which drops them). Unanswered items
 * are left out.
 *
 * @param scores Per-item scores of one model.
 * @param items Item indexes.
 * @param options `bins` (default 10), `mode` of correctness (default `"mean"`).
 * @returns M bins in increasing confidence.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { reliabilityBins } from "./reliability.ts";
 * import type { ItemScores } from "./score_items.ts";
 * const scores = {
 *   trials: Uint16Array.of(5, 5, 5),
 *   correct: Float64Array.of(1, 0, 0.4),
 *   confidence: Float64Array.of(1, 0.9, 0.2),
 * } as ItemScores;
 * const bins = reliabilityBins(scores, [0, 1, 2], { bins: 2 });
 * assert.ok(bins[0].n === 1 && bins[0].accuracy === 0.4);
 * assert.ok(bins[1].n === 2 && bins[1].confidence === 0.95);
 * ```
 */
export function reliabilityBins(
  scores: ItemScores,
  items: ArrayLike<number>,
  options: BinOptions = {},
): ReliabilityBin[] {
  const m = checkBins(options.bins ?? 10);
  const correct = correctColumn(scores, options.mode);
  sumOver(scores, items, correct); // checks the indexes
  const n = new Float64Array(m),
    c = new Float64Array(m),
    a = new Float64Array(m);
  for (let j = 0; j < items.length; j++) {
    const x = items[j];
    if (scores.trials[x] === 0) continue;
    const b = binIndex(scores.confidence[x], m);
    n[b]++;
    c[b] += scores.confidence[x];
    a[b] += correct[x];
  }
  return Array.from({ length: m }, (_, b) => ({
    lo: b / m,
    hi: (b + 1) / m,
    n: n[b],
    confidence: n[b] === 0 ? null : c[b] / n[b],
    accuracy: n[b] === 0 ? null : a[b] / n[b],
  }));
}
