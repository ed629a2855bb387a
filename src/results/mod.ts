/**
 * Results loaders and writers: read a FORMAT.md results directory (CSV, TSV,
 * JSONL, gzip) into the columnar {@linkcode Results}, validating every rule,
 * and write one back out.
 *
 * ```ts ignore
 * import { loadResults } from "./mod.ts";
 * const results = await loadResults("data/sample");
 * console.log(results.predictions.n);
 * ```
 *
 * @module
 */
export * from "./results.ts";
export * from "./problems.ts";
export * from "./write_table.ts";
export * from "./write_results.ts";
