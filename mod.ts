/**
 * medq-deg: the toolkit for MedQ-Deg, a benchmark of how multimodal LLMs fail
 * on degraded medical images (40 models, 19 degradations in 5 categories, 30
 * clinical skills in 6 tasks, 7 modalities, severities L0 clean / L1 mild /
 * L2 severe).
 *
 * This entry point is the analysis API: the taxonomy, the FORMAT.md loaders,
 * the METRICS.md metrics (accuracy, paired drops, voting confidence,
 * calibration shift, the Dunning-Kruger tests, ECE, Brier, reliability, rank
 * consistency) and the table builders. Images, figures, the paper's numbers,
 * the simulator and the evaluation harness live in their own subpath exports
 * (`./degrade`, `./figures`, `./paper`, `./simulate`, `./evaluate`,
 * `./embed`), so a metrics-only user never downloads sharp or Plot.
 *
 * ```ts
 * import { buildTables, loadResults } from "./mod.ts";
 * const results = await loadResults("data/sample");
 * const tables = buildTables(results);
 * console.assert(tables.overall.rows.length === results.models.length + 1);
 * ```
 *
 * @module
 */
export * from "./src/taxonomy/mod.ts";
export * from "./src/random/prng.ts";
export * from "./src/results/mod.ts";
export * from "./src/metrics/mod.ts";
export * from "./src/tables/mod.ts";
