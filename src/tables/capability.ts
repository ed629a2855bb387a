/**
 * Table 2 (capability.csv): accuracy over L1&L2 and paired drop per
 * mid-level task.
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { TableContext } from "./context.ts";
import { TASKS } from "../taxonomy/skills.ts";
import { averageRows, dropPct, pct } from "./_shared.ts";

/** Columns of capability.csv. */
export const CAPABILITY_COLUMNS: readonly string[] = [
  "model",
  "task",
  "acc_l12",
  "drop_l12",
];

/**
 * For each of the six tasks (CU, IP, AR, BS, Diag, Treat): accuracy over the
 * task's L1 and L2 items pooled, and drop(S, L1&L2) = that minus the accuracy
 * on base(S), the clean items of the same questions (METRICS.md). `Avg` is
 * the unweighted mean of the six task columns (value and drop alike; null
 * if any task is empty). Percent. Then the `Average (All Models)` rows.
 *
 * @param ctx The shared table context.
 * @returns Rows (model x task incl. Avg), then the average rows.
 *
 * @example Usage
 * ```ts ignore
 * import { capabilityTable, tableContext } from "./mod.ts";
 * const rows = capabilityTable(tableContext(results));
 * ```
 */
export function capabilityTable(ctx: TableContext): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    const mine: TableRow[] = TASKS.map((task, code) => {
      const sl = ctx.by.task.get(code);
      const acc = sl ? pct(s, sl.L12) : null;
      return {
        model: s.modelId,
        task,
        acc_l12: acc,
        drop_l12: sl ? dropPct(ctx.results, s, sl.L12, "L12") : null,
      };
    });
    const mean = (k: string): number | null =>
      mine.some((r) => r[k] === null)
        ? null
        : mine.reduce((a, r) => a + (r[k] as number), 0) / mine.length;
    rows.push(...mine, {
      model: s.modelId,
      task: "Avg",
      acc_l12: mean("acc_l12"),
      drop_l12: mean("drop_l12"),
    });
  }
  return [...rows, ...averageRows(rows, ["task"], ["acc_l12", "drop_l12"])];
}
