/**
 * The CT scan shared by `sparse_view`, `limited_angle` and `low_dose`: the
 * image luma, taken as an attenuation map, is centred in a square field of
 * view of side ⌈√2·max(width, height)⌉ + 2 (so no corner is lost), projected
 * with a parallel beam ({@link ./_radon.ts}) and reconstructed by
 * ramp-filtered back-projection. Internal to src/degrade/.
 *
 * @module
 */

import { createPrng } from "../random/prng.ts";
import type { ParameterSpec } from "./types.ts";
import {
  backProjectCentered,
  fbpNoiseGain,
  filterSinogram,
  radonCentered,
} from "./_radon.ts";

/**
 * Side of the square field of view that holds a `width x height` image in
 * its inscribed circle.
 *
 * @example Usage
 * ```ts
 * import { fieldOfView } from "./_ct.ts";
 * console.assert(fieldOfView(100, 50) === 144);
 * ```
 */
export function fieldOfView(width: number, height: number): number {
  return Math.ceil(Math.SQRT2 * Math.max(width, height)) + 2;
}

/**
 * Undo the display window for saturated pixels: samples at full scale
 * (>= 1 − 0.5/255) get `excess` added, modelling attenuation above the
 * window (bone clipped at white in an 8-bit CT image). Modifies and returns
 * `plane`.
 *
 * @example Usage
 * ```ts
 * import { withSaturatedExcess } from "./_ct.ts";
 * const p = withSaturatedExcess(new Float64Array([0.5, 1]), 2);
 * console.assert(p[0] === 0.5 && p[1] === 3);
 * ```
 */
export function withSaturatedExcess(
  plane: Float64Array,
  excess: number,
): Float64Array {
  if (excess === 0) return plane;
  const threshold = 1 - 0.5 / 255;
  for (let i = 0; i < plane.length; i++) {
    if (plane[i] >= threshold) plane[i] += excess;
  }
  return plane;
}

/**
 * Zero the detector bins farther than `halfWidth` from the centre bin of
 * every projection (a detector narrower than the object). Modifies and
 * returns `sinogram`.
 *
 * @example Usage
 * ```ts
 * import { truncateDetector } from "./_ct.ts";
 * const s = truncateDetector(new Float64Array([1, 1, 1, 1, 1]), 5, 1);
 * console.assert(s.join() === "0,1,1,1,0");
 * ```
 */
export function truncateDetector(
  sinogram: Float64Array,
  size: number,
  halfWidth: number,
): Float64Array {
  const ctr = Math.floor(size / 2);
  const rows = sinogram.length / size;
  for (let j = 0; j < size; j++) {
    if (Math.abs(j - ctr) <= halfWidth) continue;
    for (let a = 0; a < rows; a++) sinogram[a * size + j] = 0;
  }
  return sinogram;
}

/** Options of {@link scanAndReconstruct}. */
export interface ScanOptions {
  /** Image-domain std of added ramp-filtered white noise (0 = none). */
  noiseStd?: number;
  /** Seed of that noise. */
  noiseSeed?: number;
  /** Detector width as a fraction of max(width, height); >= √2 = untruncated. */
  detector?: number;
}

/**
 * Project a `width x height` plane at the given angles and reconstruct it
 * by FBP (unclipped). Options add white sinogram noise scaled to an
 * image-domain std, and truncate the detector.
 *
 * @example Usage
 * ```ts
 * import { scanAndReconstruct } from "./_ct.ts";
 * const img = new Float64Array(16 * 16).fill(0.5);
 * const rec = scanAndReconstruct(img, 16, 16, [0, 30, 60, 90, 120, 150]);
 * console.assert(rec.length === 256);
 * ```
 */
export function scanAndReconstruct(
  plane: ArrayLike<number>,
  width: number,
  height: number,
  anglesDeg: readonly number[],
  options: ScanOptions = {},
): Float64Array {
  const size = fieldOfView(width, height);
  const sino = radonCentered(plane, width, height, size, anglesDeg);
  const noiseStd = options.noiseStd ?? 0;
  if (noiseStd > 0) {
    const prng = createPrng(options.noiseSeed ?? 0);
    const k = noiseStd / fbpNoiseGain(size, anglesDeg.length);
    for (let i = 0; i < sino.length; i++) sino[i] += k * prng.normal();
  }
  const detector = options.detector ?? 2;
  if (detector < Math.SQRT2) {
    truncateDetector(sino, size, (detector * Math.max(width, height)) / 2);
  }
  return backProjectCentered(
    filterSinogram(sino, size),
    size,
    anglesDeg,
    width,
    height,
  );
}

/** The scan-geometry parameters the CT operators share (see {@linkcode ScanOptions}). */
export const CT_SCAN_PARAMETERS: ParameterSpec[] = [
  {
    name: "saturatedExcess",
    unit: "fraction of full scale",
    min: 0,
    max: 10,
    description:
      "attenuation added to saturated pixels (bone above the display window), which strengthens their streaks",
  },
  {
    name: "detector",
    unit: "fraction of the longer image side",
    min: 0.1,
    max: 2,
    description:
      "detector width; below √2 the projections are truncated, leaving a ring and losing the periphery",
  },
];
