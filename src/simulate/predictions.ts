/**
 * Assemble columnar prediction tables from per-model correct-trial counts.
 *
 * @module
 */
import type { Prng } from "../random/prng.ts";
import type { ItemColumns, PredictionColumns } from "../results/results.ts";
import { writeItemVotes, type WrongVoteStyle } from "./votes.ts";

/**
 * Build predictions for every model x item x trial (model-major, then item,
 * then trial), each item's trials drawn by {@linkcode writeItemVotes}.
 *
 * @param items The items.
 * @param correct Per model, correct trials per item.
 * @param trials Trials per item.
 * @param styles Per model, how wrong votes are spread.
 * @param prng Random source.
 * @returns The predictions, columnar.
 *
 * @example Usage
 * ```ts ignore
 * const predictions = buildPredictions(items, [k], 3, [{}], createPrng(1));
 * ```
 */
export function buildPredictions(
  items: ItemColumns,
  correct: readonly Uint8Array[],
  trials: number,
  styles: readonly WrongVoteStyle[],
  prng: Prng,
): PredictionColumns {
  const n = correct.length * items.n * trials;
  const model = new Uint16Array(n);
  const item = new Int32Array(n);
  const trial = new Uint16Array(n);
  const choice = new Int8Array(n);
  let r = 0;
  correct.forEach((k, m) => {
    const p = prng.fork();
    for (let i = 0; i < items.n; i++) {
      writeItemVotes(
        choice,
        r,
        trials,
        k[i]!,
        items.answer[i]!,
        items.nOptions[i]!,
        p,
        styles[m],
      );
      for (let t = 0; t < trials; t++) {
        model[r] = m;
        item[r] = i;
        trial[r++] = t + 1;
      }
    }
  });
  return { n, model, item, trial, choice, extra: {} };
}
