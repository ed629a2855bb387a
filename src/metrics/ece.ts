import type { ItemScores } from "./score_items.ts";
import type { MetricValue } from "./types.ts";
import { type BinOptions, reliabilityBins } from "./reliability.ts";

/**
 * Expected calibration error of voting confidence (METRICS.md "Calibration
 * beyond the paper"):
 *
 *     ECE = sum_b (|B_b| / n) * |mean_{x in B_b} correct(x) - mean_{x in B_b} C(x)|
 *
 * with M equal-width bins on [0, 1], bin index min(M - 1, floor(C * M + 1e-9))
 * (see `reliabilityBins`). Empty bins contribute 0; unanswered items are
 * left out of n.
 *
 * @param scores Per-item scores of one model.
 * @param items Item indexes.
 * @param options `bins` M (default 10), `mode` of correctness (default `"mean"`).
 * @returns `{ value, n }`: a fraction in [0, 1], `null` when no item was answered.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { ece } from "./ece.ts";
 * import type { ItemScores } from "./score_items.ts";
 * const scores = {
 *   trials: Uint16Array.of(5, 5),
 *   correct: Float64Array.of(1, 0),
 *   confidence: Float64Array.of(1, 0.9),
 * } as ItemScores;
 * // One bin [0.9, 1]: |0.5 - 0.95| = 0.45.
 * assert.ok(Math.abs(ece(scores, [0, 1]).value! - 0.45) < 1e-12);
 * ```
 */
export function ece(
  scores: ItemScores,
  items: ArrayLike<number>,
  options: BinOptions = {},
): MetricValue {
  const bins = reliabilityBins(scores, items, options);
  let n = 0, sum = 0;
  for (const b of bins) {
    if (b.n === 0) continue;
    n += b.n;
    sum += b.n * Math.abs(b.accuracy! - b.confidence!);
  }
  return { value: n === 0 ? null : sum / n, n };
}
