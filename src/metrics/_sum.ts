/**
 * Sums of per-item score columns over an item subset (private).
 *
 * @module
 */
import type { ItemScores } from "./score_items.ts";
import type { AccuracyMode } from "./types.ts";

/** Sum of a column over the answered items of `items`, and their count. */
export function sumOver(
  scores: ItemScores,
  items: ArrayLike<number>,
  column: ArrayLike<number>,
): { sum: number; n: number } {
  const t = scores.trials;
  let sum = 0, n = 0;
  for (let j = 0; j < items.length; j++) {
    const x = items[j];
    if (!(x >= 0 && x < t.length) || !Number.isInteger(x)) {
      throw new RangeError(
        `Cannot use item index ${x} at position ${j}: expected an integer from 0 to ${
          t.length - 1
        }`,
      );
    }
    if (t[x] === 0) continue;
    sum += column[x];
    n++;
  }
  return { sum, n };
}

/** The correctness column of a mode. */
export function correctColumn(
  scores: ItemScores,
  mode: AccuracyMode = "mean",
): ArrayLike<number> {
  if (mode === "mean") return scores.correct;
  if (mode === "majority") return scores.majority;
  throw new TypeError(
    `Cannot compute accuracy in mode "${mode}": expected "mean" or "majority"`,
  );
}
