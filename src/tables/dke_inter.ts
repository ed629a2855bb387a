/**
 * dke_inter.csv: the inter-model Dunning-Kruger test at each severity.
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { calibrationShift } from "../metrics/calibration_shift.ts";
import { dkeInter } from "../metrics/dke_inter.ts";
import type { PMethod } from "../metrics/rank_correlation.ts";

/** Columns of dke_inter.csv. */
export const DKE_INTER_COLUMNS: readonly string[] = [
  "level",
  "pair_share",
  "spearman_rho",
  "spearman_p",
  "kendall_tau",
  "kendall_p",
];

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * For L0, L1 and L2: over all model pairs with Acc(f1) < Acc(f2), the share
 * with Δcalib(f1) > Δcalib(f2) (paper eq. 6), and Spearman's rho and
 * Kendall's tau-b between accuracy and Δcalib across models with two-sided
 * p-values (exact permutation p for at most 10 models, large-sample
 * approximation otherwise: {@linkcode dkeInterMethods} says which). Models
 * with no items at a level are left out of it. Fractions.
 *
 * @param ctx The shared table context.
 * @returns One row per level.
 *
 * @example Usage
 * ```ts ignore
 * import { dkeInterTable, tableContext } from "./mod.ts";
 * const rows = dkeInterTable(tableContext(results));
 * ```
 */
export function dkeInterTable(ctx: TableContext): TableRow[] {
  return (["L0", "L1", "L2"] as const).map((level) => {
    const r = testAt(ctx, level);
    return {
      level,
      pair_share: r.share,
      spearman_rho: finite(r.spearman.statistic),
      spearman_p: finite(r.spearman.p),
      kendall_tau: finite(r.kendall.statistic),
      kendall_p: finite(r.kendall.p),
    };
  });
}

function testAt(ctx: TableContext, level: "L0" | "L1" | "L2") {
  const points = [];
  for (const s of ctx.scores) {
    const c = calibrationShift(s, ctx.all[level]);
    if (c.value !== null && c.accuracy !== null) {
      points.push({ acc: c.accuracy, dcalib: c.value });
    }
  }
  return dkeInter(points);
}

/**
 * How the p-values of {@linkcode dkeInterTable} were computed, per level.
 *
 * @param ctx The shared table context.
 * @returns `{ level, models, p_method }` per level.
 *
 * @example Usage
 * ```ts ignore
 * import { dkeInterMethods, tableContext } from "./mod.ts";
 * console.log(dkeInterMethods(tableContext(results)));
 * ```
 */
export function dkeInterMethods(
  ctx: TableContext,
): { level: string; models: number; p_method: PMethod }[] {
  return (["L0", "L1", "L2"] as const).map((level) => {
    const r = testAt(ctx, level);
    return { level, models: r.n, p_method: r.spearman.pMethod };
  });
}
