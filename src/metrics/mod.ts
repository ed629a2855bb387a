/**
 * Metrics of MedQ-Deg (METRICS.md): per-item scores from a loaded
 * `Results`, then accuracy, voting confidence, calibration shift, paired
 * drops, the intra- and inter-model Dunning-Kruger tests, ECE, Brier,
 * reliability bins and rank consistency. Imports neither sharp nor Plot.
 *
 * Score once (one pass over all prediction rows), then slice:
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { resultsFromRows } from "../results/load_results.ts";
 * import { accuracy, calibrationShift, dkeIntra, itemsWhere, scoreAll } from "./mod.ts";
 * const item = (id: string, severity: number, degradation: string) => ({
 *   item_id: id, question_id: "q1", source: "s", modality: "CT",
 *   skill: "Counting", degradation, severity, n_options: 4, answer: "A",
 * });
 * const results = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "open-source" }],
 *   items: [item("clean", 0, "none"), item("noisy", 2, "gaussian_noise")],
 *   predictions: [
 *     { model: "m", item_id: "clean", trial: 1, choice: "A" },
 *     { model: "m", item_id: "noisy", trial: 1, choice: "B" },
 *     { model: "m", item_id: "noisy", trial: 2, choice: "B" },
 *   ],
 * });
 * const scores = scoreAll(results); // one ItemScores per model
 * const l2 = itemsWhere(results, { severity: 2 });
 * for (const s of scores) {
 *   assert.equal(accuracy(s, l2).value, 0);
 *   assert.equal(calibrationShift(s, l2).value, 1); // fully confident, all wrong
 *   assert.ok(dkeIntra(results, s, { seed: 1 }).holds);
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
