/**
 * `motion_blur`: convolution with a rotated line kernel. Kernel: a k×k array
 * with its centre column set to 1, rotated by `angle` (bilinear, same
 * canvas), normalised; applied per channel with mode 'reflect'. This
 * construction reproduces the authors' examples bit-exactly (SPEC §3.16).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { rotatePlane, type Tap } from "../_filters.ts";
import { convolveTaps32 } from "../_filters32.ts";

/** Parameters of {@linkcode motionBlur}. */
export interface MotionBlurParams extends Record<string, unknown> {
  /** Kernel size (length of the motion) in pixels, an integer in [1, 255]. */
  length: number;
  /** Rotation of the vertical line kernel in degrees, in [-360, 360]. */
  angle: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "length",
    unit: "pixels",
    min: 1,
    max: 255,
    description: "size k of the k×k line kernel (1 = no blur)",
  },
  {
    name: "angle",
    unit: "degrees (counter-clockwise, ndimage.rotate)",
    min: -360,
    max: 360,
    description: "rotation of the vertical line; 0 blurs vertically",
  },
];

/** Measured: k = 8 and 11, both at 315° (SPEC §3.16). */
const PRESETS: Record<1 | 2, number> = { 1: 8, 2: 11 };

/**
 * The normalised kernel taps for a length and angle: a k×k array with its
 * centre column set to 1, rotated (bilinear, same canvas), divided by its sum.
 *
 * @param length Kernel size k in pixels.
 * @param angle Rotation in degrees (counter-clockwise).
 * @returns The non-zero taps.
 *
 * @example Usage
 * ```ts
 * import { motionKernel } from "./motion_blur.ts";
 * const taps = motionKernel(3, 0);
 * console.assert(taps.length === 3 && taps.every((t) => t.dx === 0));
 * ```
 */
export function motionKernel(length: number, angle: number): Tap[] {
  const k = length;
  const line = new Float64Array(k * k);
  for (let r = 0; r < k; r++) line[r * k + (k >> 1)] = 1;
  const rotated = rotatePlane(line, k, k, angle);
  let sum = 0;
  for (const v of rotated) sum += v;
  const taps: Tap[] = [];
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) {
      const w = rotated[r * k + c]!;
      if (w !== 0) {
        taps.push({ dy: r - (k >> 1), dx: c - (k >> 1), w: w / sum });
      }
    }
  }
  return taps;
}

/**
 * Line-kernel motion blur operator.
 *
 * @example Usage
 * ```ts
 * import { motionBlur } from "./motion_blur.ts";
 * const data = new Float32Array(49);
 * data[24] = 1;
 * const out = await motionBlur.apply({ width: 7, height: 7, channels: 1, data }, { length: 3, angle: 90 });
 * console.assert(Math.abs(out.data[23]! - 1 / 3) < 1e-6); // horizontal smear
 * ```
 */
export const motionBlur: Degrader<MotionBlurParams> = {
  id: "motion_blur",
  description: "Linear motion blur: convolution with a rotated line kernel",
  parameters: PARAMETERS,
  identity: { length: 1, angle: 0 },
  sample(_prng, level) {
    // The authors' angle at both levels. Random angles are not used: with an
    // even k the kernel's centre is half a pixel off, and other angles turn
    // that into a one-pixel shift of the whole image (SPEC §3.16).
    return { length: PRESETS[checkLevel("motion_blur", level)], angle: 315 };
  },
  apply(image, params) {
    checkImage("motion_blur", image);
    checkParams("motion_blur", PARAMETERS, params, ["length"]);
    const { width, height, channels } = image;
    const taps = motionKernel(params.length, params.angle);
    const n = width * height, data = new Float32Array(n * channels);
    for (let c = 0; c < channels; c++) {
      const plane = image.data.subarray(c * n, (c + 1) * n);
      convolveTaps32(
        plane,
        width,
        height,
        taps,
        data.subarray(c * n, (c + 1) * n),
      );
    }
    return Promise.resolve(like(image, data));
  },
};
