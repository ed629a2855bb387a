/**
 * `bubble_artifact` (histopathology): an air bubble under the cover slip
 * defocuses a round region — Gaussian blur inside a hard-edged disk, the
 * image unchanged outside (SPEC §3.18, a simplified FrOoDo bubble).
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
import { gaussianRegion32 } from "../_filters32.ts";

/** Parameters of {@linkcode bubbleArtifact}. */
export interface BubbleArtifactParams extends Record<string, unknown> {
  /** Disk radius in pixels, in [0, 100000] (0 = no bubble). */
  radius: number;
  /** Blur standard deviation inside the disk in pixels, in [0, 100]. */
  blurSigma: number;
  /** Disk centre row in pixels (0 = top), in [-100000, 100000]. */
  centerRow: number;
  /** Disk centre column in pixels (0 = left), in [-100000, 100000]. */
  centerCol: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "radius",
    unit: "pixels",
    min: 0,
    max: 1e5,
    description: "radius of the defocused disk",
  },
  {
    name: "blurSigma",
    unit: "pixels",
    min: 0,
    max: 100,
    description: "Gaussian blur σ inside the disk",
  },
  ...centerParameters("disk"),
];

/** Measured on 256-px examples: r = 0.2 and 0.36 of the width, σ = 1.6 and 3.2 px (SPEC §3.18). */
const PRESETS: Record<1 | 2, { radius: number; sigma: number }> = {
  1: { radius: 0.2, sigma: 1.6 },
  2: { radius: 0.36, sigma: 3.2 },
};

/**
 * Bubble (local defocus) operator. Sizes scale with the image width
 * (presets are for 256 px), the centre is drawn in the middle 40 %.
 *
 * @example Usage
 * ```ts
 * import { bubbleArtifact } from "./bubble_artifact.ts";
 * const data = new Float32Array(100).map((_, i) => i % 2);
 * const img = { width: 10, height: 10, channels: 1 as const, data };
 * const out = await bubbleArtifact.apply(img, { radius: 2, blurSigma: 1, centerRow: 5, centerCol: 5 });
 * console.assert(out.data[0] === data[0] && out.data[55] !== data[55]);
 * ```
 */
export const bubbleArtifact: Degrader<BubbleArtifactParams> = {
  id: "bubble_artifact",
  description: "Air bubble: Gaussian blur inside a disk",
  parameters: PARAMETERS,
  identity: { radius: 0, blurSigma: 0, centerRow: 0, centerCol: 0 },
  sample(prng, level, { width, height }) {
    const preset = PRESETS[checkLevel("bubble_artifact", level)];
    const s = width / 256;
    return {
      radius: roundTo(preset.radius * width * uniform(prng, 0.9, 1.1), 2),
      blurSigma: roundTo(preset.sigma * s, 3),
      centerRow: roundTo(uniform(prng, 0.3, 0.7) * height, 2),
      centerCol: roundTo(uniform(prng, 0.3, 0.7) * width, 2),
    };
  },
  apply(image, params) {
    checkImage("bubble_artifact", image);
    checkParams("bubble_artifact", PARAMETERS, params);
    const { width, height, channels } = image;
    const { radius, blurSigma, centerRow, centerCol } = params;
    const r2 = radius * radius, n = width * height;
    const data = new Float32Array(image.data);
    if (radius === 0 || blurSigma === 0) {
      return Promise.resolve(like(image, data));
    }
    // Blur only the disk's bounding box (same values as blurring the plane).
    const r0 = Math.max(0, Math.floor(centerRow - radius));
    const r1 = Math.min(height, Math.ceil(centerRow + radius) + 1);
    const c0 = Math.max(0, Math.floor(centerCol - radius));
    const c1 = Math.min(width, Math.ceil(centerCol + radius) + 1);
    const blurred = new Float32Array(n);
    for (let ch = 0; ch < channels; ch++) {
      const plane = image.data.subarray(ch * n, (ch + 1) * n);
      gaussianRegion32(
        plane,
        width,
        height,
        blurSigma,
        4,
        blurred,
        r0,
        r1,
        c0,
        c1,
      );
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          const d2 = (r - centerRow) ** 2 + (c - centerCol) ** 2;
          if (d2 <= r2) data[ch * n + r * width + c] = blurred[r * width + c];
        }
      }
    }
    return Promise.resolve(like(image, data));
  },
};
