/**
 * modality.csv: accuracy per model, modality and severity (the radar figure).
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { MODALITIES } from "../taxonomy/modalities.ts";
import { averageRows, pct } from "./_shared.ts";

/** Columns of modality.csv. */
export const MODALITY_COLUMNS: readonly string[] = [
  "model",
  "modality",
  "L0",
  "L1",
  "L2",
];

/**
 * Accuracy (percent) per model and modality at L0, L1 and L2; modalities
 * with no items are left out; an empty level gives an empty cell.
 *
 * @param ctx The shared table context.
 * @returns Rows (model x modality), then the average rows.
 *
 * @example Usage
 * ```ts ignore
 * import { modalityTable, tableContext } from "./mod.ts";
 * const rows = modalityTable(tableContext(results));
 * ```
 */
export function modalityTable(ctx: TableContext): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    for (const [code, sl] of ctx.by.modality) {
      rows.push({
        model: s.modelId,
        modality: MODALITIES[code],
        L0: pct(s, sl.L0),
        L1: pct(s, sl.L1),
        L2: pct(s, sl.L2),
      });
    }
  }
  return [...rows, ...averageRows(rows, ["modality"], ["L0", "L1", "L2"])];
}
