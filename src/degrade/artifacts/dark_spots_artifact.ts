/**
 * `dark_spots_artifact` (histopathology): a black spot with a Gaussian alpha
 * profile composited over the image, y = x·(1 − a·exp(−d²/2σ²)), d the
 * distance to the spot centre (SPEC §3.7; FrOoDo dark spots).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import {
  centerParameters,
  checkImage,
  checkLevel,
  checkParams,
  like,
  roundTo,
  uniform,
} from "../_check.ts";
import { simdArena } from "../_simd.ts";
import { chunkFor } from "../_chunk.ts";
import { BLEND_CHUNK } from "../_affine32.ts";

/** Parameters of {@linkcode darkSpotsArtifact}. */
export interface DarkSpotsParams extends Record<string, unknown> {
  /** Peak opacity of the black spot, in [0, 1] (0 = none). */
  alphaMax: number;
  /** Gaussian radius of the spot in pixels, in [0.1, 100000]. */
  sigma: number;
  /** Spot centre row in pixels, in [-100000, 100000]. */
  centerRow: number;
  /** Spot centre column in pixels, in [-100000, 100000]. */
  centerCol: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "alphaMax",
    unit: "opacity",
    min: 0,
    max: 1,
    description: "opacity of the spot at its centre",
  },
  {
    name: "sigma",
    unit: "pixels",
    min: 0.1,
    max: 1e5,
    description: "Gaussian σ of the spot's alpha profile",
  },
  ...centerParameters("spot"),
];

/** Measured: α 0.467 / 0.765, σ 0.201 / 0.349 of the width (SPEC §3.7). */
const PRESETS: Record<1 | 2, { alpha: number; sigma: number }> = {
  1: { alpha: 0.467, sigma: 0.201 },
  2: { alpha: 0.765, sigma: 0.349 },
};

/**
 * Dark spot operator. σ scales with the width; the centre is drawn in the
 * middle 60 % of the image.
 *
 * @example Usage
 * ```ts
 * import { darkSpotsArtifact } from "./dark_spots_artifact.ts";
 * const img = { width: 3, height: 3, channels: 1 as const, data: new Float32Array(9).fill(1) };
 * const out = await darkSpotsArtifact.apply(img, { alphaMax: 0.5, sigma: 1, centerRow: 1, centerCol: 1 });
 * console.assert(out.data[4] === 0.5 && out.data[0]! > 0.5);
 * ```
 */
export const darkSpotsArtifact: Degrader<DarkSpotsParams> = {
  id: "dark_spots_artifact",
  description: "Dark spot: black overlay with a Gaussian alpha",
  parameters: PARAMETERS,
  identity: { alphaMax: 0, sigma: 1, centerRow: 0, centerCol: 0 },
  sample(prng, level, { width, height }) {
    const preset = PRESETS[checkLevel("dark_spots_artifact", level)];
    return {
      alphaMax: roundTo(preset.alpha * uniform(prng, 0.92, 1), 4),
      sigma: roundTo(preset.sigma * width * uniform(prng, 0.9, 1), 2),
      centerRow: roundTo(uniform(prng, 0.2, 0.8) * height, 2),
      centerCol: roundTo(uniform(prng, 0.2, 0.8) * width, 2),
    };
  },
  apply(image, params) {
    checkImage("dark_spots_artifact", image);
    checkParams("dark_spots_artifact", PARAMETERS, params);
    const { width, height, channels } = image;
    const { alphaMax, sigma, centerRow, centerCol } = params;
    // One pass: the float32 keep factor of each pixel, applied to every
    // channel (no keep plane).
    const src = image.data;
    // The Gaussian is separable: exp(−(dr² + dc²)/2σ²) = e_r · e_c, so
    // h + w exponentials instead of h · w (the product differs from the
    // 2-D exponential by a few float64 ulps, far below float32 rounding).
    const twoS2 = 2 * sigma * sigma;
    const ec = new Float64Array(width), er = new Float64Array(height);
    for (let c = 0; c < width; c++) {
      ec[c] = Math.exp(-((c - centerCol) ** 2) / twoS2);
    }
    for (let r = 0; r < height; r++) {
      er[r] = alphaMax * Math.exp(-((r - centerRow) ** 2) / twoS2);
    }
    const data = darken(src, ec, er, channels);
    return Promise.resolve(like(image, data));
  },
};

/**
 * `src[p] · fround(1 − er[r] · ec[c])` for every sample p of row r and
 * column c of each of the `channels` planes, into a new array: bands of
 * rows stream through a window of the SIMD kernel's memory (`spot32`, four
 * samples at a time), or the same operations in JavaScript.
 */
function darken(
  src: Float32Array,
  ec: Float64Array,
  er: Float64Array,
  channels: number,
): Float32Array {
  const width = ec.length, height = er.length, n = width * height;
  const rowsPerBand = Math.max(1, Math.floor(BLEND_CHUNK / width));
  const band = rowsPerBand * width;
  const data = new Float32Array(n * channels);
  const arena = simdArena(8 * (width + height) + 4 * band + 4096 + 32, 0);
  if (arena) {
    const ecA = arena.f64(width), erA = arena.f64(height);
    ecA.set(ec);
    erA.set(er);
    const window = chunkFor(arena, data, band);
    for (let r = 0; r < height; r += rowsPerBand) {
      const rows = Math.min(rowsPerBand, height - r), m = rows * width;
      const view = m === band ? window : window.subarray(0, m);
      const factors = erA.subarray(r, r + rows);
      for (let o = r * width; o < n * channels; o += n) {
        view.set(src.subarray(o, o + m));
        arena.spot32(view, view, ecA, factors);
        data.set(view, o);
      }
    }
    return data;
  }
  const keep = new Float32Array(width);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) keep[c] = 1 - er[r] * ec[c];
    for (let o = r * width; o < n * channels; o += n) {
      for (let c = 0; c < width; c++) data[o + c] = src[o + c] * keep[c];
    }
  }
  return data;
}
