/**
 * Both Dunning-Kruger tests of the paper as table rows for the notebooks:
 * the intra-model test per model (point condition, bootstrap intervals and
 * p-values) and the inter-model test per severity (pair share, Spearman,
 * Kendall, p-values and how they were computed).
 *
 * @module
 */
import type { Results } from "../results/results.ts";
import { accuracy } from "../metrics/accuracy.ts";
import { calibrationShift } from "../metrics/calibration_shift.ts";
import { dkeInter } from "../metrics/dke_inter.ts";
import { dkeIntra } from "../metrics/dke_intra.ts";
import { itemsWhere } from "../metrics/items_where.ts";
import { type ItemScores, scoreAll } from "../metrics/score_items.ts";

/** Options of {@linkcode dkeIntraRows}. */
export interface DkeIntraRowsOptions {
  /** Bootstrap resamples (default 2000). */
  resamples?: number;
  /** Seed of the bootstrap (default 0); every model uses the same seed. */
  seed?: number;
  /** Significance level for `significant` (default 0.05). */
  alpha?: number;
  /** Per-model scores already computed (default `scoreAll(results)`). */
  scores?: readonly ItemScores[];
  /** Only these model ids (default all). */
  models?: readonly string[];
}

/** The intra-model test of one model (fractions). */
export interface DkeIntraRow {
  /** Model id. */
  model: string;
  /** Acc(D0). */
  acc_L0: number | null;
  /** Acc(D2). */
  acc_L2: number | null;
  /** Acc(D0) - Acc(D2). */
  acc_drop: number | null;
  /** 95% percentile interval of the drop, lower end. */
  acc_drop_lo: number;
  /** Upper end. */
  acc_drop_hi: number;
  /** One-sided bootstrap p of drop > 0. */
  p_acc_drop: number;
  /** Δcalib(D0). */
  dcalib_L0: number | null;
  /** Δcalib(D2). */
  dcalib_L2: number | null;
  /** Δcalib(D2) - Δcalib(D0). */
  calib_increase: number | null;
  /** 95% percentile interval of the increase, lower end. */
  calib_increase_lo: number;
  /** Upper end. */
  calib_increase_hi: number;
  /** One-sided bootstrap p of increase >= 0. */
  p_calib_increase: number;
  /** The paper's point condition (eq. 5). */
  holds: boolean;
  /** p_acc_drop < alpha (a drop the bootstrap supports). */
  drop_significant: boolean;
}

/**
 * Run the intra-model test (paper eq. 5; METRICS.md) for every model: the
 * point condition Acc(D0) > Acc(D2) and Δcalib(D0) <= Δcalib(D2), plus the
 * paired bootstrap over question ids with percentile intervals and
 * one-sided p-values: `p_acc_drop` counts resamples with no drop,
 * `p_calib_increase` resamples where Δcalib fell, so a small p supports a
 * drop or a rise.
 *
 * @param results Loaded results.
 * @param options Resamples, seed, alpha, precomputed scores, model subset.
 * @returns One row per model, in `results.models` order.
 * @throws {RangeError} If alpha is not in (0, 1) or a model id is unknown.
 *
 * @example Usage
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { dkeIntraRows } from "./dke_report.ts";
 * const rows = dkeIntraRows(await loadResults("data/sample"), { resamples: 500 });
 * console.log(rows[0].holds, rows[0].p_acc_drop);
 * ```
 */
export function dkeIntraRows(
  results: Results,
  options: DkeIntraRowsOptions = {},
): DkeIntraRow[] {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(
      `Cannot test at alpha ${alpha}: expected a number between 0 and 1`,
    );
  }
  const scores = pick(results, options.scores ?? scoreAll(results), options);
  return scores.map((s) => {
    const r = dkeIntra(results, s, {
      resamples: options.resamples,
      seed: options.seed,
    });
    return {
      model: s.modelId,
      acc_L0: r.acc0,
      acc_L2: r.acc2,
      acc_drop: r.accDrop,
      acc_drop_lo: r.accDropCi[0],
      acc_drop_hi: r.accDropCi[1],
      p_acc_drop: r.pAccDrop,
      dcalib_L0: r.dcalib0,
      dcalib_L2: r.dcalib2,
      calib_increase: r.calibIncrease,
      calib_increase_lo: r.calibIncreaseCi[0],
      calib_increase_hi: r.calibIncreaseCi[1],
      p_calib_increase: r.pCalibIncrease,
      holds: r.holds,
      drop_significant: r.pAccDrop < alpha,
    };
  });
}

function pick(
  results: Results,
  scores: readonly ItemScores[],
  options: { models?: readonly string[] },
): readonly ItemScores[] {
  if (options.models === undefined) return scores;
  return options.models.map((id) => {
    const s = scores.find((x) => x.modelId === id);
    if (!s) {
      throw new RangeError(
        `Cannot find model "${id}" in "${results.source}": expected one of its ${scores.length} model ids`,
      );
    }
    return s;
  });
}

/** Options of {@linkcode dkeInterRows}. */
export interface DkeInterRowsOptions {
  /** Severities to test (default [0, 1, 2]). */
  levels?: readonly (0 | 1 | 2)[];
  /** Per-model scores already computed (default `scoreAll(results)`). */
  scores?: readonly ItemScores[];
  /** Only these model ids (default all). */
  models?: readonly string[];
}

/** The inter-model test at one severity. */
export interface DkeInterRow {
  /** "L0", "L1" or "L2". */
  level: string;
  /** Models with an answered item at this level. */
  models: number;
  /** Pairs with different accuracy. */
  pairs: number;
  /** Of those, pairs where the less accurate model has the larger Δcalib. */
  holding: number;
  /** holding / pairs. */
  pair_share: number | null;
  /** Spearman's rho between accuracy and Δcalib (negative supports the effect). */
  spearman_rho: number;
  /** Its two-sided p-value. */
  spearman_p: number;
  /** Kendall's tau-b between accuracy and Δcalib. */
  kendall_tau: number;
  /** Its two-sided p-value. */
  kendall_p: number;
  /** "exact" (permutation, n <= 10) or "asymptotic". */
  p_method: string;
}

/**
 * Run the inter-model test (paper eq. 6; METRICS.md) at each severity over
 * the models' (accuracy, Δcalib) points.
 *
 * @param results Loaded results.
 * @param options Levels, precomputed scores, model subset.
 * @returns One row per level.
 *
 * @example Usage
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { dkeInterRows } from "./dke_report.ts";
 * const rows = dkeInterRows(await loadResults("data/sample"));
 * console.log(rows.map((r) => `${r.level}: ${r.pair_share}`));
 * ```
 */
export function dkeInterRows(
  results: Results,
  options: DkeInterRowsOptions = {},
): DkeInterRow[] {
  const scores = pick(results, options.scores ?? scoreAll(results), options);
  return (options.levels ?? [0, 1, 2]).map((level) => {
    const items = itemsWhere(results, { severity: level });
    const points = scores.flatMap((s) => {
      const a = accuracy(s, items).value;
      const d = calibrationShift(s, items).value;
      return a === null || d === null ? [] : [{ acc: a, dcalib: d }];
    });
    const t = dkeInter(points);
    return {
      level: `L${level}`,
      models: t.n,
      pairs: t.pairs,
      holding: t.holding,
      pair_share: t.share,
      spearman_rho: t.spearman.statistic,
      spearman_p: t.spearman.p,
      kendall_tau: t.kendall.statistic,
      kendall_p: t.kendall.p,
      p_method: t.spearman.pMethod,
    };
  });
}
