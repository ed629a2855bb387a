/**
 * dke_intra.csv: the intra-model Dunning-Kruger test per model, L0 vs L2.
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { dkeIntra } from "../metrics/dke_intra.ts";

/** Columns of dke_intra.csv. */
export const DKE_INTRA_COLUMNS: readonly string[] = [
  "model",
  "acc_L0",
  "acc_L2",
  "delta_L0",
  "delta_L2",
  "holds",
  "acc_drop",
  "acc_drop_lo",
  "acc_drop_hi",
  "acc_drop_p",
  "calib_increase",
  "calib_increase_lo",
  "calib_increase_hi",
  "calib_increase_p",
  "resamples",
];

/** Options of {@linkcode dkeIntraTable}. */
export interface DkeIntraTableOptions {
  /** Bootstrap resamples (default 2000). */
  resamples?: number;
  /** Seed of the bootstrap (default 0); each model uses the same seed. */
  seed?: number;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Per model: accuracy and Δcalib at L0 and L2, whether the point condition
 * holds (Acc(L0) > Acc(L2) and Δcalib(L0) <= Δcalib(L2), paper eq. 5), then
 * the paired bootstrap over question ids (METRICS.md): the accuracy drop
 * Acc(L0) - Acc(L2) and the calibration-shift increase Δcalib(L2) -
 * Δcalib(L0), each with its 95% percentile interval and one-sided p-value.
 * Fractions.
 *
 * @param ctx The shared table context.
 * @param options Resamples and seed.
 * @returns One row per model.
 *
 * @example Usage
 * ```ts ignore
 * import { dkeIntraTable, tableContext } from "./mod.ts";
 * const rows = dkeIntraTable(tableContext(results), { seed: 1 });
 * ```
 */
export function dkeIntraTable(
  ctx: TableContext,
  options: DkeIntraTableOptions = {},
): TableRow[] {
  return ctx.scores.map((s) => {
    const r = dkeIntra(ctx.results, s, {
      resamples: options.resamples,
      seed: options.seed,
    });
    const defined = r.acc0 !== null && r.acc2 !== null;
    return {
      model: s.modelId,
      acc_L0: r.acc0,
      acc_L2: r.acc2,
      delta_L0: r.dcalib0,
      delta_L2: r.dcalib2,
      holds: defined ? r.holds : null,
      acc_drop: r.accDrop,
      acc_drop_lo: finite(r.accDropCi[0]),
      acc_drop_hi: finite(r.accDropCi[1]),
      acc_drop_p: r.resamples > 0 ? r.pAccDrop : null,
      calib_increase: r.calibIncrease,
      calib_increase_lo: finite(r.calibIncreaseCi[0]),
      calib_increase_hi: finite(r.calibIncreaseCi[1]),
      calib_increase_p: r.resamples > 0 ? r.pCalibIncrease : null,
      resamples: r.resamples,
    };
  });
}
