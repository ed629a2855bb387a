/**
 * The degradation engine: read an image, degrade it with one of the 19
 * MedQ-Deg degradations at level 1 (mild) or 2 (severe) from a seed, write
 * it back with deterministic bytes. Each operator splits a seeded sampler
 * (`sample`) from a pure applier (`apply`), as TorchIO does; the parameters
 * drawn are returned so a result can be replayed.
 *
 * ```ts
 * import { degrade, replay } from "./mod.ts";
 * const img = { width: 16, height: 16, channels: 1 as const, data: new Float32Array(256).fill(0.5) };
 * const { image, params } = await degrade(img, "gaussian_noise", 1, 42);
 * const again = await replay(img, "gaussian_noise", params);
 * console.assert(again.data.every((v, i) => v === image.data[i]));
 * ```
 *
 * @module
 */
export * from "./types.ts";
export {
  DEFAULT_MAX_PIXELS,
  encodeImage,
  formatOf,
  type ImageFormat,
  outputBitDepth,
  quantize,
  readImage,
  readImageFile,
  type ReadImageOptions,
  type ReadImageResult,
  toGray,
  writeImage,
  type WriteImageOptions,
} from "./image_io.ts";
export * from "./quality.ts";
export * from "./registry.ts";
export * from "./calibration.ts";
export * from "./intensity/adjust_brightness.ts";
export * from "./intensity/exposure_artifact.ts";
export * from "./intensity/reduce_contrast.ts";
export * from "./noise/gaussian_noise.ts";
export * from "./resolution/downsample_artifact.ts";
export * from "./resolution/motion_blur.ts";
export * from "./resolution/gaussian_blur.ts";
export * from "./resolution/bubble_artifact.ts";
export * from "./resolution/xray_motion_blur_artifact.ts";
export * from "./motion/rotation_artifact.ts";
export * from "./artifacts/blood_cell_artifact.ts";
export * from "./artifacts/dark_spots_artifact.ts";
export type { Tap } from "./_filters.ts";
export { type Degradation, DEGRADATIONS } from "../taxonomy/degradations.ts";
export type { Prng } from "../random/prng.ts";
export * from "./artifacts/limited_angle.ts";
export * from "./artifacts/sparse_view.ts";
export * from "./noise/low_dose.ts";
export * from "./artifacts/bias_field_artifact.ts";
export * from "./artifacts/ghosting_artifact.ts";
export * from "./artifacts/undersampling_artifact.ts";
export * from "./motion/random_motion_artifact.ts";
export * from "./display.ts";
export * from "./signal.ts";
export * from "./samples.ts";
export * from "./files.ts";
export * from "./replay_file.ts";
export * from "./batch.ts";
export { MODALITIES, type Modality } from "../taxonomy/modalities.ts";
