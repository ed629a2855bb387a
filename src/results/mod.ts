/**
 * Results loaders and writers: read a FORMAT.md results directory (CSV, TSV,
 * JSONL, each optionally gzip) into the columnar {@linkcode Results},
 * validating every rule, and write one back out.
 *
 * ```ts ignore
 * import { loadResults } from "./mod.ts";
 * const results = await loadResults("data/sample");
 * console.log(results.predictions.n, results.warnings);
 * ```
 *
 * @module
 */
export * from "./results.ts";
export * from "./problems.ts";
export * from "./parse_choice.ts";
export * from "./rows.ts";
export { readTable, type ReadTableOptions, type Table } from "./read_table.ts";
export * from "./load_results.ts";
export { missingAnswerWarnings } from "./build_predictions.ts";
export { questionWarnings } from "./question_warnings.ts";
export * from "./write_table.ts";
export * from "./write_results.ts";
export * from "./vlmevalkit.ts";
export * from "./arquero.ts";
export * from "./schemas.ts";
export * from "./summary.ts";
export {
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
