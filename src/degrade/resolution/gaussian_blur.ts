/**
 * `gaussian_blur`: isotropic Gaussian blur per channel, kernel truncated at
 * ⌊4σ + 0.5⌋ px, mode 'reflect' — `scipy.ndimage.gaussian_filter`, which
 * reproduces the authors' examples bit-exactly (SPEC §3.17).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import {
  checkImage,
  checkLevel,
  checkParams,
  copyImage,
  like,
} from "../_check.ts";
import { gaussianRegion32 } from "../_filters32.ts";

/** Parameters of {@linkcode gaussianBlur}. */
export interface GaussianBlurParams extends Record<string, unknown> {
  /** Standard deviation of the Gaussian in pixels, in [0, 100] (0 = none). */
  sigma: number;
}

const PARAMETERS: ParameterSpec[] = [{
  name: "sigma",
  unit: "pixels",
  min: 0,
  max: 100,
  description: "standard deviation of the isotropic Gaussian point spread",
}];

/** Measured: σ = 3 px (L1) and 7 px (L2) (SPEC §3.17). */
const PRESETS: Record<1 | 2, number> = { 1: 3, 2: 7 };

/**
 * Gaussian blur operator.
 *
 * @example Usage
 * ```ts
 * import { gaussianBlur } from "./gaussian_blur.ts";
 * const data = new Float32Array(25);
 * data[12] = 1;
 * const out = await gaussianBlur.apply({ width: 5, height: 5, channels: 1, data }, { sigma: 1 });
 * console.assert(out.data[12]! < 1 && out.data[11]! > 0);
 * ```
 */
export const gaussianBlur: Degrader<GaussianBlurParams> = {
  id: "gaussian_blur",
  description: "Isotropic Gaussian blur (ndimage.gaussian_filter, reflect)",
  parameters: PARAMETERS,
  identity: { sigma: 0 },
  sample(_prng, level) {
    return { sigma: PRESETS[checkLevel("gaussian_blur", level)] };
  },
  apply(image, params) {
    checkImage("gaussian_blur", image);
    checkParams("gaussian_blur", PARAMETERS, params);
    const { width, height, channels } = image;
    const n = width * height;
    if (params.sigma <= 0) return Promise.resolve(copyImage(image));
    const data = new Float32Array(n * channels);
    for (let c = 0; c < channels; c++) {
      const plane = image.data.subarray(c * n, (c + 1) * n);
      const out = data.subarray(c * n, (c + 1) * n);
      gaussianRegion32(
        plane,
        width,
        height,
        params.sigma,
        4,
        out,
        0,
        height,
        0,
        width,
      );
    }
    return Promise.resolve(like(image, data));
  },
};
