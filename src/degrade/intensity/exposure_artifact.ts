/**
 * `exposure_artifact`: under-exposure as a gamma curve followed by a
 * negative offset, y = clip(x^gamma + offset, 0, 1) (SPEC §3.11).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, mapSamples } from "../_check.ts";

/** Parameters of {@linkcode exposureArtifact}. */
export interface ExposureArtifactParams extends Record<string, unknown> {
  /** Exponent applied to [0, 1] intensities, in [0.1, 10] (1 = unchanged). */
  gamma: number;
  /** Offset added after the curve, fraction of full scale in [-1, 1]. */
  offset: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "gamma",
    unit: "exponent (dimensionless)",
    min: 0.1,
    max: 10,
    description: "y = x^gamma on [0, 1]; > 1 darkens mid-tones",
  },
  {
    name: "offset",
    unit: "fraction of full scale",
    min: -1,
    max: 1,
    description: "added after the gamma curve (negative = under-exposure)",
  },
];

/** Measured on the authors' examples (SPEC §3.11). */
const PRESETS: Record<1 | 2, ExposureArtifactParams> = {
  1: { gamma: 1.45, offset: -0.0372 },
  2: { gamma: 2.36, offset: -0.1064 },
};

/**
 * Gamma-plus-offset exposure operator.
 *
 * @example Usage
 * ```ts
 * import { exposureArtifact } from "./exposure_artifact.ts";
 * const img = { width: 1, height: 1, channels: 1 as const, data: new Float32Array([0.5]) };
 * const out = await exposureArtifact.apply(img, { gamma: 2, offset: 0 });
 * console.assert(out.data[0] === 0.25);
 * ```
 */
export const exposureArtifact: Degrader<ExposureArtifactParams> = {
  id: "exposure_artifact",
  description: "Under-exposure: gamma curve then a negative offset",
  parameters: PARAMETERS,
  identity: { gamma: 1, offset: 0 },
  sample(_prng, level) {
    return { ...PRESETS[checkLevel("exposure_artifact", level)] };
  },
  apply(image, params) {
    checkImage("exposure_artifact", image);
    checkParams("exposure_artifact", PARAMETERS, params);
    const { gamma, offset } = params;
    return Promise.resolve(
      mapSamples(image, (v) => (v > 0 ? v ** gamma : 0) + offset),
    );
  },
};
