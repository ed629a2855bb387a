/**
 * `reduce_contrast`: blend with the image mean, y = alpha·x + (1 − alpha)·mean
 * (mean over all pixels and channels; SPEC §3.12), in float32. The mean adds
 * float32 sums of four samples in float64 (error below 2·2^-24 of the mean
 * of |x|; see `sampleMean` in `_affine32.ts`).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { affineClip32, blendWithMean32 } from "../_affine32.ts";

/** Parameters of {@linkcode reduceContrast}. */
export interface ReduceContrastParams extends Record<string, unknown> {
  /** Contrast kept, in [0, 1] (1 = unchanged, 0 = flat grey at the mean). */
  alpha: number;
}

const PARAMETERS: ParameterSpec[] = [{
  name: "alpha",
  unit: "fraction of contrast kept",
  min: 0,
  max: 1,
  description: "slope of the blend with the image mean",
}];

/** Measured slopes (SPEC §3.12). */
const PRESETS: Record<1 | 2, number> = { 1: 0.65, 2: 0.3 };

/**
 * Contrast reduction operator.
 *
 * @example Usage
 * ```ts
 * import { reduceContrast } from "./reduce_contrast.ts";
 * const img = { width: 2, height: 1, channels: 1 as const, data: new Float32Array([0, 1]) };
 * const out = await reduceContrast.apply(img, { alpha: 0.5 });
 * console.assert(out.data[0] === 0.25 && out.data[1] === 0.75);
 * ```
 */
export const reduceContrast: Degrader<ReduceContrastParams> = {
  id: "reduce_contrast",
  description: "Contrast reduction: blend with the image mean",
  parameters: PARAMETERS,
  identity: { alpha: 1 },
  sample(_prng, level) {
    return { alpha: PRESETS[checkLevel("reduce_contrast", level)] };
  },
  apply(image, params) {
    checkImage("reduce_contrast", image);
    checkParams("reduce_contrast", PARAMETERS, params);
    const { alpha } = params;
    const src = image.data;
    if (alpha === 1) {
      return Promise.resolve(like(image, affineClip32(src, 1, 0)));
    }
    // alpha·v + (1 − alpha)·mean in float32, clipped (SIMD when available).
    const out = blendWithMean32(src, alpha);
    return Promise.resolve(like(image, out));
  },
};
