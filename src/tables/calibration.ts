/**
 * calibration.csv (accuracy, confidence, Δcalib, ECE, Brier per model and
 * level) and reliability.csv (the reliability-diagram bins).
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { calibrationShift } from "../metrics/calibration_shift.ts";
import { ece } from "../metrics/ece.ts";
import { brier } from "../metrics/brier.ts";
import { reliabilityBins } from "../metrics/reliability.ts";

/** Columns of calibration.csv. */
export const CALIBRATION_COLUMNS: readonly string[] = [
  "model",
  "level",
  "accuracy",
  "confidence",
  "delta_calib",
  "ece",
  "brier",
  "n_items",
];

/** Columns of reliability.csv. */
export const RELIABILITY_COLUMNS: readonly string[] = [
  "model",
  "level",
  "bin",
  "lo",
  "hi",
  "n",
  "confidence",
  "accuracy",
];

const LEVELS = ["L0", "L1", "L2", "L12"] as const;

/** Options of the calibration tables. */
export interface CalibrationTableOptions {
  /** Number of equal-width confidence bins for ECE and the reliability bins (default 10). */
  bins?: number;
}

/**
 * Per model and level (L0, L1, L2, and L12 = L1 and L2 pooled): accuracy,
 * mean voting confidence, Δcalib = confidence - accuracy (paper eq. 4), ECE
 * and Brier score (METRICS.md), and the number of answered items. Fractions.
 *
 * @param ctx The shared table context.
 * @param options Number of bins for ECE.
 * @returns One row per model and level.
 *
 * @example Usage
 * ```ts ignore
 * import { calibrationTable, tableContext } from "./mod.ts";
 * const rows = calibrationTable(tableContext(results));
 * ```
 */
export function calibrationTable(
  ctx: TableContext,
  options: CalibrationTableOptions = {},
): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    for (const level of LEVELS) {
      const items = ctx.all[level];
      const c = calibrationShift(s, items);
      rows.push({
        model: s.modelId,
        level,
        accuracy: c.accuracy,
        confidence: c.confidence,
        delta_calib: c.value,
        ece: ece(s, items, { bins: options.bins }).value,
        brier: brier(s, items).value,
        n_items: c.n,
      });
    }
  }
  return rows;
}

/**
 * The reliability-diagram bins per model and level (L0, L1, L2, L12): for
 * each equal-width confidence bin, its edges, item count, mean confidence
 * and accuracy (empty bins kept with n = 0 and empty cells). Fractions.
 *
 * @param ctx The shared table context.
 * @param options Number of bins.
 * @returns One row per model, level and bin.
 *
 * @example Usage
 * ```ts ignore
 * import { reliabilityTable, tableContext } from "./mod.ts";
 * const rows = reliabilityTable(tableContext(results));
 * ```
 */
export function reliabilityTable(
  ctx: TableContext,
  options: CalibrationTableOptions = {},
): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    for (const level of LEVELS) {
      reliabilityBins(s, ctx.all[level], { bins: options.bins }).forEach(
        (b, bin) => {
          rows.push({ model: s.modelId, level, bin, ...b });
        },
      );
    }
  }
  return rows;
}
