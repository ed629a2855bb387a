/**
 * `rotation_artifact` ("object rotation"): in-plane rotation about the image
 * centre, same canvas, bilinear, corners filled with black —
 * `ndimage.rotate(x, angle, reshape=False, order=1)`, which reproduces the
 * authors' examples bit-exactly (SPEC §3.8).
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
import { rotatePlanes } from "../_filters.ts";

/** Parameters of {@linkcode rotationArtifact}. */
export interface RotationArtifactParams extends Record<string, unknown> {
  /** Rotation in degrees, counter-clockwise as displayed, in [-360, 360]. */
  angle: number;
}

const PARAMETERS: ParameterSpec[] = [{
  name: "angle",
  unit: "degrees (counter-clockwise)",
  min: -360,
  max: 360,
  description: "rotation about the image centre; corners become black",
}];

/**
 * |angle| ranges per level, around the authors' draws +18.06° (L1) and
 * −153.10° (L2); the sign is random.
 */
const PRESETS: Record<1 | 2, [number, number]> = {
  1: [12, 25],
  2: [135, 170],
};

/**
 * Rotation operator.
 *
 * @example Usage
 * ```ts
 * import { rotationArtifact } from "./rotation_artifact.ts";
 * const data = new Float32Array([1, 0, 0, 0]);
 * const out = await rotationArtifact.apply({ width: 2, height: 2, channels: 1, data }, { angle: 90 });
 * console.assert(Math.abs(out.data[2]! - 1) < 1e-6); // top-left goes to bottom-left
 * ```
 */
export const rotationArtifact: Degrader<RotationArtifactParams> = {
  id: "rotation_artifact",
  description: "In-plane rotation about the centre, black corners",
  parameters: PARAMETERS,
  identity: { angle: 0 },
  sample(prng, level) {
    const [lo, hi] = PRESETS[checkLevel("rotation_artifact", level)];
    const sign = prng.next() < 0.5 ? -1 : 1;
    return { angle: roundTo(sign * uniform(prng, lo, hi), 3) };
  },
  apply(image, params) {
    checkImage("rotation_artifact", image);
    checkParams("rotation_artifact", PARAMETERS, params);
    const { width, height, channels } = image;
    if (params.angle === 0) {
      return Promise.resolve(like(image, new Float32Array(image.data)));
    }
    const data = rotatePlanes(
      image.data,
      width,
      height,
      channels,
      params.angle,
    );
    return Promise.resolve(like(image, data));
  },
};
