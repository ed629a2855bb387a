import type { ItemScores } from "./score_items.ts";
import type { MetricValue } from "./types.ts";
import { sumOver } from "./_sum.ts";

/**
 * Mean voting confidence of a model over an item set,
 * (1/|D|) * sum_{x in D} C(x), the first term of paper eq. 4. Unanswered
 * items leave D.
 *
 * @param scores Per-item scores of one model.
 * @param items Item indexes of D.
 * @returns `{ value, n }`: a fraction in [0, 1], `null` when D is empty.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanConfidence } from "./mean_confidence.ts";
 * import type { ItemScores } from "./score_items.ts";
 * const scores = {
 *   trials: Uint16Array.of(3, 3),
 *   confidence: Float64Array.of(1, 0.5),
 * } as ItemScores;
 * assert.ok(meanConfidence(scores, [0, 1]).value === 0.75);
 * ```
 */
export function meanConfidence(
  scores: ItemScores,
  items: ArrayLike<number>,
): MetricValue {
  const { sum, n } = sumOver(scores, items, scores.confidence);
  return { value: n === 0 ? null : sum / n, n };
}
