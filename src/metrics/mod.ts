/**
 * Metrics of MedQ-Deg (METRICS.md): per-item scores from a loaded
 * `Results`, then accuracy, voting confidence, calibration shift, paired
 * drops, the intra- and inter-model Dunning-Kruger tests, ECE, Brier,
 * reliability bins and rank consistency. Imports neither sharp nor Plot.
 *
 * Score once (one pass over all prediction rows), then slice:
 *
 * ```ts ignore
 * import { accuracy, calibrationShift, dkeIntra, itemsWhere, scoreAll } from "./mod.ts";
 * const scores = scoreAll(results); // one ItemScores per model
 * const l2 = itemsWhere(results, { severity: 2 });
 * for (const s of scores) {
 *   console.log(s.modelId, accuracy(s, l2).value, calibrationShift(s, l2).value);
 *   console.log(dkeIntra(results, s, { seed: 1 }).pCalibIncrease);
 * }
 * ```
 *
 * Values are fractions; an empty item set gives `null`, never 0.
 *
 * @module
 */
export type {
  ItemColumns,
  ModelInfo,
  PredictionColumns,
  Results,
} from "../results/results.ts";
export {
  CAPABILITIES,
  type Capability,
  CATEGORIES,
  type Category,
  type Degradation,
  DEGRADATIONS,
  MODALITIES,
  type Modality,
  type Severity,
  type Skill,
  SKILLS,
  type Task,
  TASKS,
} from "../taxonomy/mod.ts";
export * from "./types.ts";
export * from "./score_items.ts";
export * from "./voting_confidence.ts";
export * from "./item_correct.ts";
export * from "./items_where.ts";
export * from "./accuracy.ts";
export * from "./mean_confidence.ts";
export * from "./calibration_shift.ts";
export * from "./paired_drop.ts";
export * from "./brier.ts";
export * from "./reliability.ts";
export * from "./ece.ts";
export * from "./rank_correlation.ts";
export * from "./dke_inter.ts";
export * from "./dke_intra.ts";
export * from "./rank_consistency.ts";
