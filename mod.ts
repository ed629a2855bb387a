/**
 * medq-deg: the toolkit for MedQ-Deg, a benchmark of how multimodal LLMs fail
 * on degraded medical images. This entry point re-exports the analysis API
 * (taxonomy, loaders, metrics, tables); images, figures, simulation and the
 * evaluation harness live in their own subpath exports so that a
 * metrics-only user never downloads sharp or Plot.
 *
 * ```ts
 * import { categoryOf } from "./mod.ts";
 * console.assert(categoryOf("motion_blur") === "RB");
 * ```
 *
 * @module
 */
export * from "./src/taxonomy/mod.ts";
export * from "./src/random/prng.ts";
export type * from "./src/results/results.ts";
export { NO_DEGRADATION, UNPARSED } from "./src/results/results.ts";
