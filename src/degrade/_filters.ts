/**
 * Filters with SciPy `ndimage` semantics (the authors' reference pipeline):
 * sparse-tap convolution and separable Gaussian with mode 'reflect'
 * (half-sample symmetric), bilinear rotation with constant fill, and
 * align-corners zoom. All work on one float plane at a time. Internal.
 *
 * @module
 */

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

/** Convolve one plane with sparse taps, mode 'reflect' (ndimage.convolve). */
export function convolveTaps(
  plane: Float32Array,
  width: number,
  height: number,
  taps: readonly Tap[],
): Float32Array {
  const out = new Float64Array(width * height);
  for (const { dy, dx, w } of taps) {
    if (w === 0) continue;
    const cols = new Int32Array(width);
    for (let c = 0; c < width; c++) cols[c] = reflectIndex(c - dx, width);
    for (let r = 0; r < height; r++) {
      const src = reflectIndex(r - dy, height) * width;
      const dst = r * width;
      for (let c = 0; c < width; c++) {
        out[dst + c]! += w * plane[src + cols[c]!]!;
      }
    }
  }
  return Float32Array.from(out);
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
  return Float32Array.from(gaussianFilter64(plane, width, height, sigma, 4));
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
  const k = gaussianKernel(sigma, truncate);
  const r = (k.length - 1) / 2;
  const tmp = new Float64Array(width * height);
  const cols = new Int32Array(width + 2 * r);
  for (let c = -r; c < width + r; c++) cols[c + r] = reflectIndex(c, width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) {
        s += k[j]! * plane[row + cols[x + j]!]!;
      }
      tmp[row + x] = s;
    }
  }
  const out = new Float64Array(width * height);
  const rows = new Int32Array(height + 2 * r);
  for (let y = -r; y < height + r; y++) rows[y + r] = reflectIndex(y, height);
  for (let y = 0; y < height; y++) {
    const dst = y * width;
    for (let j = 0; j < k.length; j++) {
      const w = k[j]!;
      const src = rows[y + j]! * width;
      for (let x = 0; x < width; x++) out[dst + x]! += w * tmp[src + x]!;
    }
  }
  return out;
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
