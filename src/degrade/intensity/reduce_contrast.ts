/**
 * `reduce_contrast`: blend with the image mean, y = alpha·x + (1 − alpha)·mean
 * (mean over all pixels and channels; SPEC §3.12).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { simdArena } from "../_simd.ts";

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
      const out = new Float32Array(src.length);
      for (let i = 0; i < src.length; i++) {
        const v = src[i];
        out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
      return Promise.resolve(like(image, out));
    }
    const arena = simdArena(4 * src.length + 32, 0);
    if (arena) {
      // The same sums and map in WebAssembly SIMD, in place on a copy.
      const data = arena.f32(src.length), sums = arena.f64(4);
      data.set(src);
      arena.sum4(sums, data);
      const mean = ((sums[0] + sums[1]) + (sums[2] + sums[3])) / src.length;
      arena.affine(data, alpha, (1 - alpha) * mean);
      // new + set: slice() of a view on WebAssembly memory is 4x slower.
      const out = new Float32Array(src.length);
      out.set(data);
      return Promise.resolve(like(image, out));
    }
    // Four running sums (independent add chains); the mean moves by ~1e-16.
    const out = new Float32Array(src.length);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = 0;
    for (; i + 3 < src.length; i += 4) {
      s0 += src[i];
      s1 += src[i + 1];
      s2 += src[i + 2];
      s3 += src[i + 3];
    }
    for (; i < src.length; i++) s0 += src[i];
    const mean = ((s0 + s1) + (s2 + s3)) / src.length;
    // alpha·v + (1 − alpha)·mean, clipped, in one inlined loop.
    const shift = (1 - alpha) * mean;
    for (i = 0; i < src.length; i++) {
      const v = alpha * src[i] + shift;
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    return Promise.resolve(like(image, out));
  },
};
