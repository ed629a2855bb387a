import type { ItemScores } from "./score_items.ts";
import type { AccuracyOptions, MetricValue } from "./types.ts";
import { correctColumn, sumOver } from "./_sum.ts";

/**
 * Accuracy of a model over an item set (paper eq. 2, METRICS.md
 * "Accuracy"):
 *
 *     correct(x) = (1/T_x) * sum_t 1[y_t(x) = y*(x)]     (unparsed = wrong)
 *     Acc(f, D)  = (1/|D|) * sum_{x in D} correct(x)
 *
 * Each item weighs 1 whatever its number of trials. Items the model did not
 * answer (no prediction row) leave D and are not counted in `n`. With
 * `mode: "majority"`, correct(x) is 1 if the strict plurality choice equals
 * the answer (a tie for first place, or unparsed trials outnumbering or
 * tying the answer's votes, counts as wrong).
 *
 * @param scores Per-item scores of one model (`scoreItems`/`scoreAll`).
 * @param items Item indexes of the set D (e.g. from `itemsWhere`).
 * @param options `mode`: `"mean"` (default) or `"majority"`.
 * @returns `{ value, n }`: a fraction in [0, 1], `null` when D is empty.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { accuracy } from "./accuracy.ts";
 * import type { ItemScores } from "./score_items.ts";
 * const scores = {
 *   trials: Uint16Array.of(4, 2, 0),
 *   correct: Float64Array.of(0.75, 0, 0),
 *   majority: Uint8Array.of(1, 0, 0),
 * } as ItemScores;
 * const acc = accuracy(scores, [0, 1, 2]);
 * assert.ok(acc.value === 0.375 && acc.n === 2); // item 2 unanswered
 * assert.ok(accuracy(scores, [0, 1], { mode: "majority" }).value === 0.5);
 * assert.ok(accuracy(scores, []).value === null);
 * ```
 */
export function accuracy(
  scores: ItemScores,
  items: ArrayLike<number>,
  options: AccuracyOptions = {},
): MetricValue {
  const { sum, n } = sumOver(
    scores,
    items,
    correctColumn(scores, options.mode),
  );
  return { value: n === 0 ? null : sum / n, n };
}
