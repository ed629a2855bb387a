/**
 * The MedQ-Deg taxonomy: modalities, skills -> tasks -> capabilities,
 * degradation ids -> categories, severity levels. Depends on nothing.
 *
 * ```ts
 * import { categoryOf, taskOf } from "./mod.ts";
 * console.assert(categoryOf("gaussian_noise") === "Noise");
 * console.assert(taskOf("Disease Diagnosis") === "CU");
 * ```
 *
 * @module
 */
export * from "./modalities.ts";
export * from "./skills.ts";
export * from "./degradations.ts";
export * from "./severity.ts";
