/**
 * degradation_heatmap.csv and skill_heatmap.csv: paired drops at L1 and L2
 * per model and degradation id, and per model and fine-grained skill.
 *
 * @module
 */

import type { TableRow } from "./format.ts";
import type { SliceItems, TableContext } from "./context.ts";
import { DEGRADATIONS } from "../taxonomy/degradations.ts";
import { SKILLS } from "../taxonomy/skills.ts";
import { averageRows, dropPct } from "./_shared.ts";

/** Columns of degradation_heatmap.csv. */
export const DEGRADATION_HEATMAP_COLUMNS: readonly string[] = [
  "model",
  "degradation",
  "drop_L1",
  "drop_L2",
];
/** Columns of skill_heatmap.csv. */
export const SKILL_HEATMAP_COLUMNS: readonly string[] = [
  "model",
  "skill",
  "drop_L1",
  "drop_L2",
];

function heatmap(
  ctx: TableContext,
  slices: Map<number, SliceItems>,
  key: string,
  names: readonly string[],
): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of ctx.scores) {
    for (const [code, sl] of slices) {
      if (sl.L1.length === 0 && sl.L2.length === 0) continue;
      rows.push({
        model: s.modelId,
        [key]: names[code],
        drop_L1: dropPct(ctx.results, s, sl.L12, 1),
        drop_L2: dropPct(ctx.results, s, sl.L12, 2),
      });
    }
  }
  return [...rows, ...averageRows(rows, [key], ["drop_L1", "drop_L2"])];
}

/**
 * drop(type, L) = Acc(type at L) - Acc(base(type)) for L = 1, 2, per model
 * and degradation id (percent, negative = worse; METRICS.md "Heatmaps").
 * Ids with no degraded items are left out.
 *
 * @param ctx The shared table context.
 * @returns Rows (model x degradation), then the average rows.
 *
 * @example Usage
 * ```ts ignore
 * import { degradationHeatmapTable, tableContext } from "./mod.ts";
 * const rows = degradationHeatmapTable(tableContext(results));
 * ```
 */
export function degradationHeatmapTable(ctx: TableContext): TableRow[] {
  return heatmap(ctx, ctx.by.degradation, "degradation", DEGRADATIONS);
}

/**
 * The same paired drops per model and fine-grained skill.
 *
 * @param ctx The shared table context.
 * @returns Rows (model x skill), then the average rows.
 *
 * @example Usage
 * ```ts ignore
 * import { skillHeatmapTable, tableContext } from "./mod.ts";
 * const rows = skillHeatmapTable(tableContext(results));
 * ```
 */
export function skillHeatmapTable(ctx: TableContext): TableRow[] {
  return heatmap(ctx, ctx.by.skill, "skill", SKILLS);
}
