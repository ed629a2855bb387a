/**
 * Helpers behind the notebooks in notebooks/: the shipped results,
 * paper-vs-reproduced views and layouts, placing a
 * new model among the benchmark's, an offline evaluation set with a fake
 * OpenAI-compatible model, and a power analysis on simulated benchmarks.
 *
 * ```ts
 * import { fidelityView } from "./mod.ts";
 * console.assert(fidelityView([]).summary.length === 0);
 * ```
 *
 * @module
 */
export * from "./shipped.ts";
export * from "./fidelity_view.ts";
export * from "./place_model.ts";
export * from "./eval_subset.ts";
export * from "./fake_vlm.ts";
export * from "./power.ts";
export * from "./layout.ts";
export * from "./power_plot.ts";
export * from "./rank_table.ts";
export * from "./show.ts";
export type * from "../results/results.ts";
export type { ItemScores } from "../metrics/score_items.ts";
export type { FigureSvg, RankRow } from "../figures/types.ts";
export type {
  CalibrationRow,
  FidelityRow,
  FidelitySummary,
  HeatmapDropRow,
  OverallRow,
  RealworldRow,
  ReproducedTables,
  SliceAccuracyRow,
} from "../paper/fidelity.ts";
