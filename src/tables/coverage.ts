/**
 * coverage.csv: how many items each model answered at each level, so every
 * table's denominators can be checked (METRICS.md "Missing answers": a
 * (model, item) pair without a prediction leaves the model's item set).
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";

/** Columns of coverage.csv. */
export const COVERAGE_COLUMNS: readonly string[] = [
  "model",
  "level",
  "items",
  "answered",
  "missing",
  "trials",
];

/**
 * Per model and level (L0, L1, L2): the items of the level, how many the
 * model answered (at least one prediction row), how many it did not, and
 * its total number of trials there.
 *
 * @param ctx The shared table context.
 * @returns One row per model and level.
 *
 * @example Usage
 * ```ts ignore
 * import { coverageTable, tableContext } from "./mod.ts";
 * const rows = coverageTable(tableContext(results));
 * ```
 */
export function coverageTable(ctx: TableContext): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    for (const level of ["L0", "L1", "L2"] as const) {
      const items = ctx.all[level];
      let answered = 0, trials = 0;
      for (let j = 0; j < items.length; j++) {
        const t = s.trials[items[j]];
        if (t > 0) answered++;
        trials += t;
      }
      rows.push({
        model: s.modelId,
        level,
        items: items.length,
        answered,
        missing: items.length - answered,
        trials,
      });
    }
  }
  return rows;
}
