import { countVotes } from "./_count_votes.ts";
import { confidenceFromCounts } from "./_votes.ts";

/**
 * Voting confidence of one item (paper Section 2.4, METRICS.md "Voting
 * confidence"):
 *
 *     q_i  = #{t : y_t = i} / V          over the K options
 *     H    = - sum_i q_i log q_i         (0 log 0 = 0)
 *     C    = (V / T) * clamp(1 - H / log K, 0, 1),   C = 0 when V = 0
 *
 * V counts parsed trials only, T all trials: unparsed trials are votes for
 * no option and scale the confidence down. With every trial parsed this is
 * the paper's C(x) = 1 - H(x)/log K; a single parsed answer gives C = 1.
 *
 * @param votes Choice codes of the item's trials: 0-based option index, or
 * -1 for an unparsed answer.
 * @param nOptions K, the number of options (2..26).
 * @returns C(x) in [0, 1]; 0 for an empty list.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { votingConfidence } from "./voting_confidence.ts";
 * // Three votes for A, one for B over K = 4: H = 0.5623, C = 1 - H/log 4.
 * const c = votingConfidence([0, 0, 0, 1], 4);
 * assert.ok(Math.abs(c - 0.594361) < 1e-6);
 * // One unparsed trial in two: (1/2) * 1.
 * assert.ok(votingConfidence([2, -1], 4) === 0.5);
 * ```
 */
export function votingConfidence(
  votes: ArrayLike<number>,
  nOptions: number,
): number {
  const { counts, total, parsed } = countVotes(votes, nOptions);
  return confidenceFromCounts(counts, nOptions, total, parsed);
}
