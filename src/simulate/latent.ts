/**
 * The latent structure behind simulated answers: a difficulty per question
 * shared by all models, a per-model deviation, a per-degradation effect per
 * severity, and item noise, combined into per-item logits.
 *
 * @module
 */
import { DEGRADATIONS } from "../taxonomy/mod.ts";
import type { Prng } from "../random/prng.ts";
import { type ItemColumns, NO_DEGRADATION } from "../results/results.ts";

/** Per-degradation logit effect at L1 and L2 (negative = harder). */
export type DegradationEffects = readonly (readonly [number, number])[];

/**
 * Default degradation effects: artifacts and motion hurt most, intensity
 * least; L2 about twice L1. Derived from the mean of the paper's
 * degradation heatmap where it has the type.
 */
export const DEFAULT_EFFECTS: DegradationEffects = DEGRADATIONS.map((d) => {
  const strong = [
    "limited_angle",
    "sparse_view",
    "undersampling_artifact",
    "ghosting_artifact",
    "rotation_artifact",
    "random_motion_artifact",
  ];
  const mild = ["adjust_brightness", "exposure_artifact", "reduce_contrast"];
  const e = strong.includes(d) ? 0.3 : mild.includes(d) ? 0.08 : 0.16;
  return [-e, -2.2 * e] as const;
});

/** Random effects shared by all models of one benchmark. */
export interface SharedLatent {
  /** Difficulty per question (standard normal). */
  question: Float64Array;
}

/**
 * Draw the shared latent structure of a benchmark.
 *
 * @param items The items.
 * @param prng Random source.
 * @returns A difficulty per question.
 *
 * @example Usage
 * ```ts
 * import { sharedLatent } from "./latent.ts";
 * import { buildItems } from "./items.ts";
 * import { paperDesign, scaleDesign } from "./design.ts";
 * import { createPrng } from "../random/prng.ts";
 * const { items } = buildItems(scaleDesign(paperDesign(), 10), createPrng(1));
 * console.assert(sharedLatent(items, createPrng(2)).question.length === 10);
 * ```
 */
export function sharedLatent(items: ItemColumns, prng: Prng): SharedLatent {
  return {
    question: Float64Array.from(items.questionIds, () => prng.normal()),
  };
}

/**
 * Per-item logits of one model: 1.1 x shared question difficulty, 0.8 x the
 * model's own question deviation, the degradation effect, 0.35 x item noise.
 *
 * @param items The items.
 * @param shared The shared latent structure.
 * @param effects Degradation effects per id and level.
 * @param prng Random source (model-specific).
 * @returns One logit per item.
 *
 * @example Usage
 * ```ts
 * import { modelLogits, sharedLatent, DEFAULT_EFFECTS } from "./latent.ts";
 * import { buildItems } from "./items.ts";
 * import { paperDesign, scaleDesign } from "./design.ts";
 * import { createPrng } from "../random/prng.ts";
 * const { items } = buildItems(scaleDesign(paperDesign(), 10), createPrng(1));
 * const l = modelLogits(items, sharedLatent(items, createPrng(2)), DEFAULT_EFFECTS, createPrng(3));
 * console.assert(l.length === items.n);
 * ```
 */
export function modelLogits(
  items: ItemColumns,
  shared: SharedLatent,
  effects: DegradationEffects,
  prng: Prng,
): Float64Array {
  const own = Float64Array.from(shared.question, () => prng.normal());
  const out = new Float64Array(items.n);
  for (let i = 0; i < items.n; i++) {
    const q = items.question[i]!;
    let x = 1.1 * shared.question[q]! + 0.8 * own[q]!;
    const d = items.degradation[i]!;
    if (d !== NO_DEGRADATION) {
      x += effects[d]![items.severity[i]! - 1]! + 0.35 * prng.normal();
    }
    out[i] = x;
  }
  return out;
}
