/**
 * Table builders: every table of the paper (and more) from loaded results,
 * as plain rows, written as CSV (full precision) and Markdown.
 *
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { buildTables, writeTables } from "./mod.ts";
 * await writeTables("out/tables", buildTables(await loadResults("data/sample")));
 * ```
 *
 * @module
 */
export * from "./format.ts";
export * from "./to_markdown.ts";
export * from "./context.ts";
export * from "./overall.ts";
export * from "./capability.ts";
export * from "./category.ts";
export * from "./heatmaps.ts";
export * from "./modality.ts";
export * from "./calibration.ts";
export * from "./coverage.ts";
export * from "./dke_intra.ts";
export * from "./dke_inter.ts";
export * from "./build_tables.ts";
export * from "./write_tables.ts";
export type { ItemScores } from "../metrics/score_items.ts";
export type { PMethod } from "../metrics/rank_correlation.ts";
export type * from "../results/results.ts";
