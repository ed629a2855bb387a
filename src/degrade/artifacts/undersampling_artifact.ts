/**
 * `undersampling_artifact` (MRI): Cartesian k-space undersampling. Each
 * channel's spectrum keeps only some phase-encode columns k_x (every row), the
 * others are zeroed, and the image is the real part of the inverse FFT
 * (zero-filled reconstruction): horizontal blur, ringing and incoherent
 * aliasing (SPEC §3.4). The mask follows the authors' examples: a fully
 * sampled centre band of round(W·centerFraction) columns (fastMRI
 * `RandomMaskFunc` padding), then columns drawn from a Gaussian density
 * around DC (std `spread`·W) until round(W·keepFraction) are kept. The mask
 * is a deterministic function of the parameters (`maskSeed` seeds the
 * draws), so the recorded parameters describe it fully; see
 * {@linkcode undersamplingMask}. Exact FFT of any width (no padding), so
 * the mask lives on the image's own frequency grid. As in the authors'
 * examples, each RGB channel has a mask of its own (the channels differ,
 * which tints the picture; {@linkcode undersamplingMasks}); clipped to
 * [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { createPrng } from "../../random/prng.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import { complexRows } from "../_fft.ts";

/** Parameters of {@linkcode undersamplingArtifact}. */
export interface UndersamplingParams extends Record<string, unknown> {
  /** Fraction of the columns kept in total; 1 = no degradation (identity). */
  keepFraction: number;
  /** Fraction of the columns in the fully sampled centre band. */
  centerFraction: number;
  /** Std of the Gaussian density of the outer columns, fraction of the width. */
  spread: number;
  /** Seeds the choice of the outer columns. */
  maskSeed: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "keepFraction",
    unit: "fraction of k-space columns",
    min: 0,
    max: 1,
    description:
      "kept columns / width (1/acceleration); 1 = fully sampled, no degradation (identity)",
  },
  {
    name: "centerFraction",
    unit: "fraction of k-space columns",
    min: 0,
    max: 1,
    description: "fully sampled low-frequency band around DC",
  },
  {
    name: "spread",
    unit: "fraction of the width",
    min: 0.01,
    max: 10,
    description:
      "std of the Gaussian density, centred on DC, the outer columns are drawn from",
  },
  {
    name: "maskSeed",
    unit: "integer seed",
    min: 0,
    max: 2147483647,
    description:
      "seeds the outer columns (RGB: one mask per channel, drawn in turn), so apply() is pure",
  },
];

/** Measured on the examples (SPEC §3.4): 49 and 41 of 266 columns, 8 % centre, σ ≈ 0.12·W. */
const PRESETS: Record<
  1 | 2,
  { keepFraction: number; centerFraction: number; spread: number }
> = {
  1: { keepFraction: 49 / 266, centerFraction: 0.08, spread: 0.117 },
  2: { keepFraction: 41 / 266, centerFraction: 0.08, spread: 0.122 },
};

/**
 * The column mask in fftshift order (index W//2 is DC): 1 = sampled.
 *
 * @param width Number of k-space columns.
 * @param params The mask parameters.
 * @returns `width` flags.
 *
 * @example Usage
 * ```ts
 * import { undersamplingMask } from "./undersampling_artifact.ts";
 * const m = undersamplingMask(100, { keepFraction: 0.2, centerFraction: 0.08, spread: 0.1, maskSeed: 1 });
 * console.assert(m.reduce((a, b) => a + b, 0) === 20 && m[50] === 1);
 * ```
 */
export function undersamplingMask(
  width: number,
  params: UndersamplingParams,
): Uint8Array {
  return drawMask(width, params, createPrng(params.maskSeed));
}

/**
 * The column masks of the channels (fftshift order): SPEC §3.4 draws a new
 * random mask per channel, so channel c takes the c-th mask drawn from one
 * generator seeded by `maskSeed` (channel 0's is
 * {@linkcode undersamplingMask}'s; the centre band is in every mask).
 *
 * @param width Number of k-space columns.
 * @param params The mask parameters.
 * @param channels How many masks (1 or 3).
 * @returns One mask of `width` flags per channel.
 *
 * @example Usage
 * ```ts
 * import { undersamplingMask, undersamplingMasks } from "./undersampling_artifact.ts";
 * const p = { keepFraction: 0.2, centerFraction: 0.08, spread: 0.1, maskSeed: 1 };
 * const [r, g] = undersamplingMasks(100, p, 3);
 * console.assert(r.join() === undersamplingMask(100, p).join() && r.join() !== g.join());
 * ```
 */
export function undersamplingMasks(
  width: number,
  params: UndersamplingParams,
  channels: number,
): Uint8Array[] {
  const prng = createPrng(params.maskSeed);
  return Array.from({ length: channels }, () => drawMask(width, params, prng));
}

/** One mask: the centre band, then outer columns drawn from `prng`. */
function drawMask(
  width: number,
  params: UndersamplingParams,
  prng: { normal(): number },
): Uint8Array {
  const mask = new Uint8Array(width);
  const target = Math.min(width, Math.round(width * params.keepFraction));
  const low = Math.min(target, Math.round(width * params.centerFraction));
  const pad = Math.floor((width - low + 1) / 2);
  for (let j = pad; j < pad + low; j++) mask[j] = 1;
  let kept = low;
  const sd = params.spread * width, centre = width / 2;
  while (kept < target) {
    const j = Math.round(centre + sd * prng.normal());
    if (j < 0 || j >= width || mask[j]) continue;
    mask[j] = 1;
    kept++;
  }
  return mask;
}

/**
 * Complex row p of z = rows 2p + i·(2p + 1) of the plane at `base` of
 * `src` (0 past the last row).
 */
function packRows(
  z: Float64Array,
  src: Float32Array,
  base: number,
  p: number,
  w: number,
  h: number,
): void {
  const o = 2 * p * w, a = base + 2 * p * w, b = a + w;
  if (2 * p + 1 < h) {
    for (let k = 0; k < w; k++) {
      z[o + 2 * k] = src[a + k];
      z[o + 2 * k + 1] = src[b + k];
    }
  } else {
    for (let k = 0; k < w; k++) {
      z[o + 2 * k] = src[a + k];
      z[o + 2 * k + 1] = 0;
    }
  }
}

/** Multiply complex row p of z by the real gain. */
function applyGain(
  z: Float64Array,
  gain: Float64Array,
  p: number,
  w: number,
): void {
  for (let k = 0, i = 2 * p * w; k < w; k++, i += 2) {
    z[i] *= gain[k];
    z[i + 1] *= gain[k];
  }
}

/**
 * Rows 2p and 2p + 1 of the plane at `base` of `out` = the real and
 * imaginary parts of complex row p, clipped to [0, 1].
 */
function unpackRows(
  z: Float64Array,
  out: Float32Array,
  base: number,
  p: number,
  w: number,
  h: number,
): void {
  const o = 2 * p * w, a = base + 2 * p * w, b = a + w;
  for (let k = 0; k < w; k++) {
    const v = z[o + 2 * k];
    out[a + k] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  if (2 * p + 1 < h) {
    for (let k = 0; k < w; k++) {
      const v = z[o + 2 * k + 1];
      out[b + k] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
}

/**
 * Undersampling operator.
 *
 * @example Usage
 * ```ts
 * import { undersamplingArtifact } from "./undersampling_artifact.ts";
 * import { createPrng } from "../../random/prng.ts";
 * const data = Float32Array.from({ length: 64 }, (_, i) => (i % 8) / 8);
 * const img = { width: 8, height: 8, channels: 1 as const, data };
 * const params = undersamplingArtifact.sample(createPrng(1), 1, img);
 * const out = await undersamplingArtifact.apply(img, params);
 * console.assert(out.data.some((v, i) => v !== data[i]));
 * ```
 */
export const undersamplingArtifact: Degrader<UndersamplingParams> = {
  id: "undersampling_artifact",
  description:
    "MRI undersampling: zero-filled reconstruction from a subset of k-space columns",
  parameters: PARAMETERS,
  identity: {
    keepFraction: 1,
    centerFraction: 0.08,
    spread: 0.12,
    maskSeed: 0,
  },
  sample(prng, level) {
    const preset = PRESETS[checkLevel("undersampling_artifact", level)];
    return { ...preset, maskSeed: prng.int(2147483647) };
  },
  apply(image, params) {
    checkImage("undersampling_artifact", image);
    checkParams("undersampling_artifact", PARAMETERS, params, ["maskSeed"]);
    const { width: w, height: h, channels } = image;
    const masks = undersamplingMasks(w, params, channels);
    if (masks.every((m) => m.every((v) => v === 1))) {
      return Promise.resolve(copyImage(image));
    }
    const n = w * h, src = image.data, data = new Float32Array(n * channels);
    const pairs = (h + 1) >> 1;
    const rows = complexRows(w, pairs);
    const z = rows.data;
    for (let c = 0; c < channels; c++) {
      // From fftshift order to FFT order: shifted index j is bin
      // (j − W//2) mod W. The real part of the inverse of M·X (X the
      // spectrum of a real row) is the inverse of X·(M_m + M_−m)/2: a real,
      // even gain, so two rows are filtered at once as the real and
      // imaginary parts of one transform.
      const mask = new Uint8Array(w);
      for (let j = 0; j < w; j++) mask[(j - (w >> 1) + w) % w] = masks[c][j];
      const gain = new Float64Array(w);
      for (let k = 0; k < w; k++) gain[k] = (mask[k] + mask[(w - k) % w]) / 2;
      // The mask depends on k_x only, so the k_y transforms cancel: filter
      // rows, all row pairs of the plane in one batch.
      for (let p = 0; p < pairs; p++) packRows(z, src, c * n, p, w, h);
      rows.forward();
      for (let p = 0; p < pairs; p++) applyGain(z, gain, p, w);
      rows.inverse();
      for (let p = 0; p < pairs; p++) unpackRows(z, data, c * n, p, w, h);
    }
    return Promise.resolve({ width: w, height: h, channels, data });
  },
};
