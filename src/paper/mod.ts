/**
 * The paper's published numbers (bundled in data/paper/, validated on load)
 * and the fidelity check of reproduced tables against them.
 *
 * @example Usage
 * ```ts
 * import { loadPaperTable6 } from "./mod.ts";
 * console.assert(loadPaperTable6().length === 40);
 * ```
 *
 * @module
 */
export * from "./tables.ts";
export * from "./figures.ts";
export * from "./numbers.ts";
export { PAPER_DIR } from "./_read.ts";
export * from "./fidelity.ts";
export * from "./attainable.ts";
export * from "./benchmark_counts.ts";
export type * from "../results/results.ts";
export {
  CATEGORIES,
  type Category,
  type Degradation,
  DEGRADATIONS,
} from "../taxonomy/degradations.ts";
export { type Skill, SKILLS, type Task, TASKS } from "../taxonomy/skills.ts";
