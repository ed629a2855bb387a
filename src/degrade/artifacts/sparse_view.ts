/**
 * `sparse_view` (CT): parallel-beam filtered back-projection from only
 * `views` projections equally spaced over 180° (θ_i = i·180°/views); the
 * angular undersampling leaves fine streaks radiating from edges (SPEC
 * §3.2: the authors' examples use 144 and 36 views). The luma is the
 * attenuation map; as in the examples, the reconstruction also carries
 * ramp-filtered sinogram noise (`noiseStd`), saturated (white) pixels
 * attenuate more than full scale (`saturatedExcess`: the 8-bit image is a
 * display window, bone continues above it) and the detector may be
 * narrower than the image (`detector`). The result is written to every
 * channel, clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import {
  CT_SCAN_PARAMETERS,
  scanAndReconstruct,
  withSaturatedExcess,
} from "../_ct.ts";
import { fromLuma, lumaPlane } from "../_luma.ts";

/** Parameters of {@linkcode sparseView}. */
export interface SparseViewParams extends Record<string, unknown> {
  /** Number of projections over 180°; 0 = no degradation (identity). */
  views: number;
  /** Std of the added ramp-filtered noise, fraction of full scale. */
  noiseStd: number;
  /** Seed of the sinogram noise. */
  noiseSeed: number;
  /** Attenuation above full scale given to saturated pixels. */
  saturatedExcess: number;
  /** Detector width as a fraction of the image's longer side (>= 1.42: untruncated). */
  detector: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "views",
    unit: "projections over 180°",
    min: 0,
    max: 3600,
    description:
      "equally spaced projection angles i·180°/views; 0 = no degradation (identity)",
  },
  {
    name: "noiseStd",
    unit: "fraction of full scale",
    min: 0,
    max: 1,
    description:
      "std of ramp-filtered white sinogram noise in the reconstruction",
  },
  {
    name: "noiseSeed",
    unit: "integer seed",
    min: 0,
    max: 2147483647,
    description: "seeds the sinogram noise, so apply() is pure",
  },
  ...CT_SCAN_PARAMETERS,
];

/** Views measured exactly; the rest fitted to the signatures (SPEC §3.2). */
const PRESETS: Record<
  1 | 2,
  { views: number; noiseStd: number; saturatedExcess: number; detector: number }
> = {
  1: { views: 144, noiseStd: 7 / 255, saturatedExcess: 0.4, detector: 0.923 },
  2: { views: 36, noiseStd: 6 / 255, saturatedExcess: 0.4, detector: 2 },
};

/**
 * The projection angles, in degrees, of `views` equally spaced views.
 *
 * @example Usage
 * ```ts
 * import { sparseViewAngles } from "./sparse_view.ts";
 * console.assert(sparseViewAngles(4).join() === "0,45,90,135");
 * ```
 */
export function sparseViewAngles(views: number): number[] {
  return Array.from({ length: views }, (_, i) => (i * 180) / views);
}

/**
 * Sparse-view CT operator.
 *
 * @example Usage
 * ```ts
 * import { sparseView } from "./sparse_view.ts";
 * import { createPrng } from "../../random/prng.ts";
 * const img = { width: 32, height: 32, channels: 1 as const, data: new Float32Array(1024).fill(0.5) };
 * const params = sparseView.sample(createPrng(1), 2, img);
 * const out = await sparseView.apply(img, params);
 * console.assert(out.width === 32 && params.views === 36);
 * ```
 */
export const sparseView: Degrader<SparseViewParams> = {
  id: "sparse_view",
  description:
    "Sparse-view CT: filtered back-projection from few equally spaced views",
  parameters: PARAMETERS,
  identity: {
    views: 0,
    noiseStd: 0,
    noiseSeed: 0,
    saturatedExcess: 0,
    detector: 2,
  },
  sample(prng, level) {
    const preset = PRESETS[checkLevel("sparse_view", level)];
    return { ...preset, noiseSeed: prng.int(2147483647) };
  },
  apply(image, params) {
    checkImage("sparse_view", image);
    checkParams("sparse_view", PARAMETERS, params, ["views", "noiseSeed"]);
    const { views, noiseStd, noiseSeed, saturatedExcess, detector } = params;
    if (views === 0) return Promise.resolve(copyImage(image));
    const plane = withSaturatedExcess(lumaPlane(image), saturatedExcess);
    const rec = scanAndReconstruct(
      plane,
      image.width,
      image.height,
      sparseViewAngles(views),
      { noiseStd, noiseSeed, detector },
    );
    return Promise.resolve(fromLuma(image, rec));
  },
};
