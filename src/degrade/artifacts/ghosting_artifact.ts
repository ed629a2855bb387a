/**
 * `ghosting_artifact` (MRI): periodic ghosts along the phase-encode
 * (vertical) direction, as the authors' examples show them (SPEC §3.5):
 * y(r, c) = x(r, c) + Σ_{j=1}^{n−1} w_j · x(r − j·d, c), d = ⌊H/n⌋, copies
 * moving down only, without wrap-around, w_j = intensity·(1 − decay·j/n).
 * TorchIO `Ghosting` (every n-th k-space line scaled by 1 − intensity)
 * would give circular ghosts in both directions, which the examples do not
 * have. The luma is ghosted and written to every channel, clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import { simdArena } from "../_simd.ts";

/** Parameters of {@linkcode ghostingArtifact}. */
export interface GhostingParams extends Record<string, unknown> {
  /** Ghost period n: copies every ⌊H/n⌋ rows, n − 1 of them. */
  ghosts: number;
  /** Weight of the first ghost; 0 = no degradation (identity). */
  intensity: number;
  /** How fast the weights fall: w_j = intensity·(1 − decay·j/n). */
  decay: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "ghosts",
    unit: "period (image height / ghost spacing)",
    min: 2,
    max: 32,
    description: "ghost period n: n − 1 copies spaced ⌊height/n⌋ rows apart",
  },
  {
    name: "intensity",
    unit: "fraction of the image",
    min: 0,
    max: 2,
    description: "weight of the nearest ghost; 0 = no degradation (identity)",
  },
  {
    name: "decay",
    unit: "fraction",
    min: 0,
    max: 1,
    description:
      "linear fall-off of the ghost weights with their order (0 = equal weights)",
  },
];

/** Measured periods and weights (SPEC §3.5): faint falling ghosts, then strong flat ones. */
const PRESETS: Record<1 | 2, GhostingParams> = {
  1: { ghosts: 6, intensity: 0.15, decay: 1 },
  2: { ghosts: 7, intensity: 0.45, decay: 0 },
};

/**
 * Ghosting operator.
 *
 * @example Usage
 * ```ts
 * import { ghostingArtifact } from "./ghosting_artifact.ts";
 * const data = new Float32Array(4);
 * data[0] = 0.5;
 * const img = { width: 1, height: 4, channels: 1 as const, data };
 * const out = await ghostingArtifact.apply(img, { ghosts: 2, intensity: 0.5, decay: 0 });
 * console.assert(out.data[2] === 0.25);
 * ```
 */
export const ghostingArtifact: Degrader<GhostingParams> = {
  id: "ghosting_artifact",
  description:
    "MRI ghosting: weighted copies shifted along the phase-encode direction",
  parameters: PARAMETERS,
  identity: { ghosts: 2, intensity: 0, decay: 0 },
  sample(_prng, level) {
    return { ...PRESETS[checkLevel("ghosting_artifact", level)] };
  },
  apply(image, params) {
    checkImage("ghosting_artifact", image);
    checkParams("ghosting_artifact", PARAMETERS, params, ["ghosts"]);
    const { ghosts, intensity, decay } = params;
    if (intensity === 0) return Promise.resolve(copyImage(image));
    const { width: w, height: h, channels } = image;
    const n = w * h, src = image.data;
    const step = Math.floor(h / ghosts);
    const weights: number[] = [], shifts: number[] = [];
    for (let j = 1; j < ghosts && step > 0; j++) {
      weights.push(intensity * (1 - (decay * j) / ghosts));
      shifts.push(j * step * w);
    }
    const data = new Float32Array(n * channels);
    const arena = channels === 1
      ? simdArena(8 * n + 8 * weights.length, weights.length)
      : simdArena(20 * n + 8 * weights.length, weights.length);
    if (arena) {
      // The same luma and sums in WebAssembly SIMD, two samples at a time.
      const luma = arena.f32(n), out = arena.f32(n);
      const wts = arena.f64(weights.length);
      wts.set(weights);
      if (channels === 1) luma.set(src);
      else {
        const rgb = arena.f32(3 * n);
        rgb.set(src);
        arena.luma(luma, rgb, n);
      }
      arena.ghost(out, luma, w, h, shifts, wts, weights.length);
      data.set(out);
    } else {
      // Float32 luma: the input precision, half the memory traffic of
      // float64. For RGB it lives in the output's last plane until the
      // copies at the end (each output row of plane 0 only reads luma rows
      // at or above it).
      const luma = channels === 1 ? src : data.subarray(2 * n);
      if (channels === 3) writeLuma(src, n, luma);
      ghostRows(luma, data, w, n, weights, shifts);
    }
    for (let c = 1; c < image.channels; c++) data.copyWithin(c * n, 0, n);
    return Promise.resolve({
      width: w,
      height: h,
      channels: image.channels,
      data,
    });
  },
};

/** Rec. 601 luma of a planar RGB image, rounded to float32. */
function writeLuma(src: Float32Array, n: number, luma: Float32Array): void {
  for (let i = 0; i < n; i++) {
    luma[i] = 0.299 * src[i] + 0.587 * src[n + i] + 0.114 * src[2 * n + i];
  }
}

/**
 * One pass: each output row sums its own row and the weighted rows above
 * it, clipped straight into `data` (the JavaScript path).
 */
function ghostRows(
  luma: Float32Array,
  data: Float32Array,
  w: number,
  n: number,
  weights: number[],
  shifts: number[],
): void {
  const row = new Float64Array(w);
  // Ghosts are added two per sweep, left to right: the same sums, in the
  // same order, as one sweep per ghost.
  for (let o = 0; o < n; o += w) {
    let active = 0;
    while (active < weights.length && shifts[active] <= o) active++;
    let g = 0;
    if (active >= 2) {
      const w0 = weights[0], s0 = o - shifts[0];
      const w1 = weights[1], s1 = o - shifts[1];
      for (let c = 0; c < w; c++) {
        row[c] = luma[o + c] + w0 * luma[s0 + c] + w1 * luma[s1 + c];
      }
      g = 2;
    } else {
      for (let c = 0; c < w; c++) row[c] = luma[o + c];
    }
    for (; g + 1 < active; g += 2) {
      const w0 = weights[g], s0 = o - shifts[g];
      const w1 = weights[g + 1], s1 = o - shifts[g + 1];
      for (let c = 0; c < w; c++) {
        row[c] = row[c] + w0 * luma[s0 + c] + w1 * luma[s1 + c];
      }
    }
    if (g < active) {
      const w0 = weights[g], s0 = o - shifts[g];
      for (let c = 0; c < w; c++) row[c] = row[c] + w0 * luma[s0 + c];
    }
    for (let c = 0; c < w; c++) {
      const v = row[c];
      data[o + c] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}
