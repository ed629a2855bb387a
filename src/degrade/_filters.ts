/**
 * Filters with SciPy `ndimage` semantics (the authors' reference pipeline):
 * separable Gaussian in float64 with mode 'reflect' (half-sample
 * symmetric; the float32 blurs of the operators are in `_filters32.ts`),
 * bilinear rotation with constant fill, and
 * align-corners zoom. All work on one float plane at a time. Internal.
 *
 * @module
 */

import { simdArena } from "./_simd.ts";

/** One kernel tap of a convolution: y(r, c) += w · x(r − dy, c − dx). */
export interface Tap {
  /** Row offset (positive = down). */
  dy: number;
  /** Column offset (positive = right). */
  dx: number;
  /** Weight. */
  w: number;
}

/** SciPy 'reflect' index (d c b a | a b c d | d c b a) for any integer i. */
export function reflectIndex(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n;
  let k = i % period;
  if (k < 0) k += period;
  return k < n ? k : period - 1 - k;
}

/**
 * `acc[base + x] += w[t] · src[offs[t] + x]` for x in [0, n), taps t in
 * order. Four taps per sweep, added left to right, so every sum sees the
 * same operations in the same order as one tap per sweep (same bits) with a
 * quarter of the loads and stores of `acc`.
 */
function accumulate(
  acc: Float64Array,
  base: number,
  src: Float64Array,
  offs: Int32Array,
  w: Float64Array,
  count: number,
  n: number,
): void {
  let t = 0;
  for (; t + 3 < count; t += 4) {
    const o0 = offs[t] - base, o1 = offs[t + 1] - base;
    const o2 = offs[t + 2] - base, o3 = offs[t + 3] - base;
    const w0 = w[t], w1 = w[t + 1], w2 = w[t + 2], w3 = w[t + 3];
    for (let x = base; x < base + n; x++) {
      acc[x] = acc[x] + w0 * src[o0 + x] + w1 * src[o1 + x] +
        w2 * src[o2 + x] + w3 * src[o3 + x];
    }
  }
  for (; t < count; t++) {
    const o = offs[t] - base, wt = w[t];
    for (let x = base; x < base + n; x++) acc[x] = acc[x] + wt * src[o + x];
  }
}

/** The normalised 1-D Gaussian of ndimage.gaussian_filter (truncate 4). */
export function gaussianKernel(sigma: number, truncate = 4): Float64Array {
  const radius = Math.floor(truncate * sigma + 0.5);
  const k = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-0.5 * (i * i) / (sigma * sigma));
    k[i + radius] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
  return k;
}

/** Separable Gaussian blur of one plane, mode 'reflect' (float64 inside). */
export function gaussianBlurPlane(
  plane: Float32Array,
  width: number,
  height: number,
  sigma: number,
): Float32Array {
  if (sigma <= 0) return new Float32Array(plane);
  const out = new Float32Array(width * height);
  gaussianRegion(plane, width, height, sigma, 4, out, 0, height, 0, width);
  return out;
}

/**
 * `ndimage.gaussian_filter(plane, sigma, mode='reflect', truncate)` in
 * float64.
 */
export function gaussianFilter64(
  plane: ArrayLike<number>,
  width: number,
  height: number,
  sigma: number,
  truncate: number,
): Float64Array {
  const out = new Float64Array(width * height);
  gaussianRegion(
    plane,
    width,
    height,
    sigma,
    truncate,
    out,
    0,
    height,
    0,
    width,
  );
  return out;
}

/**
 * The Gaussian blur of `plane` (as {@linkcode gaussianFilter64}), computed
 * and written to `out` only for rows [r0, r1) and columns [c0, c1): only the
 * rows and columns that window reads are filtered horizontally. Each sum
 * runs over the taps in order from 0, so the values are those of the whole
 * filtered plane, bit for bit.
 */
export function gaussianRegion(
  plane: ArrayLike<number>,
  width: number,
  height: number,
  sigma: number,
  truncate: number,
  out: Float32Array | Float64Array,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): void {
  if (r1 <= r0 || c1 <= c0) return;
  const kernel = gaussianKernel(sigma, truncate);
  const r = (kernel.length - 1) / 2, taps = kernel.length;
  // In the SIMD kernel's memory when it is available (same sums either way).
  const arena = simdArena(
    8 * (width * height + 2 * width + 2 * r + taps),
    taps,
  );
  const f64 = (n: number) => arena ? arena.f64(n) : new Float64Array(n);
  const sum = arena ? arena.accumulate : accumulate;
  const k = f64(taps);
  k.set(kernel);
  const rows = new Int32Array(r1 - r0 + 2 * r);
  const needed = new Uint8Array(height);
  for (let y = 0; y < rows.length; y++) {
    rows[y] = reflectIndex(r0 - r + y, height);
    needed[rows[y]] = 1;
  }
  // Horizontal pass over a reflect-padded copy of each needed row, only
  // in the columns the vertical pass reads.
  const tmp = f64(width * height);
  const ext = f64(width + 2 * r);
  const typed = plane instanceof Float32Array || plane instanceof Float64Array
    ? plane
    : null;
  const cols = new Int32Array(width + 2 * r);
  for (let c = 0; c < cols.length; c++) cols[c] = reflectIndex(c - r, width);
  const offs = new Int32Array(taps);
  for (let j = 0; j < taps; j++) offs[j] = j + c0;
  for (let y = 0; y < height; y++) {
    if (!needed[y]) continue;
    const row = y * width;
    if (typed) {
      // Interior by a native typed-array copy, the reflected margins by hand.
      ext.set(typed.subarray(row, row + width), r);
      for (let c = 0; c < r; c++) {
        ext[c] = plane[row + cols[c]];
        ext[ext.length - 1 - c] = plane[row + cols[ext.length - 1 - c]];
      }
    } else {
      for (let c = 0; c < ext.length; c++) ext[c] = plane[row + cols[c]];
    }
    sum(tmp, row + c0, ext, offs, k, taps, c1 - c0);
  }
  // Vertical pass, one output row at a time.
  const acc = f64(width);
  for (let y = r0; y < r1; y++) {
    for (let j = 0; j < taps; j++) offs[j] = rows[y - r0 + j] * width + c0;
    acc.fill(0, c0, c1);
    sum(acc, c0, tmp, offs, k, taps, c1 - c0);
    const dst = y * width;
    out.set(acc.subarray(c0, c1), dst + c0);
  }
}

/**
 * Rotate one plane about its centre ((H−1)/2, (W−1)/2), same canvas,
 * bilinear, 0 outside: `ndimage.rotate(x, angle, reshape=False, order=1)`.
 * Positive angles turn the picture counter-clockwise as displayed.
 */
export function rotatePlane(
  plane: Float32Array | Float64Array,
  width: number,
  height: number,
  angleDeg: number,
): Float32Array {
  const a = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const cy = (height - 1) / 2, cx = (width - 1) / 2;
  const out = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const y = r - cy, x = c - cx;
      const sr = cos * y + sin * x + cy;
      const sc = -sin * y + cos * x + cx;
      out[r * width + c] = bilinearConstant(plane, width, height, sr, sc);
    }
  }
  return out;
}

/**
 * {@linkcode rotatePlane} on every plane of a planar image at once: each
 * output pixel's source point and weights are computed once and applied to
 * all channels (same arithmetic, same bits as plane by plane).
 */
export function rotatePlanes(
  data: Float32Array,
  width: number,
  height: number,
  channels: number,
  angleDeg: number,
): Float32Array {
  const a = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const cy = (height - 1) / 2, cx = (width - 1) / 2;
  const n = width * height, out = new Float32Array(n * channels);
  const eps = 1e-9;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const y = r - cy, x = c - cx;
      const sr = cos * y + sin * x + cy;
      const sc = -sin * y + cos * x + cx;
      if (
        sr < -eps || sc < -eps || sr > height - 1 + eps || sc > width - 1 + eps
      ) {
        continue; // outside: stays 0
      }
      const r0 = Math.min(Math.max(Math.floor(sr), 0), height - 1);
      const c0 = Math.min(Math.max(Math.floor(sc), 0), width - 1);
      const r1 = Math.min(r0 + 1, height - 1), c1 = Math.min(c0 + 1, width - 1);
      const fr = sr - r0, fc = sc - c0;
      const i00 = r0 * width + c0, i01 = r0 * width + c1;
      const i10 = r1 * width + c0, i11 = r1 * width + c1;
      for (let p = 0, o = r * width + c; p < n * channels; p += n) {
        const top = data[p + i00] * (1 - fc) + data[p + i01] * fc;
        const bottom = data[p + i10] * (1 - fc) + data[p + i11] * fc;
        out[p + o] = top * (1 - fr) + bottom * fr;
      }
    }
  }
  return out;
}

/** Bilinear sample at (row, col); 0 where the point lies outside the grid. */
function bilinearConstant(
  plane: Float32Array | Float64Array,
  width: number,
  height: number,
  r: number,
  c: number,
): number {
  const eps = 1e-9;
  if (r < -eps || c < -eps || r > height - 1 + eps || c > width - 1 + eps) {
    return 0;
  }
  const r0 = Math.min(Math.max(Math.floor(r), 0), height - 1);
  const c0 = Math.min(Math.max(Math.floor(c), 0), width - 1);
  const r1 = Math.min(r0 + 1, height - 1), c1 = Math.min(c0 + 1, width - 1);
  const fr = r - r0, fc = c - c0;
  const top = plane[r0 * width + c0]! * (1 - fc) + plane[r0 * width + c1]! * fc;
  const bottom = plane[r1 * width + c0]! * (1 - fc) +
    plane[r1 * width + c1]! * fc;
  return top * (1 - fr) + bottom * fr;
}

/** Align-corners source coordinate of output index o (n_in → n_out). */
function alignCorners(o: number, nIn: number, nOut: number): number {
  return nOut === 1 ? 0 : (o * (nIn - 1)) / (nOut - 1);
}

/** Bilinear zoom with align-corners sampling (`ndimage.zoom(order=1)`). */
export function zoomBilinear(
  plane: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  for (let r = 0; r < outHeight; r++) {
    const sr = alignCorners(r, height, outHeight);
    const r0 = Math.floor(sr), r1 = Math.min(r0 + 1, height - 1);
    const fr = sr - r0;
    for (let c = 0; c < outWidth; c++) {
      const sc = alignCorners(c, width, outWidth);
      const c0 = Math.floor(sc), c1 = Math.min(c0 + 1, width - 1);
      const fc = sc - c0;
      const top = plane[r0 * width + c0]! * (1 - fc) +
        plane[r0 * width + c1]! * fc;
      const bottom = plane[r1 * width + c0]! * (1 - fc) +
        plane[r1 * width + c1]! * fc;
      out[r * outWidth + c] = top * (1 - fr) + bottom * fr;
    }
  }
  return out;
}

/** Nearest-neighbour zoom with align-corners sampling (`ndimage.zoom(order=0)`). */
export function zoomNearest(
  plane: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  const cols = new Int32Array(outWidth);
  for (let c = 0; c < outWidth; c++) {
    cols[c] = Math.min(
      width - 1,
      Math.round(alignCorners(c, width, outWidth)),
    );
  }
  for (let r = 0; r < outHeight; r++) {
    const sr = Math.min(
      height - 1,
      Math.round(alignCorners(r, height, outHeight)),
    );
    for (let c = 0; c < outWidth; c++) {
      out[r * outWidth + c] = plane[sr * width + cols[c]!]!;
    }
  }
  return out;
}

/** Run `f` on every plane of an image and assemble the result. */
export function perPlane(
  data: Float32Array,
  planeSize: number,
  channels: number,
  f: (plane: Float32Array, c: number) => Float32Array,
): Float32Array {
  const out = new Float32Array(planeSize * channels);
  for (let c = 0; c < channels; c++) {
    out.set(
      f(data.subarray(c * planeSize, (c + 1) * planeSize), c),
      c * planeSize,
    );
  }
  return out;
}
