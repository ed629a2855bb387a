import type { RankTest } from "./_rank_stats.ts";
import {
  kendall,
  type RankCorrelationOptions,
  spearman,
} from "./rank_correlation.ts";
import { round12 } from "./_round.ts";

/** One model at one severity. */
export interface AccCalibPoint {
  /** Acc(f, D_L), a fraction. */
  acc: number;
  /** Δcalib(f, D_L). */
  dcalib: number;
}

/** The inter-model Dunning-Kruger test at one severity. */
export interface DkeInter {
  /** Number of models. */
  n: number;
  /** Pairs with Acc(f1) < Acc(f2) (pairs tied on accuracy are left out). */
  pairs: number;
  /** Of those, pairs with Δcalib(f1) > Δcalib(f2). */
  holding: number;
  /** holding / pairs, `null` when no pair is comparable. */
  share: number | null;
  /** Spearman's rho between Acc and Δcalib with its p-value. */
  spearman: RankTest;
  /** Kendall's tau-b between Acc and Δcalib with its p-value. */
  kendall: RankTest;
}

/**
 * Inter-model Dunning-Kruger test (paper eq. 6, METRICS.md "Dunning-Kruger
 * tests"): over all pairs of models with Acc(f1) < Acc(f2), the share in
 * which Δcalib(f1) > Δcalib(f2), i.e. the weaker model is the more
 * overconfident. Values are compared after rounding to 12 decimals; pairs
 * tied on accuracy are left out; a tie on Δcalib counts as not holding.
 * Spearman's rho and Kendall's tau-b between Acc and Δcalib (on the rounded
 * values; a negative correlation supports the effect) come with two-sided
 * p-values: exact permutation p for n <= 10 models, large-sample
 * approximation otherwise (`pMethod` says which; see `spearman`, `kendall`).
 *
 * @param points One `{ acc, dcalib }` per model, at one severity.
 * @param options `method` of the p-values (default `"auto"`).
 * @returns Pair counts, share and the two rank correlations.
 * @throws {RangeError} If a value is not a finite number.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { dkeInter } from "./dke_inter.ts";
 * const r = dkeInter([
 *   { acc: 0.4, dcalib: 0.30 },
 *   { acc: 0.5, dcalib: 0.20 },
 *   { acc: 0.6, dcalib: 0.25 },
 * ]);
 * // Pairs (.4,.5) holds, (.4,.6) holds, (.5,.6) does not: 2 of 3.
 * assert.ok(r.pairs === 3 && r.holding === 2);
 * assert.ok(r.spearman.pMethod === "exact");
 * ```
 */
export function dkeInter(
  points: readonly AccCalibPoint[],
  options: RankCorrelationOptions = {},
): DkeInter {
  const n = points.length;
  const acc = new Float64Array(n), cal = new Float64Array(n);
  points.forEach((p, i) => {
    for (const key of ["acc", "dcalib"] as const) {
      if (!Number.isFinite(p[key])) {
        throw new RangeError(
          `Cannot test point ${i} with ${key} ${
            p[key]
          }: expected a finite number`,
        );
      }
    }
    acc[i] = round12(p.acc);
    cal[i] = round12(p.dcalib);
  });
  let pairs = 0, holding = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (acc[i] === acc[j]) continue;
      const [lo, hi] = acc[i] < acc[j] ? [i, j] : [j, i];
      pairs++;
      if (cal[lo] > cal[hi]) holding++;
    }
  }
  return {
    n,
    pairs,
    holding,
    share: pairs === 0 ? null : holding / pairs,
    spearman: spearman(acc, cal, options),
    kendall: kendall(acc, cal, options),
  };
}
