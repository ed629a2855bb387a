/**
 * `low_dose` (CT): quantum noise of a reduced X-ray dose. The luma is the
 * attenuation map; its parallel-beam projections p (`views` angles over
 * 180°) are scaled so that the longest line integral is `maxAttenuation`,
 * the detector counts are Poisson, N ~ Poisson(photons·e^(−p)), and the
 * noisy line integrals p̃ = −ln(max(N, 1)/photons) are reconstructed by
 * ramp-filtered back-projection (SPEC §3.14; torch-radon
 * `Radon.add_noise`). Only the noise is taken from the reconstruction,
 * y = x + FBP(p̃ − p), so a full dose returns the image itself and the
 * result carries the streaky, ramp-filtered texture of CT noise, also
 * outside the body. Written to every channel, clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import type { Prng } from "../../random/prng.ts";
import { createPrng } from "../../random/prng.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import { fieldOfView } from "../_ct.ts";
import { fromLuma, lumaPlane } from "../_luma.ts";
import {
  backProjectCentered,
  filterSinogram,
  radonCentered,
} from "../_radon.ts";

/** Parameters of {@linkcode lowDose}. */
export interface LowDoseParams extends Record<string, unknown> {
  /** Incident photons per detector bin, I₀; 0 = full dose, no noise (identity). */
  photons: number;
  /** Number of projections over 180°. */
  views: number;
  /** Longest line integral after scaling the attenuation map. */
  maxAttenuation: number;
  /** Seed of the Poisson draws. */
  noiseSeed: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "photons",
    unit: "photons per detector bin",
    min: 0,
    max: 1e9,
    description:
      "unattenuated detector count I₀ (noise ∝ 1/√I₀); 0 = full dose, no degradation (identity)",
  },
  {
    name: "views",
    unit: "projections over 180°",
    min: 1,
    max: 3600,
    description: "number of equally spaced projections",
  },
  {
    name: "maxAttenuation",
    unit: "line integral (nepers)",
    min: 0.01,
    max: 20,
    description:
      "the attenuation map is scaled so its longest line integral is this; e^(−it) of I₀ reaches the detector behind the thickest path",
  },
  {
    name: "noiseSeed",
    unit: "integer seed",
    min: 0,
    max: 2147483647,
    description: "seeds the Poisson draws, so apply() is pure",
  },
];

/** I₀ calibrated so our geometry reproduces the examples' signatures (body noise ≈ 1.6 and 4.7 grey levels, SPEC §3.14). */
const PRESETS: Record<1 | 2, number> = { 1: 6e4, 2: 2e4 };

const LOG_FACTORIAL = [0];
for (let k = 1; k < 32; k++) {
  LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
}

function logFactorial(k: number): number {
  if (k < 32) return LOG_FACTORIAL[k];
  const k2 = k * k;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) +
    1 / (12 * k) - 1 / (360 * k * k2) + 1 / (1260 * k2 * k2 * k);
}

/**
 * One Poisson draw with mean `lambda` from a seeded generator: Knuth's
 * multiplication method below 10, Hörmann's transformed rejection (PTRS,
 * as numpy) above; exact in distribution for every mean.
 *
 * @param prng The generator.
 * @param lambda The mean, >= 0.
 * @returns A non-negative integer.
 *
 * @example Usage
 * ```ts
 * import { samplePoisson } from "./low_dose.ts";
 * import { createPrng } from "../../random/prng.ts";
 * const prng = createPrng(3);
 * let sum = 0;
 * for (let i = 0; i < 1000; i++) sum += samplePoisson(prng, 50);
 * console.assert(Math.abs(sum / 1000 - 50) < 1.5);
 * ```
 */
export function samplePoisson(prng: Prng, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new RangeError(
      `Cannot draw a Poisson count with mean ${lambda}: expected a finite number >= 0`,
    );
  }
  if (lambda === 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0, p = prng.next();
    while (p > limit) {
      k++;
      p *= prng.next();
    }
    return k;
  }
  const slam = Math.sqrt(lambda), loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = prng.next() - 0.5, v = prng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * loglam - logFactorial(k)
    ) return k;
  }
}

/**
 * Low-dose CT operator.
 *
 * @example Usage
 * ```ts
 * import { lowDose } from "./low_dose.ts";
 * import { createPrng } from "../../random/prng.ts";
 * const img = { width: 32, height: 32, channels: 1 as const, data: new Float32Array(1024).fill(0.5) };
 * const params = lowDose.sample(createPrng(1), 2, img);
 * const out = await lowDose.apply(img, params);
 * console.assert(out.data.some((v, i) => v !== img.data[i]));
 * ```
 */
export const lowDose: Degrader<LowDoseParams> = {
  id: "low_dose",
  description:
    "Low-dose CT: Poisson counts on the transmitted intensity, reconstructed by FBP",
  parameters: PARAMETERS,
  identity: { photons: 0, views: 360, maxAttenuation: 4, noiseSeed: 0 },
  sample(prng, level) {
    const photons = PRESETS[checkLevel("low_dose", level)];
    return {
      photons,
      views: 360,
      maxAttenuation: 4,
      noiseSeed: prng.int(2147483647),
    };
  },
  apply(image, params) {
    checkImage("low_dose", image);
    checkParams("low_dose", PARAMETERS, params, ["views", "noiseSeed"]);
    const { photons, views, maxAttenuation, noiseSeed } = params;
    if (photons === 0) return Promise.resolve(copyImage(image));
    const { width, height } = image;
    const luma = lumaPlane(image);
    const size = fieldOfView(width, height);
    const angles = Array.from({ length: views }, (_, i) => (i * 180) / views);
    const sino = radonCentered(luma, width, height, size, angles);
    let longest = 0;
    for (const v of sino) if (v > longest) longest = v;
    const prng = createPrng(noiseSeed);
    // Replace the sinogram by the noise of the measured line integrals.
    const k = longest > 0 ? maxAttenuation / longest : 0;
    for (let i = 0; i < sino.length; i++) {
      const p = sino[i] * k;
      const counts = samplePoisson(prng, photons * Math.exp(-p));
      const measured = -Math.log(Math.max(counts, 1) / photons);
      sino[i] = k > 0 ? (measured - p) / k : 0;
    }
    const noise = backProjectCentered(
      filterSinogram(sino, size),
      size,
      angles,
      width,
      height,
    );
    for (let i = 0; i < luma.length; i++) luma[i] += noise[i];
    return Promise.resolve(fromLuma(image, luma));
  },
};
