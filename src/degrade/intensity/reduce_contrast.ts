/**
 * `reduce_contrast`: blend with the image mean, y = alpha·x + (1 − alpha)·mean
 * (mean over all pixels and channels; SPEC §3.12).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { simdArena } from "../_simd.ts";
import { affineClip32 } from "../_affine32.ts";
import { CHUNK, CHUNK_BYTES, chunkFor } from "../_chunk.ts";

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
    const mean = sampleMean(src);
    // alpha·v + (1 − alpha)·mean in float32, clipped (SIMD when available).
    const out = affineClip32(src, alpha, (1 - alpha) * mean);
    return Promise.resolve(like(image, out));
  },
};

/**
 * The mean of all samples from sixteen running float64 sums (independent
 * add chains; the last length mod 16 samples go to the first), added
 * pairwise at the end, in WebAssembly SIMD over chunks when available: the
 * same sums either way.
 */
function sampleMean(src: Float32Array): number {
  const n = src.length;
  const arena = simdArena(CHUNK_BYTES + 128, 0);
  let s: ArrayLike<number>;
  if (arena) {
    const sums = arena.f64(16), chunk = chunkFor(arena, src);
    for (let i = 0; i < n; i += CHUNK) {
      const m = Math.min(CHUNK, n - i);
      const view = m === CHUNK ? chunk : chunk.subarray(0, m);
      view.set(src.subarray(i, i + m));
      arena.sum16(sums, view);
    }
    s = sums;
  } else {
    const sums = new Float64Array(16);
    let i = 0;
    for (; i + 15 < n; i += 16) {
      for (let k = 0; k < 16; k++) sums[k] += src[i + k];
    }
    for (; i < n; i++) sums[0] += src[i];
    s = sums;
  }
  // Pairwise: ((s0 + s1) + (s2 + s3)) + ..., a balanced tree of 16.
  const t = [0, 0, 0, 0];
  for (let q = 0; q < 4; q++) {
    t[q] = (s[4 * q] + s[4 * q + 1]) + (s[4 * q + 2] + s[4 * q + 3]);
  }
  return ((t[0] + t[1]) + (t[2] + t[3])) / n;
}
