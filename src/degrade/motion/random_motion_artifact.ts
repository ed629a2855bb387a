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
import { fft, ifft } from "../_fft.ts";
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

/** Rigid warp with bilinear sampling and zero outside, returned column-major. */
function moved(
  plane: Float64Array,
  w: number,
  h: number,
  pose: MotionPose,
): Float64Array {
  const out = new Float64Array(w * h);
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
    const accRe = new Float64Array(w * h), accIm = new Float64Array(w * h);
    const re = new Float64Array(h), im = new Float64Array(h);
    const half = h >> 1;
    for (let k = 0; k < poses.length; k++) {
      if (edges[k] === edges[k + 1]) continue;
      const copy = moved(luma, w, h, poses[k]);
      // Two real columns a, b per complex FFT of z = a + i·b:
      // A_m = (Z_m + conj Z_{−m}) / 2, B_m = (Z_m − conj Z_{−m}) / (2i).
      for (let c = 0; c < w; c += 2) {
        const pair = c + 1 < w;
        re.set(copy.subarray(c * h, (c + 1) * h));
        if (pair) im.set(copy.subarray((c + 1) * h, (c + 2) * h));
        else im.fill(0);
        fft(re, im);
        for (let j = edges[k]; j < edges[k + 1]; j++) {
          const m = (j - half + h) % h, mm = (h - m) % h;
          accRe[c * h + m] = (re[m] + re[mm]) / 2;
          accIm[c * h + m] = (im[m] - im[mm]) / 2;
          if (pair) {
            accRe[(c + 1) * h + m] = (im[m] + im[mm]) / 2;
            accIm[(c + 1) * h + m] = (re[mm] - re[m]) / 2;
          }
        }
      }
    }
    // The real part of a column's inverse FFT is the inverse of the
    // Hermitian part H_m = (X_m + conj X_{−m}) / 2 of its spectrum; two
    // Hermitian spectra H1 + i·H2 invert to the two real columns at once.
    const out = new Float64Array(w * h);
    for (let c = 0; c < w; c += 2) {
      const pair = c + 1 < w, o1 = c * h, o2 = (c + 1) * h;
      for (let m = 0; m < h; m++) {
        const mm = (h - m) % h;
        const h1r = (accRe[o1 + m] + accRe[o1 + mm]) / 2;
        const h1i = (accIm[o1 + m] - accIm[o1 + mm]) / 2;
        const h2r = pair ? (accRe[o2 + m] + accRe[o2 + mm]) / 2 : 0;
        const h2i = pair ? (accIm[o2 + m] - accIm[o2 + mm]) / 2 : 0;
        re[m] = h1r - h2i;
        im[m] = h1i + h2r;
      }
      ifft(re, im);
      for (let y = 0; y < h; y++) {
        out[y * w + c] = re[y];
        if (pair) out[y * w + c + 1] = im[y];
      }
    }
    return Promise.resolve(fromLuma(image, out));
  },
};
