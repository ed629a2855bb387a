/**
 * Image quality measures of SPEC §4, used to calibrate the severity presets:
 * PSNR and SSIM (Wang et al. 2004; Gaussian window σ = 1.5 truncated at
 * 3.5σ, K1 = 0.01, K2 = 0.03, population covariances, mode 'reflect' — the
 * map of `skimage.metrics.structural_similarity(..., gaussian_weights=True,
 * use_sample_covariance=False)`), on the luma of colour images, optionally
 * over a mask of measured pixels.
 *
 * @module
 */

import type { FloatImage } from "./types.ts";
import { toGray } from "./image_io.ts";
import { gaussianFilter64 } from "./_filters.ts";

/** Options of the quality measures. */
export interface QualityOptions {
  /** 1 where a pixel is measured, 0 where it is ignored (default: all). */
  mask?: Uint8Array;
}

function grayPair(a: FloatImage, b: FloatImage): [Float32Array, Float32Array] {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(
      `Cannot compare a ${a.width}×${a.height} image with a ${b.width}×${b.height} image: expected equal sizes`,
    );
  }
  return [toGray(a).data, toGray(b).data];
}

function checkMask(mask: Uint8Array | undefined, n: number): void {
  if (mask && mask.length !== n) {
    throw new RangeError(
      `Cannot use a mask of ${mask.length} pixels on an image of ${n}: expected equal sizes`,
    );
  }
}

/**
 * Peak signal-to-noise ratio in dB, 10·log10(1 / MSE) on [0, 1] luma
 * (equal to the 255-scale definition). Identical images give `Infinity`.
 *
 * @param reference The clean image.
 * @param test The degraded image.
 * @param options Optional mask.
 * @returns PSNR in dB.
 *
 * @example Usage
 * ```ts
 * import { psnr } from "./quality.ts";
 * const a = { width: 2, height: 1, channels: 1 as const, data: new Float32Array([0, 0]) };
 * const b = { width: 2, height: 1, channels: 1 as const, data: new Float32Array([0.1, 0.1]) };
 * console.assert(Math.abs(psnr(a, b) - 20) < 1e-4);
 * ```
 */
export function psnr(
  reference: FloatImage,
  test: FloatImage,
  options: QualityOptions = {},
): number {
  const [g0, g1] = grayPair(reference, test);
  checkMask(options.mask, g0.length);
  let sum = 0, count = 0;
  for (let i = 0; i < g0.length; i++) {
    if (options.mask && !options.mask[i]) continue;
    const d = g1[i]! - g0[i]!;
    sum += d * d;
    count++;
  }
  if (count === 0) {
    throw new RangeError(
      "Cannot compute PSNR over an empty mask: expected at least one pixel",
    );
  }
  return 10 * Math.log10(1 / (sum / count));
}

/**
 * The SSIM map (one value per pixel) of two images' luma on [0, 1].
 *
 * @param reference The clean image.
 * @param test The degraded image.
 * @returns SSIM per pixel, row-major.
 *
 * @example Usage
 * ```ts
 * import { ssimMap } from "./quality.ts";
 * const a = { width: 4, height: 4, channels: 1 as const, data: new Float32Array(16).fill(0.5) };
 * console.assert(ssimMap(a, a).every((v) => Math.abs(v - 1) < 1e-12));
 * ```
 */
export function ssimMap(reference: FloatImage, test: FloatImage): Float64Array {
  const [x, y] = grayPair(reference, test);
  const { width: w, height: h } = reference;
  const f = (p: ArrayLike<number>) => gaussianFilter64(p, w, h, 1.5, 3.5);
  const n = x.length;
  const xx = new Float64Array(n),
    yy = new Float64Array(n),
    xy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xx[i] = x[i]! * x[i]!;
    yy[i] = y[i]! * y[i]!;
    xy[i] = x[i]! * y[i]!;
  }
  const ux = f(x), uy = f(y), uxx = f(xx), uyy = f(yy), uxy = f(xy);
  const c1 = 0.01 ** 2, c2 = 0.03 ** 2;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mx = ux[i]!, my = uy[i]!;
    const vx = uxx[i]! - mx * mx,
      vy = uyy[i]! - my * my,
      vxy = uxy[i]! - mx * my;
    out[i] = ((2 * mx * my + c1) * (2 * vxy + c2)) /
      ((mx * mx + my * my + c1) * (vx + vy + c2));
  }
  return out;
}

/**
 * Mean structural similarity over the mask (default: every pixel).
 *
 * @param reference The clean image.
 * @param test The degraded image.
 * @param options Optional mask.
 * @returns SSIM in [-1, 1] (1 = identical).
 *
 * @example Usage
 * ```ts
 * import { ssim } from "./quality.ts";
 * const a = { width: 8, height: 8, channels: 1 as const, data: new Float32Array(64).map((_, i) => (i % 7) / 7) };
 * console.assert(Math.abs(ssim(a, a) - 1) < 1e-12);
 * ```
 */
export function ssim(
  reference: FloatImage,
  test: FloatImage,
  options: QualityOptions = {},
): number {
  const map = ssimMap(reference, test);
  checkMask(options.mask, map.length);
  let sum = 0, count = 0;
  for (let i = 0; i < map.length; i++) {
    if (options.mask && !options.mask[i]) continue;
    sum += map[i]!;
    count++;
  }
  if (count === 0) {
    throw new RangeError(
      "Cannot compute SSIM over an empty mask: expected at least one pixel",
    );
  }
  return sum / count;
}
