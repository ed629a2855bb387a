/**
 * `ghosting_artifact` (MRI): periodic ghosts along the phase-encode
 * (vertical) direction, as the authors' examples show them (SPEC §3.5):
 * y(r, c) = x(r, c) + Σ_{j=1}^{n−1} w_j · x(r − j·d, c), d = ⌊H/n⌋, copies
 * moving down only, without wrap-around, w_j = intensity·(1 − decay·j/n).
 * TorchIO `Ghosting` (every n-th k-space line scaled by 1 − intensity)
 * would give circular ghosts in both directions, which the examples do not
 * have. Each channel is ghosted on its own (SPEC §3.5: the red outline of
 * the authors' examples has ghosts in red), clipped to [0, 1]; a
 * grayscale image is one channel.
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import { simdArena } from "../_simd.ts";
import type { SimdArena } from "../_simd.ts";
import { WHOLE_SAMPLES } from "../_affine32.ts";

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
    "MRI ghosting: weighted copies of each channel shifted along the phase-encode direction",
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
    const weights: number[] = [];
    for (let j = 1; j < ghosts && step > 0; j++) {
      weights.push(intensity * (1 - (decay * j) / ghosts));
    }
    // Float32 sums, WebAssembly SIMD when available (same bits): the whole
    // image in the kernel's memory when it has at most WHOLE_SAMPLES
    // samples, else one plane at a time.
    const whole = n * channels <= WHOLE_SAMPLES;
    const arena = whole || n <= WHOLE_SAMPLES
      ? simdArena(
        4 * (whole ? n * channels : n) + 16 * weights.length,
        weights.length,
      )
      : null;
    let data: Float32Array;
    if (arena) {
      const wts = arena.f32(weights.length);
      wts.set(weights);
      if (whole) {
        const planes = arena.f32(n * channels);
        planes.set(src);
        for (let c = 0; c < channels; c++) {
          ghostPlaneInPlace(arena, planes, c * n, w, h, step, wts);
        }
        arena.clamp32(planes, planes, 1, -0);
        // The copy constructor skips the zero fill of a fresh array.
        data = new Float32Array(planes);
      } else {
        data = new Float32Array(n * channels);
        const plane = arena.f32(n);
        for (let c = 0; c < channels; c++) {
          plane.set(src.subarray(c * n, (c + 1) * n));
          ghostPlaneInPlace(arena, plane, 0, w, h, step, wts);
          arena.clamp32(plane, plane, 1, -0);
          data.set(plane, c * n);
        }
      }
    } else {
      data = new Float32Array(n * channels);
      for (let c = 0; c < channels; c++) {
        ghostRows(
          src.subarray(c * n, (c + 1) * n),
          data.subarray(c * n, (c + 1) * n),
          w,
          step,
          weights,
        );
      }
    }
    return Promise.resolve({ width: w, height: h, channels, data });
  },
};

/**
 * Add the ghosts to the plane at `base` of `planes` in place (not
 * clipped): bands of `step` rows from the bottom up, so the rows each
 * band reads (one or more steps above it) still hold the source; the rows
 * of a band have the same ghosts, added by acc32 in order in float32.
 */
function ghostPlaneInPlace(
  arena: SimdArena,
  planes: Float32Array,
  base: number,
  w: number,
  h: number,
  step: number,
  wts: Float32Array,
): void {
  const count = wts.length;
  if (count === 0) return;
  const offs = new Int32Array(count);
  for (let k = Math.floor((h - 1) / step); k >= 1; k--) {
    const ra = k * step, rb = Math.min(h, ra + step);
    const active = Math.min(count, k);
    for (let t = 0; t < active; t++) offs[t] = base + (ra - (t + 1) * step) * w;
    arena.acc32(
      planes,
      base + ra * w,
      planes,
      offs,
      wts,
      active,
      (rb - ra) * w,
    );
  }
}

/**
 * One plane in JavaScript: each output row sums its own row and the
 * weighted rows above it in float32 (a Float32Array row rounds every sum;
 * products of two float32 values are exact in float64, so one fround gives
 * the float32 product), clipped straight into `out`.
 */
function ghostRows(
  plane: Float32Array,
  out: Float32Array,
  w: number,
  step: number,
  weights: number[],
): void {
  const f = Math.fround, row = new Float32Array(w);
  const w32 = weights.map(f), n = plane.length;
  for (let o = 0, r = 0; o < n; o += w, r++) {
    const active = step > 0 ? Math.min(w32.length, Math.floor(r / step)) : 0;
    row.set(plane.subarray(o, o + w));
    for (let g = 0; g < active; g++) {
      const wg = w32[g], s = o - (g + 1) * step * w;
      for (let c = 0; c < w; c++) row[c] = row[c] + f(wg * plane[s + c]);
    }
    for (let c = 0; c < w; c++) {
      const v = row[c];
      out[o + c] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}
