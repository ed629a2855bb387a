/**
 * `downsample_artifact` ("low resolution"): bilinear downscale to
 * round(N·scale) pixels per axis, then nearest-neighbour upscale back, both
 * with align-corners sampling (`ndimage.zoom` order 1 then order 0), giving
 * visible blocks (SPEC §3.15).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { perPlane, zoomBilinear, zoomNearest } from "../_filters.ts";

/** Parameters of {@linkcode downsampleArtifact}. */
export interface DownsampleArtifactParams extends Record<string, unknown> {
  /** Size of the low-resolution image as a fraction of the original, in [0.001, 1]. */
  scale: number;
}

const PARAMETERS: ParameterSpec[] = [{
  name: "scale",
  unit: "fraction of the image size",
  min: 0.001,
  max: 1,
  description: "low-resolution size / original size, per axis",
}];

/** Measured: 611 and 61 px of 1024 (SPEC §3.15). */
const PRESETS: Record<1 | 2, number> = { 1: 0.5967, 2: 0.0596 };

/**
 * Low-resolution operator.
 *
 * @example Usage
 * ```ts
 * import { downsampleArtifact } from "./downsample_artifact.ts";
 * const data = new Float32Array([0, 0.2, 0.4, 0.6, 0.8, 1]);
 * const out = await downsampleArtifact.apply({ width: 6, height: 1, channels: 1, data }, { scale: 0.34 });
 * console.assert(out.data[0] === 0 && out.data[5] === 1 && out.width === 6);
 * ```
 */
export const downsampleArtifact: Degrader<DownsampleArtifactParams> = {
  id: "downsample_artifact",
  description: "Resolution loss: bilinear downscale, nearest upscale",
  parameters: PARAMETERS,
  identity: { scale: 1 },
  sample(_prng, level) {
    return { scale: PRESETS[checkLevel("downsample_artifact", level)] };
  },
  apply(image, params) {
    checkImage("downsample_artifact", image);
    checkParams("downsample_artifact", PARAMETERS, params);
    const { width, height, channels } = image;
    const w = Math.max(1, Math.round(width * params.scale));
    const h = Math.max(1, Math.round(height * params.scale));
    const data = perPlane(image.data, width * height, channels, (p) => {
      const low = zoomBilinear(p, width, height, w, h);
      return zoomNearest(low, w, h, width, height);
    });
    return Promise.resolve(like(image, data));
  },
};
