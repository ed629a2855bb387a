/**
 * `adjust_brightness`: an additive brightness offset on all channels,
 * y = clip(x + offset, 0, 1), in float32 (SPEC §3.10: the authors subtracted 75 and 113
 * grey levels, bit-exact).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { affineClip32 } from "../_affine32.ts";

/** Parameters of {@linkcode adjustBrightness}. */
export interface AdjustBrightnessParams extends Record<string, unknown> {
  /** Offset added to every sample, fraction of full scale in [-1, 1]. */
  offset: number;
}

const PARAMETERS: ParameterSpec[] = [{
  name: "offset",
  unit: "fraction of full scale",
  min: -1,
  max: 1,
  description: "added to every sample (negative darkens), then clipped",
}];

/** L1 −75/255, L2 −113/255: the measured offsets (SPEC §3.10). */
const PRESETS: Record<1 | 2, number> = { 1: -75 / 255, 2: -113 / 255 };

/**
 * Brightness offset operator.
 *
 * @example Usage
 * ```ts
 * import { adjustBrightness } from "./adjust_brightness.ts";
 * const img = { width: 1, height: 1, channels: 1 as const, data: new Float32Array([0.5]) };
 * const out = await adjustBrightness.apply(img, { offset: -0.25 });
 * console.assert(out.data[0] === 0.25);
 * ```
 */
export const adjustBrightness: Degrader<AdjustBrightnessParams> = {
  id: "adjust_brightness",
  description: "Additive brightness offset (darkening), clipped to [0, 1]",
  parameters: PARAMETERS,
  identity: { offset: 0 },
  sample(_prng, level) {
    return { offset: PRESETS[checkLevel("adjust_brightness", level)] };
  },
  apply(image, params) {
    checkImage("adjust_brightness", image);
    checkParams("adjust_brightness", PARAMETERS, params);
    // In float32 (the offset rounded to float32), WebAssembly SIMD when
    // available: the same bits either way.
    const out = affineClip32(image.data, 1, params.offset);
    return Promise.resolve(like(image, out));
  },
};
