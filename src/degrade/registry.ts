/**
 * The registry of degradation operators by id, and the two entry points:
 * `degrade` (sample parameters from a seed, then apply) and `replay` (apply
 * recorded parameters again).
 *
 * @module
 */

import type { Degradation } from "../taxonomy/degradations.ts";
import { DEGRADATIONS, isDegradation } from "../taxonomy/degradations.ts";
import { createPrng } from "../random/prng.ts";
import type { DegradeLevel, Degrader, FloatImage } from "./types.ts";
import { checkLevel } from "./_check.ts";
import { adjustBrightness } from "./intensity/adjust_brightness.ts";
import { exposureArtifact } from "./intensity/exposure_artifact.ts";
import { reduceContrast } from "./intensity/reduce_contrast.ts";
import { gaussianNoise } from "./noise/gaussian_noise.ts";
import { downsampleArtifact } from "./resolution/downsample_artifact.ts";
import { motionBlur } from "./resolution/motion_blur.ts";
import { gaussianBlur } from "./resolution/gaussian_blur.ts";
import { bubbleArtifact } from "./resolution/bubble_artifact.ts";
import { xrayMotionBlurArtifact } from "./resolution/xray_motion_blur_artifact.ts";
import { rotationArtifact } from "./motion/rotation_artifact.ts";
import { bloodCellArtifact } from "./artifacts/blood_cell_artifact.ts";
import { darkSpotsArtifact } from "./artifacts/dark_spots_artifact.ts";
import { limitedAngle } from "./artifacts/limited_angle.ts";
import { sparseView } from "./artifacts/sparse_view.ts";
import { lowDose } from "./noise/low_dose.ts";
import { biasFieldArtifact } from "./artifacts/bias_field_artifact.ts";
import { ghostingArtifact } from "./artifacts/ghosting_artifact.ts";
import { undersamplingArtifact } from "./artifacts/undersampling_artifact.ts";
import { randomMotionArtifact } from "./motion/random_motion_artifact.ts";

/** The 19 operators by id, in the taxonomy's order. */
export const DEGRADERS: Readonly<Record<Degradation, Degrader>> = {
  limited_angle: limitedAngle as Degrader,
  sparse_view: sparseView as Degrader,
  bias_field_artifact: biasFieldArtifact as Degrader,
  undersampling_artifact: undersamplingArtifact as Degrader,
  ghosting_artifact: ghostingArtifact as Degrader,
  blood_cell_artifact: bloodCellArtifact as Degrader,
  dark_spots_artifact: darkSpotsArtifact as Degrader,
  rotation_artifact: rotationArtifact as Degrader,
  random_motion_artifact: randomMotionArtifact as Degrader,
  adjust_brightness: adjustBrightness as Degrader,
  exposure_artifact: exposureArtifact as Degrader,
  reduce_contrast: reduceContrast as Degrader,
  gaussian_noise: gaussianNoise as Degrader,
  low_dose: lowDose as Degrader,
  downsample_artifact: downsampleArtifact as Degrader,
  motion_blur: motionBlur as Degrader,
  gaussian_blur: gaussianBlur as Degrader,
  bubble_artifact: bubbleArtifact as Degrader,
  xray_motion_blur_artifact: xrayMotionBlurArtifact as Degrader,
};

/**
 * The operator for an id; throws a TypeError for an unknown id (listing the
 * valid ones).
 *
 * @param id A degradation id.
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { getDegrader } from "./registry.ts";
 * console.assert(getDegrader("gaussian_blur").parameters[0]!.unit === "pixels");
 * ```
 */
export function getDegrader(id: string): Degrader {
  if (!isDegradation(id)) {
    throw new TypeError(
      `Unknown degradation "${id}": expected one of ${DEGRADATIONS.join(", ")}`,
    );
  }
  return DEGRADERS[id];
}

/** What {@linkcode degrade} returns. */
export interface DegradeResult {
  /** The degraded image. */
  image: FloatImage;
  /** The sampled parameters (pass them to {@linkcode replay}). */
  params: Record<string, unknown>;
}

/**
 * Degrade an image: draw the parameters for `level` from `seed`, then apply
 * them. Same image, id, level and seed give the same output.
 *
 * @param image The clean image.
 * @param id The degradation id.
 * @param level 1 (mild) or 2 (severe); anything else throws a RangeError.
 * @param seed An integer seed.
 * @returns The degraded image and the parameters used.
 *
 * @example Usage
 * ```ts
 * import { degrade } from "./registry.ts";
 * const img = { width: 8, height: 8, channels: 1 as const, data: new Float32Array(64).fill(0.5) };
 * const { image, params } = await degrade(img, "adjust_brightness", 2, 0);
 * console.assert(image.data[0]! < 0.5 && typeof params.offset === "number");
 * ```
 */
export async function degrade(
  image: FloatImage,
  id: Degradation,
  level: DegradeLevel,
  seed: number,
): Promise<DegradeResult> {
  const degrader = getDegrader(id);
  checkLevel(id, level);
  const params = degrader.sample(createPrng(seed), level, {
    width: image.width,
    height: image.height,
  });
  return { image: await degrader.apply(image, params), params };
}

/**
 * Apply recorded parameters again (e.g. read from `<out>.json`).
 *
 * @param image The clean image.
 * @param id The degradation id.
 * @param params Parameters as returned by {@linkcode degrade}.
 * @returns The degraded image.
 *
 * @example Usage
 * ```ts
 * import { degrade, replay } from "./registry.ts";
 * const img = { width: 8, height: 8, channels: 1 as const, data: new Float32Array(64).fill(0.5) };
 * const first = await degrade(img, "gaussian_noise", 1, 3);
 * const again = await replay(img, "gaussian_noise", first.params);
 * console.assert(again.data.every((v, i) => v === first.image.data[i]));
 * ```
 */
export function replay(
  image: FloatImage,
  id: Degradation,
  params: Record<string, unknown>,
): Promise<FloatImage> {
  return getDegrader(id).apply(image, params);
}
