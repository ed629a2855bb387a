/**
 * Build every table of `deno task tables` from loaded results.
 *
 * @module
 */

import type { Results } from "../results/results.ts";
import { type TableContext, tableContext } from "./context.ts";
import type { BuiltTable } from "./write_tables.ts";
import { OVERALL_COLUMNS, overallTable } from "./overall.ts";
import { CAPABILITY_COLUMNS, capabilityTable } from "./capability.ts";
import { CATEGORY_COLUMNS, categoryTable } from "./category.ts";
import {
  DEGRADATION_HEATMAP_COLUMNS,
  degradationHeatmapTable,
  SKILL_HEATMAP_COLUMNS,
  skillHeatmapTable,
} from "./heatmaps.ts";
import { MODALITY_COLUMNS, modalityTable } from "./modality.ts";
import {
  CALIBRATION_COLUMNS,
  calibrationTable,
  RELIABILITY_COLUMNS,
  reliabilityTable,
} from "./calibration.ts";
import { COVERAGE_COLUMNS, coverageTable } from "./coverage.ts";
import { DKE_INTRA_COLUMNS, dkeIntraTable } from "./dke_intra.ts";
import {
  DKE_INTER_COLUMNS,
  dkeInterMethods,
  dkeInterTable,
} from "./dke_inter.ts";

/** The names of the tables, as written (`<name>.csv`). */
export const TABLE_NAMES: readonly string[] = [
  "overall",
  "capability",
  "category",
  "degradation_heatmap",
  "skill_heatmap",
  "modality",
  "calibration",
  "dke_intra",
  "dke_inter",
  "reliability",
  "coverage",
];

/** Options of {@linkcode buildTables}. */
export interface BuildTablesOptions {
  /** Equal-width confidence bins for ECE and reliability (default 10). */
  bins?: number;
  /** Bootstrap resamples of the intra-model DKE test (default 2000). */
  resamples?: number;
  /** Seed of the bootstrap (default 0). */
  seed?: number;
}

/**
 * Build every table from loaded results (or a context already built).
 *
 * @param input Loaded results, or a {@linkcode TableContext}.
 * @param options Bootstrap settings.
 * @returns The tables by name, each with its columns and rows.
 *
 * @example Usage
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { buildTables, writeTables } from "./mod.ts";
 * await writeTables("out/tables", buildTables(await loadResults("data/sample")));
 * ```
 */
export function buildTables(
  input: Results | TableContext,
  options: BuildTablesOptions = {},
): Record<string, BuiltTable> {
  const ctx = "scores" in input ? input : tableContext(input);
  const methods = dkeInterMethods(ctx)
    .map((m) => `${m.level}: ${m.models} models, ${m.p_method} p-values`).join(
      "; ",
    );
  return {
    overall: { columns: OVERALL_COLUMNS, rows: overallTable(ctx) },
    capability: { columns: CAPABILITY_COLUMNS, rows: capabilityTable(ctx) },
    category: { columns: CATEGORY_COLUMNS, rows: categoryTable(ctx) },
    degradation_heatmap: {
      columns: DEGRADATION_HEATMAP_COLUMNS,
      rows: degradationHeatmapTable(ctx),
    },
    skill_heatmap: {
      columns: SKILL_HEATMAP_COLUMNS,
      rows: skillHeatmapTable(ctx),
    },
    modality: { columns: MODALITY_COLUMNS, rows: modalityTable(ctx) },
    calibration: {
      columns: CALIBRATION_COLUMNS,
      rows: calibrationTable(ctx, options),
    },
    dke_intra: {
      columns: DKE_INTRA_COLUMNS,
      rows: dkeIntraTable(ctx, options),
    },
    dke_inter: {
      columns: DKE_INTER_COLUMNS,
      rows: dkeInterTable(ctx),
      note: `p-values: ${methods}.`,
    },
    reliability: {
      columns: RELIABILITY_COLUMNS,
      rows: reliabilityTable(ctx, options),
    },
    coverage: { columns: COVERAGE_COLUMNS, rows: coverageTable(ctx) },
  };
}
