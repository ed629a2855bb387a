/**
 * Table 6 (overall.csv): accuracy at L0, L1, L2 per model and the drops.
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { averageRows, diff, pct } from "./_shared.ts";

/** Columns of overall.csv. */
export const OVERALL_COLUMNS: readonly string[] = [
  "model",
  "L0",
  "L1",
  "L2",
  "L1_minus_L0",
  "L2_minus_L0",
];

/**
 * Accuracy (percent) of every model on all L0, L1 and L2 items, the drops
 * Acc(L1) - Acc(L0) and Acc(L2) - Acc(L0) (negative = worse), and a row
 * `Average (All Models)` (unweighted mean over models).
 *
 * @param ctx The shared table context.
 * @returns One row per model, then the average row.
 *
 * @example Usage
 * ```ts ignore
 * import { overallTable, tableContext } from "./mod.ts";
 * const rows = overallTable(tableContext(results));
 * ```
 */
export function overallTable(ctx: TableContext): TableRow[] {
  const rows: TableRow[] = ctx.scores.map((s) => {
    const L0 = pct(s, ctx.all.L0),
      L1 = pct(s, ctx.all.L1),
      L2 = pct(s, ctx.all.L2);
    return {
      model: s.modelId,
      L0,
      L1,
      L2,
      L1_minus_L0: diff(L1, L0),
      L2_minus_L0: diff(L2, L0),
    };
  });
  return [...rows, ...averageRows(rows, [], OVERALL_COLUMNS.slice(1))];
}
