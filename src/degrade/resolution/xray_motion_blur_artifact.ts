/**
 * `xray_motion_blur_artifact`: convolution with a one-pixel-wide rasterised
 * line of `length` taps, uniform weights 1/length, mode 'reflect'
 * (SPEC §3.19; FrOoDo's X-ray motion blur kernel type).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import {
  checkImage,
  checkLevel,
  checkParams,
  like,
  roundTo,
  uniform,
} from "../_check.ts";
import type { Tap } from "../_filters.ts";
import { convolveTaps32 } from "../_filters32.ts";

/** Parameters of {@linkcode xrayMotionBlurArtifact}. */
export interface XrayMotionBlurParams extends Record<string, unknown> {
  /** Line length in pixels (number of taps), an integer in [1, 255]. */
  length: number;
  /** Direction of the motion in degrees, counter-clockwise from horizontal, in [-360, 360]. */
  angle: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "length",
    unit: "pixels",
    min: 1,
    max: 255,
    description: "number of pixels the line kernel spans (1 = no blur)",
  },
  {
    name: "angle",
    unit: "degrees (counter-clockwise from horizontal)",
    min: -360,
    max: 360,
    description: "direction of the motion",
  },
];

/** Measured: 12 px at ≈ −15.3° and 40 px at ≈ −15.8° (SPEC §3.19). */
const PRESETS: Record<1 | 2, number> = { 1: 12, 2: 40 };

/**
 * Taps of a rasterised line: one pixel per step along its major axis,
 * `length` taps of weight 1/length, centred on the pixel.
 *
 * @param length Number of taps.
 * @param angle Direction in degrees, counter-clockwise from horizontal.
 * @returns The taps.
 *
 * @example Usage
 * ```ts
 * import { lineKernel } from "./xray_motion_blur_artifact.ts";
 * const taps = lineKernel(3, 0);
 * console.assert(taps.map((t) => t.dx).join() === "-1,0,1");
 * ```
 */
export function lineKernel(length: number, angle: number): Tap[] {
  const a = (angle * Math.PI) / 180;
  const ux = Math.cos(a), uy = -Math.sin(a);
  const taps: Tap[] = [];
  for (let j = 0; j < length; j++) {
    const i = j - (length >> 1);
    if (Math.abs(ux) >= Math.abs(uy)) {
      taps.push({ dx: i, dy: Math.round((i * uy) / ux) + 0, w: 1 / length });
    } else {
      taps.push({ dy: i, dx: Math.round((i * ux) / uy) + 0, w: 1 / length });
    }
  }
  return taps;
}

/**
 * X-ray motion blur operator.
 *
 * @example Usage
 * ```ts
 * import { xrayMotionBlurArtifact } from "./xray_motion_blur_artifact.ts";
 * const data = new Float32Array(49);
 * data[24] = 1;
 * const out = await xrayMotionBlurArtifact.apply({ width: 7, height: 7, channels: 1, data }, { length: 3, angle: 0 });
 * console.assert(Math.abs(out.data[25]! - 1 / 3) < 1e-6);
 * ```
 */
export const xrayMotionBlurArtifact: Degrader<XrayMotionBlurParams> = {
  id: "xray_motion_blur_artifact",
  description: "X-ray motion blur: convolution with a rasterised line",
  parameters: PARAMETERS,
  identity: { length: 1, angle: 0 },
  sample(prng, level) {
    const length = PRESETS[checkLevel("xray_motion_blur_artifact", level)];
    return { length, angle: roundTo(uniform(prng, -180, 180), 2) };
  },
  apply(image, params) {
    checkImage("xray_motion_blur_artifact", image);
    checkParams("xray_motion_blur_artifact", PARAMETERS, params, ["length"]);
    const { width, height, channels } = image;
    const taps = lineKernel(params.length, params.angle);
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
