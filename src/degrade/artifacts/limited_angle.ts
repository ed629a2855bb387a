/**
 * `limited_angle` (CT): parallel-beam filtered back-projection from
 * projections covering only an arc [start, start + arc) of the 180° a
 * complete scan needs; the Fourier components in the missing wedge are
 * absent, which blurs edges along the missing directions and leaves
 * streaks tangent to strong edges at the ends of the arc (SPEC §3.1: arcs
 * ≈ 170° and ≈ 115° in the authors' examples). As for `sparse_view`, the
 * luma is the attenuation map, saturated pixels may attenuate above full
 * scale and the detector may be truncated. The result is written to every
 * channel, clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import {
  checkImage,
  checkLevel,
  checkParams,
  copyImage,
  roundTo,
} from "../_check.ts";
import {
  CT_SCAN_PARAMETERS,
  scanAndReconstruct,
  withSaturatedExcess,
} from "../_ct.ts";
import { fromLuma, lumaPlane } from "../_luma.ts";

/** Parameters of {@linkcode limitedAngle}. */
export interface LimitedAngleParams extends Record<string, unknown> {
  /** Angular coverage in degrees; 180 = complete (identity). */
  arc: number;
  /** First projection angle in degrees. */
  start: number;
  /** Angular spacing of the projections inside the arc, degrees. */
  step: number;
  /** Attenuation above full scale given to saturated pixels. */
  saturatedExcess: number;
  /** Detector width as a fraction of the image's longer side (>= 1.42: untruncated). */
  detector: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "arc",
    unit: "degrees",
    min: 1,
    max: 180,
    description:
      "angular range covered by the projections; 180 = complete scan, no degradation (identity)",
  },
  {
    name: "start",
    unit: "degrees",
    min: 0,
    max: 180,
    description:
      "angle of the first projection (where the missing wedge begins)",
  },
  {
    name: "step",
    unit: "degrees",
    min: 0.05,
    max: 10,
    description: "spacing of the projections inside the arc",
  },
  ...CT_SCAN_PARAMETERS,
];

/** Arcs measured from the missing wedge; geometry as in the examples (SPEC §3.1). */
const PRESETS: Record<
  1 | 2,
  { arc: number; step: number; saturatedExcess: number; detector: number }
> = {
  1: { arc: 170, step: 0.5, saturatedExcess: 0.8, detector: 0.923 },
  2: { arc: 115, step: 0.5, saturatedExcess: 0.4, detector: 2 },
};

/**
 * The projection angles, in degrees: start + i·step for every i with
 * i·step < arc.
 *
 * @example Usage
 * ```ts
 * import { limitedAngleAngles } from "./limited_angle.ts";
 * console.assert(limitedAngleAngles(10, 90, 5).join() === "10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90,95");
 * ```
 */
export function limitedAngleAngles(
  start: number,
  arc: number,
  step: number,
): number[] {
  const count = Math.max(1, Math.ceil(arc / step - 1e-9));
  return Array.from({ length: count }, (_, i) => start + i * step);
}

/**
 * Limited-angle CT operator.
 *
 * @example Usage
 * ```ts
 * import { limitedAngle } from "./limited_angle.ts";
 * import { createPrng } from "../../random/prng.ts";
 * const img = { width: 32, height: 32, channels: 1 as const, data: new Float32Array(1024).fill(0.5) };
 * const params = limitedAngle.sample(createPrng(1), 2, img);
 * const out = await limitedAngle.apply(img, params);
 * console.assert(out.width === 32 && params.arc === 115);
 * ```
 */
export const limitedAngle: Degrader<LimitedAngleParams> = {
  id: "limited_angle",
  description:
    "Limited-angle CT: filtered back-projection from an arc shorter than 180°",
  parameters: PARAMETERS,
  identity: { arc: 180, start: 0, step: 0.5, saturatedExcess: 0, detector: 2 },
  sample(prng, level) {
    const preset = PRESETS[checkLevel("limited_angle", level)];
    return { ...preset, start: roundTo(prng.next() * 180, 2) };
  },
  apply(image, params) {
    checkImage("limited_angle", image);
    checkParams("limited_angle", PARAMETERS, params);
    const { arc, start, step, saturatedExcess, detector } = params;
    if (arc === 180) return Promise.resolve(copyImage(image));
    const plane = withSaturatedExcess(lumaPlane(image), saturatedExcess);
    const rec = scanAndReconstruct(
      plane,
      image.width,
      image.height,
      limitedAngleAngles(start, arc, step),
      { detector },
    );
    return Promise.resolve(fromLuma(image, rec));
  },
};
