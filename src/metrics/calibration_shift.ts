import type { ItemScores } from "./score_items.ts";
import type { AccuracyOptions } from "./types.ts";
import { correctColumn, sumOver } from "./_sum.ts";

/** A calibration shift with its two terms. */
export interface CalibrationShift {
  /** Δcalib = confidence - accuracy; positive = overconfident; `null` for an empty set. */
  value: number | null;
  /** Mean voting confidence over D. */
  confidence: number | null;
  /** Acc(f, D). */
  accuracy: number | null;
  /** Number of answered items in D. */
  n: number;
}

/**
 * Calibration shift (paper eq. 4, METRICS.md "Calibration shift"):
 *
 *     Δcalib(f, D) = (1/|D|) * sum_{x in D} C(x)  -  Acc(f, D)
 *
 * Positive means overconfident. Both terms are over the same items (those
 * of D the model answered).
 *
 * @param scores Per-item scores of one model.
 * @param items Item indexes of D.
 * @param options `mode` of the accuracy term: `"mean"` (default) or `"majority"`.
 * @returns The shift and its terms, all `null` when D is empty.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { calibrationShift } from "./calibration_shift.ts";
 * import type { ItemScores } from "./score_items.ts";
 * const scores = {
 *   trials: Uint16Array.of(2, 2),
 *   correct: Float64Array.of(1, 0),
 *   confidence: Float64Array.of(1, 0.8),
 * } as ItemScores;
 * const s = calibrationShift(scores, [0, 1]);
 * assert.ok(Math.abs(s.value! - 0.4) < 1e-12); // 0.9 - 0.5
 * ```
 */
export function calibrationShift(
  scores: ItemScores,
  items: ArrayLike<number>,
  options: AccuracyOptions = {},
): CalibrationShift {
  const acc = sumOver(scores, items, correctColumn(scores, options.mode));
  const conf = sumOver(scores, items, scores.confidence);
  if (acc.n === 0) {
    return { value: null, confidence: null, accuracy: null, n: 0 };
  }
  const a = acc.sum / acc.n, c = conf.sum / conf.n;
  return { value: c - a, confidence: c, accuracy: a, n: acc.n };
}
