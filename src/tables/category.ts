/**
 * Table 3 (category.csv): accuracy over L1&L2 and paired drop per
 * degradation category.
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { CATEGORIES } from "../taxonomy/degradations.ts";
import { averageRows, diff, dropPct, pct } from "./_shared.ts";

/** Columns of category.csv. */
export const CATEGORY_COLUMNS: readonly string[] = [
  "model",
  "category",
  "acc_l12",
  "drop_l12",
];

/**
 * For each of the five categories (Intens, Noise, RB, Artif, Motio):
 * accuracy over the category's L1 and L2 items pooled and drop(S, L1&L2)
 * against base(S) (METRICS.md). `Avg` is the accuracy over all L1&L2 items
 * and its drop against all L0 items. Percent; an empty category gives empty
 * cells. Then the `Average (All Models)` rows.
 *
 * @param ctx The shared table context.
 * @returns Rows (model x category incl. Avg), then the average rows.
 *
 * @example Usage
 * ```ts ignore
 * import { categoryTable, tableContext } from "./mod.ts";
 * const rows = categoryTable(tableContext(results));
 * ```
 */
export function categoryTable(ctx: TableContext): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    for (const [code, category] of CATEGORIES.entries()) {
      const sl = ctx.by.category.get(code);
      const acc = sl ? pct(s, sl.L12) : null;
      rows.push({
        model: s.modelId,
        category,
        acc_l12: acc,
        drop_l12: sl ? dropPct(ctx.results, s, sl.L12, "L12") : null,
      });
    }
    const acc = pct(s, ctx.all.L12);
    rows.push({
      model: s.modelId,
      category: "Avg",
      acc_l12: acc,
      drop_l12: diff(acc, pct(s, ctx.all.L0)),
    });
  }
  return [...rows, ...averageRows(rows, ["category"], ["acc_l12", "drop_l12"])];
}
