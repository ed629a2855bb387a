/**
 * `random_motion_artifact` ("object movement", MRI): rigid patient motion
 * during the acquisition (Shaw et al. 2019; TorchIO `RandomMotion`). The
 * object takes `segments` poses (rotation about the image centre and a
 * translation), each held while one contiguous band of phase-encode rows
 * k_y is acquired: k-space row k_y comes from the spectrum of the image in
 * the pose of its band, and the result is the real part of the inverse
 * FFT. Unlike TorchIO on a 2-D slice (whose segments run along a length-1
 * axis), the bands run along the image's own k_y and no pose is forced to
 * the identity, as in the authors' examples (SPEC §3.9). The poses and
 * band edges are a deterministic function of the parameters
 * ({@linkcode motionPoses}). Exact FFT of any height. Written to every
 * channel, clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { createPrng } from "../../random/prng.ts";
import { checkImage, checkLevel, checkParams, copyImage } from "../_check.ts";
import { complexRows } from "../_fft.ts";
import { fromLuma, lumaPlane } from "../_luma.ts";

/** Parameters of {@linkcode randomMotionArtifact}. */
export interface RandomMotionParams extends Record<string, unknown> {
  /** Number of poses = bands of k-space rows. */
  segments: number;
  /** Largest rotation of a pose, degrees (magnitudes drawn in [max/2, max]). */
  maxDegrees: number;
  /** Largest translation of a pose along each axis, pixels. */
  maxTranslation: number;
  /** Seeds the poses and band edges. */
  motionSeed: number;
}

/** One pose: rotation (counter-clockwise as displayed) and shift. */
export interface MotionPose {
  /** Rotation about the image centre, degrees. */
  degrees: number;
  /** Shift down, pixels. */
  dy: number;
  /** Shift right, pixels. */
  dx: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "segments",
    unit: "poses",
    min: 1,
    max: 16,
    description:
      "number of poses, each acquiring one contiguous band of phase-encode rows",
  },
  {
    name: "maxDegrees",
    unit: "degrees",
    min: 0,
    max: 45,
    description:
      "rotation magnitudes are drawn uniformly in [maxDegrees/2, maxDegrees], sign random",
  },
  {
    name: "maxTranslation",
    unit: "pixels",
    min: 0,
    max: 100,
    description:
      "translation magnitudes per axis are drawn uniformly in [maxTranslation/2, maxTranslation], sign random; with maxDegrees = 0 too, no degradation (identity)",
  },
  {
    name: "motionSeed",
    unit: "integer seed",
    min: 0,
    max: 2147483647,
    description: "seeds the poses and band edges, so apply() is pure",
  },
];

/** SPEC §3.9: L1 3 bands, ≈ 1.6° / 1.6 px; L2 5 bands, poses up to ≈ 12° / 13 px (ranges fitted to the signatures). */
const PRESETS: Record<
  1 | 2,
  { segments: number; maxDegrees: number; maxTranslation: number }
> = {
  1: { segments: 3, maxDegrees: 2, maxTranslation: 2 },
  2: { segments: 5, maxDegrees: 10, maxTranslation: 10 },
};

/**
 * The poses and band edges the parameters stand for: `poses[k]` holds
 * while the k-space rows `edges[k] <= j < edges[k + 1]` (fftshift order,
 * row H//2 is DC) are acquired. Edges sit at k/segments of the rows,
 * jittered by up to ±0.3 of a band, as TorchIO's acquisition times.
 *
 * @param params The motion parameters.
 * @param height Number of k-space rows.
 * @returns Poses and `segments + 1` edges from 0 to height.
 *
 * @example Usage
 * ```ts
 * import { motionPoses } from "./random_motion_artifact.ts";
 * const m = motionPoses({ segments: 3, maxDegrees: 2, maxTranslation: 2, motionSeed: 1 }, 224);
 * console.assert(m.poses.length === 3 && m.edges[0] === 0 && m.edges[3] === 224);
 * ```
 */
export function motionPoses(
  params: RandomMotionParams,
  height: number,
): { poses: MotionPose[]; edges: number[] } {
  const prng = createPrng(params.motionSeed);
  const k = params.segments;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  // Magnitudes in [max/2, max] with a random sign: a level has a steady strength.
  const draw = (max: number) =>
    (prng.next() < 0.5 ? -1 : 1) * max * (0.5 + 0.5 * prng.next());
  const poses: MotionPose[] = [];
  for (let i = 0; i < k; i++) {
    poses.push({
      degrees: round(draw(params.maxDegrees)),
      dy: round(draw(params.maxTranslation)),
      dx: round(draw(params.maxTranslation)),
    });
  }
  const edges = [0];
  for (let i = 1; i < k; i++) {
    const t = (i + 0.6 * (prng.next() - 0.5)) / k;
    edges.push(Math.max(edges[i - 1], Math.round(t * height)));
  }
  edges.push(height);
  return { poses, edges };
}

/** Bilinear sample of a row-major plane, zero outside. */
function sampleAt(
  plane: Float64Array,
  w: number,
  h: number,
  sx: number,
  sy: number,
): number {
  const x0 = Math.floor(sx), y0 = Math.floor(sy);
  const fx = sx - x0, fy = sy - y0;
  let v = 0;
  if (y0 >= 0 && y0 < h) {
    if (x0 >= 0 && x0 < w) v += (1 - fy) * (1 - fx) * plane[y0 * w + x0];
    if (x0 + 1 >= 0 && x0 + 1 < w) v += (1 - fy) * fx * plane[y0 * w + x0 + 1];
  }
  if (y0 + 1 >= 0 && y0 + 1 < h) {
    if (x0 >= 0 && x0 < w) v += fy * (1 - fx) * plane[(y0 + 1) * w + x0];
    if (x0 + 1 >= 0 && x0 + 1 < w) v += fy * fx * plane[(y0 + 1) * w + x0 + 1];
  }
  return v;
}

/** Rigid warp with bilinear sampling and zero outside, into `out` column-major. */
function moved(
  plane: Float64Array,
  w: number,
  h: number,
  pose: MotionPose,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  const phi = (pose.degrees * Math.PI) / 180;
  const cos = Math.cos(phi), sin = Math.sin(phi);
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  // Output (y, x) samples the source at R(−φ)·(x − c − t) + c.
  for (let x = 0; x < w; x++) {
    const rx = x - cx - pose.dx;
    // Source position of row y: (sx0 − y·sin, sy0 + y·cos).
    const sx0 = cx + cos * rx + sin * (cy + pose.dy);
    const sy0 = cy + sin * rx - cos * (cy + pose.dy);
    const o = x * h;
    for (let y = 0; y < h; y++) {
      const sx = sx0 - sin * y, sy = sy0 + cos * y;
      if (sx <= -1 || sy <= -1 || sx >= w || sy >= h) continue;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 >= 0 && y0 >= 0 && x0 < w - 1 && y0 < h - 1) {
        const fx = sx - x0, fy = sy - y0, i = y0 * w + x0;
        const top = plane[i] + fx * (plane[i + 1] - plane[i]);
        const bottom = plane[i + w] + fx * (plane[i + w + 1] - plane[i + w]);
        out[o + y] = top + fy * (bottom - top);
      } else {
        out[o + y] = sampleAt(plane, w, h, sx, sy);
      }
    }
  }
  return out;
}

/** Complex row p of z = columns 2p + i·(2p + 1) of a column-major plane. */
function packColumns(
  z: Float64Array,
  plane: Float64Array,
  p: number,
  w: number,
  h: number,
): void {
  const o = 2 * p * h, a = 2 * p * h, b = a + h;
  if (2 * p + 1 < w) {
    for (let y = 0; y < h; y++) {
      z[o + 2 * y] = plane[a + y];
      z[o + 2 * y + 1] = plane[b + y];
    }
  } else {
    for (let y = 0; y < h; y++) {
      z[o + 2 * y] = plane[a + y];
      z[o + 2 * y + 1] = 0;
    }
  }
}

/**
 * From the spectrum Z of columns c = 2p, c + 1 packed as c + i·(c + 1),
 * the spectra of both columns at the k-space rows [from, to) (fftshift
 * order) into acc (column-major): A_m = (Z_m + conj Z_{−m}) / 2,
 * B_m = (Z_m − conj Z_{−m}) / (2i).
 */
function keepBand(
  z: Float64Array,
  accRe: Float64Array,
  accIm: Float64Array,
  p: number,
  w: number,
  h: number,
  from: number,
  to: number,
): void {
  const c = 2 * p, pair = c + 1 < w, o = 2 * p * h, half = h >> 1;
  for (let j = from; j < to; j++) {
    const m = (j - half + h) % h, mm = (h - m) % h;
    const re = z[o + 2 * m], im = z[o + 2 * m + 1];
    const reM = z[o + 2 * mm], imM = z[o + 2 * mm + 1];
    accRe[c * h + m] = (re + reM) / 2;
    accIm[c * h + m] = (im - imM) / 2;
    if (pair) {
      accRe[(c + 1) * h + m] = (im + imM) / 2;
      accIm[(c + 1) * h + m] = (reM - re) / 2;
    }
  }
}

/** Complex row p of z = H1 + i·H2, the Hermitian parts of columns 2p, 2p + 1. */
function packHermitian(
  z: Float64Array,
  accRe: Float64Array,
  accIm: Float64Array,
  p: number,
  w: number,
  h: number,
): void {
  const c = 2 * p, pair = c + 1 < w, o1 = c * h, o2 = (c + 1) * h;
  const o = 2 * p * h;
  for (let m = 0; m < h; m++) {
    const mm = (h - m) % h;
    const h1r = (accRe[o1 + m] + accRe[o1 + mm]) / 2;
    const h1i = (accIm[o1 + m] - accIm[o1 + mm]) / 2;
    const h2r = pair ? (accRe[o2 + m] + accRe[o2 + mm]) / 2 : 0;
    const h2i = pair ? (accIm[o2 + m] - accIm[o2 + mm]) / 2 : 0;
    z[o + 2 * m] = h1r - h2i;
    z[o + 2 * m + 1] = h1i + h2r;
  }
}

/** Columns 2p, 2p + 1 of the row-major out = re, im of complex row p. */
function unpackColumns(
  z: Float64Array,
  out: Float64Array,
  p: number,
  w: number,
  h: number,
): void {
  const c = 2 * p, o = 2 * p * h;
  if (c + 1 < w) {
    for (let y = 0; y < h; y++) {
      out[y * w + c] = z[o + 2 * y];
      out[y * w + c + 1] = z[o + 2 * y + 1];
    }
  } else {
    for (let y = 0; y < h; y++) out[y * w + c] = z[o + 2 * y];
  }
}

/**
 * Random-motion operator.
 *
 * @example Usage
 * ```ts
 * import { randomMotionArtifact } from "./random_motion_artifact.ts";
 * import { createPrng } from "../../random/prng.ts";
 * const data = Float32Array.from({ length: 256 }, (_, i) => ((i * 7) % 16) / 16);
 * const img = { width: 16, height: 16, channels: 1 as const, data };
 * const params = randomMotionArtifact.sample(createPrng(2), 2, img);
 * const out = await randomMotionArtifact.apply(img, params);
 * console.assert(out.data.some((v, i) => v !== data[i]));
 * ```
 */
export const randomMotionArtifact: Degrader<RandomMotionParams> = {
  id: "random_motion_artifact",
  description:
    "MRI motion: k-space row bands acquired from rigidly moved copies of the object",
  parameters: PARAMETERS,
  identity: { segments: 1, maxDegrees: 0, maxTranslation: 0, motionSeed: 0 },
  sample(prng, level) {
    const preset = PRESETS[checkLevel("random_motion_artifact", level)];
    return { ...preset, motionSeed: prng.int(2147483647) };
  },
  apply(image, params) {
    checkImage("random_motion_artifact", image);
    checkParams("random_motion_artifact", PARAMETERS, params, [
      "segments",
      "motionSeed",
    ]);
    if (params.maxDegrees === 0 && params.maxTranslation === 0) {
      return Promise.resolve(copyImage(image));
    }
    const { width: w, height: h } = image;
    const luma = lumaPlane(image);
    const { poses, edges } = motionPoses(params, h);
    // Rows of k-space depend on k_y only, so per column: FFT along y, pick
    // the band of each pose, inverse FFT along y (the k_x transforms cancel).
    // Two real columns per complex FFT ({@link keepBand}), all column
    // pairs in one batch.
    const accRe = new Float64Array(w * h), accIm = new Float64Array(w * h);
    const pairs = (w + 1) >> 1;
    const rows = complexRows(h, pairs);
    const z = rows.data;
    const copy = new Float64Array(w * h);
    for (let k = 0; k < poses.length; k++) {
      if (edges[k] === edges[k + 1]) continue;
      moved(luma, w, h, poses[k], copy);
      for (let p = 0; p < pairs; p++) packColumns(z, copy, p, w, h);
      rows.forward();
      for (let p = 0; p < pairs; p++) {
        keepBand(z, accRe, accIm, p, w, h, edges[k], edges[k + 1]);
      }
    }
    // The real part of a column's inverse FFT is the inverse of the
    // Hermitian part H_m = (X_m + conj X_{−m}) / 2 of its spectrum; two
    // Hermitian spectra H1 + i·H2 invert to the two real columns at once.
    for (let p = 0; p < pairs; p++) packHermitian(z, accRe, accIm, p, w, h);
    rows.inverse();
    const out = new Float64Array(w * h);
    for (let p = 0; p < pairs; p++) unpackColumns(z, out, p, w, h);
    return Promise.resolve(fromLuma(image, out));
  },
};
