/**
 * `gaussian_noise`: additive white Gaussian noise, independent per pixel and
 * channel, y = clip(x + sigma·n, 0, 1), n ~ N(0, 1) drawn by a ziggurat
 * (as numpy's `standard_normal`) on bits seeded through
 * `createPrng(noiseSeed)` (SPEC §3.13; TorchIO `RandomNoise`).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { addClippedNormal } from "../_normal.ts";

/** Parameters of {@linkcode gaussianNoise}. */
export interface GaussianNoiseParams extends Record<string, unknown> {
  /** Noise standard deviation, fraction of full scale in [0, 1]. */
  sigma: number;
  /** Seed of the noise field, an integer in [0, 2^31 − 1]. */
  noiseSeed: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "sigma",
    unit: "fraction of full scale",
    min: 0,
    max: 1,
    description: "standard deviation of the added noise",
  },
  {
    name: "noiseSeed",
    unit: "integer seed",
    min: 0,
    max: 2147483647,
    description: "seeds the noise field, so apply() is pure",
  },
];

/** Measured σ: 12.2 and 20.3 grey levels (SPEC §3.13). */
const PRESETS: Record<1 | 2, number> = { 1: 0.048, 2: 0.08 };

/**
 * Additive Gaussian noise operator.
 *
 * @example Usage
 * ```ts
 * import { gaussianNoise } from "./gaussian_noise.ts";
 * const img = { width: 8, height: 8, channels: 1 as const, data: new Float32Array(64).fill(0.5) };
 * const a = await gaussianNoise.apply(img, { sigma: 0.1, noiseSeed: 1 });
 * const b = await gaussianNoise.apply(img, { sigma: 0.1, noiseSeed: 1 });
 * console.assert(a.data.every((v, i) => v === b.data[i]));
 * ```
 */
export const gaussianNoise: Degrader<GaussianNoiseParams> = {
  id: "gaussian_noise",
  description: "Additive white Gaussian noise, per pixel and channel",
  parameters: PARAMETERS,
  identity: { sigma: 0, noiseSeed: 0 },
  sample(prng, level) {
    const sigma = PRESETS[checkLevel("gaussian_noise", level)];
    return { sigma, noiseSeed: prng.int(2147483647) };
  },
  apply(image, params) {
    checkImage("gaussian_noise", image);
    checkParams("gaussian_noise", PARAMETERS, params, ["noiseSeed"]);
    const { sigma, noiseSeed } = params;
    const src = image.data;
    if (sigma === 0) return Promise.resolve(like(image, new Float32Array(src)));
    // Ziggurat deviates seeded by noiseSeed, added and clipped in bulk.
    return Promise.resolve(
      like(image, addClippedNormal(src, sigma, noiseSeed)),
    );
  },
};
