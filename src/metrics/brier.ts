import type { ItemScores } from "./score_items.ts";
import type { MetricValue } from "./types.ts";
import { checkAnswer, countVotes } from "./_count_votes.ts";
import { brierFromCounts } from "./_votes.ts";
import { sumOver } from "./_sum.ts";

/**
 * Brier score of one item's vote distribution (METRICS.md "Calibration
 * beyond the paper"): sum_i (p_i - 1[i = y*])^2 over the K options with
 * p_i = #{t : y_t = i} / T. All trials are in the denominator; unparsed
 * trials count toward no option, so the p_i may sum to less than 1.
 *
 * @param votes Choice codes (0-based option, -1 = unparsed); at least one.
 * @param nOptions K (2..26).
 * @param answer Correct option index.
 * @returns A score in [0, 2]; 0 = all trials right.
 * @throws {RangeError} On an empty vote list or an out-of-range code.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { itemBrier } from "./brier.ts";
 * // p = (.75, .25, 0, 0), answer A: (.75 - 1)^2 + .25^2 = 0.125.
 * assert.ok(itemBrier([0, 0, 0, 1], 4, 0) === 0.125);
 * // One unparsed trial of two: p_A = .5 -> (.5 - 1)^2 = 0.25.
 * assert.ok(itemBrier([0, -1], 4, 0) === 0.25);
 * ```
 */
export function itemBrier(
  votes: ArrayLike<number>,
  nOptions: number,
  answer: number,
): number {
  const { counts, total } = countVotes(votes, nOptions);
  checkAnswer(answer, nOptions);
  if (total === 0) {
    throw new RangeError(
      "Cannot compute a Brier score without trials: expected at least one vote",
    );
  }
  return brierFromCounts(counts, nOptions, total, answer);
}

/**
 * Mean Brier score of the vote distributions over an item set (see
 * {@linkcode itemBrier}); unanswered items are left out.
 *
 * @param scores Per-item scores of one model.
 * @param items Item indexes.
 * @returns `{ value, n }`, `null` when no item was answered.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { brier } from "./brier.ts";
 * import type { ItemScores } from "./score_items.ts";
 * const scores = {
 *   trials: Uint16Array.of(4, 2, 0),
 *   brier: Float64Array.of(0.125, 1.25, 0),
 * } as ItemScores;
 * assert.ok(brier(scores, [0, 1, 2]).value === 0.6875);
 * ```
 */
export function brier(
  scores: ItemScores,
  items: ArrayLike<number>,
): MetricValue {
  const { sum, n } = sumOver(scores, items, scores.brier);
  return { value: n === 0 ? null : sum / n, n };
}
