import { checkAnswer, countVotes } from "./_count_votes.ts";
import { fractionCorrect, majorityCorrect } from "./_votes.ts";
import type { AccuracyMode, ScoreOptions } from "./types.ts";

/**
 * correct(x) of one item from its votes (METRICS.md "Accuracy"): in mode
 * `"mean"` the fraction of trials equal to the answer (unparsed = wrong);
 * in mode `"majority"` 1 if the answer is the strict plurality choice, else
 * 0 (a tie for first place is wrong, and unparsed trials compete as one more
 * pseudo-choice, so an item whose unparsed trials tie or outnumber the
 * answer's votes is wrong).
 *
 * @param votes Choice codes (0-based option, -1 = unparsed).
 * @param nOptions K (2..26).
 * @param answer Correct option index.
 * @param mode `"mean"` (default) or `"majority"`.
 * @param options `majorityUnparsed`: `"compete"` (default) or `"ignore"`
 * (only parsed votes count in the plurality).
 * @returns correct(x) in [0, 1]; 0 for an empty list.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { itemCorrect } from "./item_correct.ts";
 * assert.ok(itemCorrect([0, 0, 1, -1], 4, 0) === 0.5);
 * assert.ok(itemCorrect([0, 0, 1, -1], 4, 0, "majority") === 1);
 * assert.ok(itemCorrect([0, 1], 4, 0, "majority") === 0); // tie
 * assert.ok(itemCorrect([0, -1, -1], 4, 0, "majority") === 0);
 * const ignore = { majorityUnparsed: "ignore" } as const;
 * assert.ok(itemCorrect([0, -1, -1], 4, 0, "majority", ignore) === 1);
 * ```
 */
export function itemCorrect(
  votes: ArrayLike<number>,
  nOptions: number,
  answer: number,
  mode: AccuracyMode = "mean",
  options: ScoreOptions = {},
): number {
  const { counts, total, parsed } = countVotes(votes, nOptions);
  checkAnswer(answer, nOptions);
  if (mode === "mean") return fractionCorrect(counts, total, answer);
  if (mode === "majority") {
    return majorityCorrect(
      counts,
      nOptions,
      total,
      parsed,
      answer,
      (options.majorityUnparsed ?? "compete") === "compete",
    );
  }
  throw new TypeError(
    `Cannot score an item in mode "${mode}": expected "mean" or "majority"`,
  );
}
