/**
 * Types shared by every degradation operator: the float image, the
 * parameter documentation and the operator (sampler + pure applier, split as
 * TorchIO splits `RandomX.get_params` from `X.apply_transform`).
 *
 * @module
 */

import type { Degradation } from "../taxonomy/degradations.ts";
import type { Prng } from "../random/prng.ts";

/**
 * A float image: `channels` planes of `width * height` float32 samples,
 * stored plane after plane (planar, row-major), nominally in [0, 1].
 */
export interface FloatImage {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** 1 (grayscale) or 3 (RGB). */
  channels: 1 | 3;
  /** `channels * width * height` samples; plane c starts at `c * width * height`. */
  data: Float32Array;
}

/** Documentation of one operator parameter. */
export interface ParameterSpec {
  /** Name, as in the params object. */
  name: string;
  /** Unit ("pixels", "degrees", "fraction of k-space", ...). */
  unit: string;
  /** Smallest valid value. */
  min: number;
  /** Largest valid value. */
  max: number;
  /** What it means physically. */
  description: string;
}

/** Severity of a degradation: 1 mild, 2 severe (0 is the clean image, no operator). */
export type DegradeLevel = 1 | 2;

/**
 * One degradation operator. `sample` turns a seed stream and a level into
 * concrete, recorded parameters; `apply` is pure: the same image and
 * parameters always give the same output.
 */
export interface Degrader<
  P extends Record<string, unknown> = Record<string, unknown>,
> {
  /** The degradation id. */
  id: Degradation;
  /** One-line description. */
  description: string;
  /** Parameters with units and ranges. */
  parameters: ParameterSpec[];
  /** Parameters with zero strength: `apply(img, identity)` returns `img` unchanged. */
  identity: P;
  /** Draw concrete parameters for a level (throws RangeError for anything but 1 or 2). */
  sample(
    prng: Prng,
    level: DegradeLevel,
    image: { width: number; height: number },
  ): P;
  /** Apply parameters to an image (throws RangeError naming the range for a bad parameter). */
  apply(image: FloatImage, params: P): Promise<FloatImage>;
}
