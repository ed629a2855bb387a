/**
 * The simulator: `simulate()` builds a MedQ-Deg-shaped benchmark of any size
 * with chosen accuracy and confidence profiles; the reconstruction
 * (`ensureRawData()`, `reconstructMain()`, ...) rebuilds the paper's raw
 * results from its published aggregates (a reconstruction, never the
 * authors' data; see data/raw/README.md).
 *
 * @example Usage
 * ```ts
 * import { simulate } from "./mod.ts";
 * const results = simulate({ questions: 20, seed: 1 });
 * console.assert(results.items.n > 20);
 * ```
 *
 * @module
 */
export * from "./simulate.ts";
export * from "./design.ts";
export * from "./task_shares.ts";
export * from "./raw_data.ts";
export * from "./reconstruct.ts";
export { buildItems, type SimItems } from "./items.ts";
export { fitLevel, type LevelFit, twoWayConfidence } from "./votes.ts";
export type { ResultsData } from "../results/write_results.ts";
export type { Prng } from "../random/prng.ts";
export { type Degradation, DEGRADATIONS } from "../taxonomy/degradations.ts";
export { MODALITIES, type Modality } from "../taxonomy/modalities.ts";
export { type Skill, SKILLS, type Task, TASKS } from "../taxonomy/skills.ts";
export type { PaperGroup, SliceRow, Table6Row } from "../paper/tables.ts";
export type * from "../results/results.ts";
