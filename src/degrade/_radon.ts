/**
 * Parallel-beam Radon transform and filtered back-projection (FBP) of a
 * square image, with the geometry of scikit-image's
 * `skimage.transform.radon(image, theta, circle=True)` and
 * `iradon(sinogram, theta, filter_name="ramp", interpolation="linear",
 * circle=True)`: detector count = image side N, rotation centre
 * (N//2, N//2), angles in degrees, reconstruction zero outside the inscribed
 * circle of radius N//2, FBP scaled by π / (2·angles).
 *
 * Sinograms are stored one projection per row (`angles x N`), the transpose
 * of scikit-image's `N x angles` array.
 *
 * Private to the degradation engine.
 *
 * @module
 */

import FFT from "fft.js";

function checkSquare(data: ArrayLike<number>, size: number, what: string) {
  if (!Number.isInteger(size) || size < 2) {
    throw new RangeError(
      `Cannot use an image side of ${size}: expected an integer >= 2`,
    );
  }
  if (data.length !== size * size) {
    throw new RangeError(
      `Cannot use ${what} of length ${data.length}: expected ${size} x ${size} = ${
        size * size
      }`,
    );
  }
}

function checkAngles(anglesDeg: readonly number[]): void {
  if (anglesDeg.length === 0) {
    throw new RangeError(
      "Cannot project with no angles: expected at least one",
    );
  }
  for (const a of anglesDeg) {
    if (!Number.isFinite(a)) {
      throw new RangeError(
        `Cannot project at angle ${a}: expected a finite number of degrees`,
      );
    }
  }
}

/**
 * Forward projection: line integrals of `image` (row-major `size x size`)
 * along parallel rays, bilinear sampling with zero outside the image, as
 * `skimage.transform.radon(image, theta=anglesDeg, circle=True)`.
 *
 * @param image Row-major square image.
 * @param size Its side N.
 * @param anglesDeg Projection angles in degrees.
 * @returns The sinogram, `anglesDeg.length` rows of N detector bins.
 *
 * @example A centred point projects to the centre bin
 * ```ts
 * import { radon } from "./_radon.ts";
 * const img = new Float64Array(9 * 9);
 * img[4 * 9 + 4] = 1;
 * const sino = radon(img, 9, [0, 90]);
 * console.assert(Math.abs(sino[4] - 1) < 1e-9 && Math.abs(sino[9 + 4] - 1) < 1e-9);
 * console.assert(Math.abs(sino[3]) < 1e-9);
 * ```
 */
export function radon(
  image: ArrayLike<number>,
  size: number,
  anglesDeg: readonly number[],
): Float64Array {
  checkSquare(image, size, "an image");
  return radonCentered(image, size, size, size, anglesDeg);
}

function checkPlacement(width: number, height: number, size: number): void {
  if (
    !Number.isInteger(width) || !Number.isInteger(height) || width < 1 ||
    height < 1 || width > size || height > size
  ) {
    throw new RangeError(
      `Cannot place a ${width}x${height} image on a detector of ${size} bins: expected positive integer sides <= ${size}`,
    );
  }
}

/**
 * Forward projection of a `width x height` image centred on a zero square
 * canvas of side `size` (offsets ⌊(size − width)/2⌋, ⌊(size − height)/2⌋),
 * without materialising the canvas: equal to {@link radon} of the padded
 * canvas, but rays only sample the image rectangle.
 *
 * @param image Row-major `width x height` image.
 * @param width Columns.
 * @param height Rows.
 * @param size Canvas side = detector bins.
 * @param anglesDeg Projection angles in degrees.
 * @returns The sinogram, `anglesDeg.length` rows of `size` bins.
 *
 * @example Usage
 * ```ts
 * import { radonCentered } from "./_radon.ts";
 * const sino = radonCentered(new Float64Array([1]), 1, 1, 5, [0, 90]);
 * console.assert(Math.abs(sino[2] - 1) < 1e-9 && Math.abs(sino[5 + 2] - 1) < 1e-9);
 * ```
 */
export function radonCentered(
  image: ArrayLike<number>,
  width: number,
  height: number,
  size: number,
  anglesDeg: readonly number[],
): Float64Array {
  checkPlacement(width, height, size);
  if (image.length !== width * height) {
    throw new RangeError(
      `Cannot project an image of length ${image.length}: expected ${width} x ${height} = ${
        width * height
      }`,
    );
  }
  checkAngles(anglesDeg);
  const w = width, h = height, n = size, ctr = Math.floor(n / 2);
  const left = Math.floor((n - w) / 2), top = Math.floor((n - h) / 2);
  const img = Float64Array.from(image);
  const out = new Float64Array(anglesDeg.length * n);
  for (let a = 0; a < anglesDeg.length; a++) {
    const th = (anglesDeg[a] * Math.PI) / 180;
    const cos = Math.cos(th), sin = Math.sin(th);
    for (let c = 0; c < n; c++) {
      const s = c - ctr;
      // Sample for canvas row r: x = ctr + s cos + (r - ctr) sin,
      // y = ctr - s sin + (r - ctr) cos; image coordinates subtract the offsets.
      const x0 = ctr + s * cos - ctr * sin - left;
      const y0 = ctr - s * sin - ctr * cos - top;
      // Rows where both coordinates lie in (-1, w) x (-1, h): bilinear support.
      let lo = 0, hi = n - 1;
      if (Math.abs(sin) > 1e-12) {
        const r1 = (-1 - x0) / sin, r2 = (w - x0) / sin;
        lo = Math.max(lo, Math.floor(Math.min(r1, r2)));
        hi = Math.min(hi, Math.ceil(Math.max(r1, r2)));
      } else if (x0 <= -1 || x0 >= w) continue;
      if (Math.abs(cos) > 1e-12) {
        const r1 = (-1 - y0) / cos, r2 = (h - y0) / cos;
        lo = Math.max(lo, Math.floor(Math.min(r1, r2)));
        hi = Math.min(hi, Math.ceil(Math.max(r1, r2)));
      } else if (y0 <= -1 || y0 >= h) continue;
      // Shifted by +1 so that truncation is floor on the support (-1, w):
      // x1 = x0 + r·sin + 1, y1 = y0 + r·cos + 1. A sample has its four
      // neighbours inside when 1 <= x1 < w and 1 <= y1 < h; x1 and y1 are
      // monotone in r (each rounding is), so those samples form one run
      // [ra, rb] between border samples, summed in order of r as before.
      let sum = 0, ra = lo;
      for (; ra <= hi; ra++) {
        const x1 = x0 + ra * sin + 1, y1 = y0 + ra * cos + 1;
        if (x1 >= 1 && x1 < w && y1 >= 1 && y1 < h) break;
        sum += borderSample(img, w, h, x1, y1);
      }
      let rb = hi;
      for (; rb > ra; rb--) {
        const x1 = x0 + rb * sin + 1, y1 = y0 + rb * cos + 1;
        if (x1 >= 1 && x1 < w && y1 >= 1 && y1 < h) break;
      }
      for (let r = ra; r <= rb; r++) {
        const x1 = x0 + r * sin + 1, y1 = y0 + r * cos + 1;
        const xf = (x1 | 0) - 1, yf = (y1 | 0) - 1;
        const fx = x1 - 1 - xf, fy = y1 - 1 - yf;
        const i = yf * w + xf;
        const top = img[i] + fx * (img[i + 1] - img[i]);
        const bottom = img[i + w] + fx * (img[i + w + 1] - img[i + w]);
        sum += top + fy * (bottom - top);
      }
      for (let r = Math.max(rb + 1, ra); r <= hi; r++) {
        sum += borderSample(img, w, h, x0 + r * sin + 1, y0 + r * cos + 1);
      }
      out[a * n + c] = sum;
    }
  }
  return out;
}

/**
 * The bilinear sample at (x1 − 1, y1 − 1) of a `w × h` image with zeros
 * outside, for a sample without all four neighbours inside; −0 outside
 * the bilinear support.
 */
function borderSample(
  img: Float64Array,
  w: number,
  h: number,
  x1: number,
  y1: number,
): number {
  // −0 where there is nothing to add: s + (−0) is s, bit for bit.
  if (x1 <= 0 || y1 <= 0) return -0;
  const xf = (x1 | 0) - 1, yf = (y1 | 0) - 1;
  if (xf >= w || yf >= h) return -0;
  const fx = x1 - 1 - xf, fy = y1 - 1 - yf;
  const v00 = xf >= 0 && yf >= 0 ? img[yf * w + xf] : 0;
  const v01 = xf + 1 < w && yf >= 0 ? img[yf * w + xf + 1] : 0;
  const v10 = xf >= 0 && yf + 1 < h ? img[(yf + 1) * w + xf] : 0;
  const v11 = xf + 1 < w && yf + 1 < h ? img[(yf + 1) * w + xf + 1] : 0;
  return (1 - fy) * ((1 - fx) * v00 + fx * v01) +
    fy * ((1 - fx) * v10 + fx * v11);
}

/**
 * Length of the zero-padded projection used for filtering, as in
 * scikit-image: the next power of two >= 2·⌈√2·N⌉, at least 64.
 *
 * @param size Detector count N.
 * @returns The padded length.
 *
 * @example Usage
 * ```ts
 * import { paddedLength } from "./_radon.ts";
 * console.assert(paddedLength(512) === 2048);
 * ```
 */
export function paddedLength(size: number): number {
  const diagonal = Math.ceil(Math.SQRT2 * size);
  return Math.max(64, 2 ** Math.ceil(Math.log2(2 * diagonal)));
}

/**
 * The ramp filter in the frequency domain (Kak & Slaney eq. 61, as
 * scikit-image's `_get_fourier_filter(size, "ramp")`): real and even.
 *
 * @param length Padded projection length (a power of two).
 * @returns `length` real filter gains.
 *
 * @example Zero gain at DC is small, gain rises with frequency
 * ```ts
 * import { rampFilter } from "./_radon.ts";
 * const h = rampFilter(64);
 * console.assert(h[0] < h[1] && h[1] < h[32]);
 * ```
 */
export function rampFilter(length: number): Float64Array {
  const fft = new FFT(length);
  const f = new Float64Array(2 * length);
  f[0] = 0.25;
  for (let k = 1; k < length; k += 2) {
    const nk = k <= length / 2 ? k : length - k;
    f[2 * k] = -1 / (Math.PI * nk) ** 2;
  }
  const spectrum = new Float64Array(2 * length);
  fft.transform(spectrum, f);
  const h = new Float64Array(length);
  for (let k = 0; k < length; k++) h[k] = 2 * spectrum[2 * k];
  return h;
}

/**
 * Ramp-filter every projection of a sinogram (zero-padded circular
 * convolution, as scikit-image). The result keeps one extra bin on each
 * side (`N + 4` per row, bin j at index j + 2) because linear interpolation
 * at the edge of the inscribed circle reads them.
 *
 * @param sinogram `angles x N` sinogram.
 * @param size Detector count N.
 * @returns Filtered projections, `angles x (N + 4)`.
 *
 * @example A constant projection's filtered mean is small
 * ```ts
 * import { filterSinogram } from "./_radon.ts";
 * const f = filterSinogram(new Float64Array(16).fill(1), 16);
 * console.assert(f.length === 20);
 * ```
 */
export function filterSinogram(
  sinogram: ArrayLike<number>,
  size: number,
): Float64Array {
  if (sinogram.length % size !== 0 || sinogram.length === 0) {
    throw new RangeError(
      `Cannot filter a sinogram of length ${sinogram.length}: expected a non-empty multiple of ${size}`,
    );
  }
  const n = size, rows = sinogram.length / n, width = n + 4;
  const p = paddedLength(n);
  const h = rampFilter(p);
  const fft = new FFT(p);
  const buf = new Float64Array(2 * p), spec = new Float64Array(2 * p);
  const out = new Float64Array(rows * width);
  // Two real projections per complex transform (the filter is real and even).
  for (let a = 0; a < rows; a += 2) {
    buf.fill(0);
    const two = a + 1 < rows;
    for (let j = 0; j < n; j++) {
      buf[2 * j] = sinogram[a * n + j];
      if (two) buf[2 * j + 1] = sinogram[(a + 1) * n + j];
    }
    fft.transform(spec, buf);
    for (let k = 0; k < p; k++) {
      spec[2 * k] *= h[k];
      spec[2 * k + 1] *= h[k];
    }
    fft.inverseTransform(buf, spec);
    for (let j = -2; j <= n + 1; j++) {
      const q = ((j % p) + p) % p;
      out[a * width + j + 2] = buf[2 * q];
      if (two) out[(a + 1) * width + j + 2] = buf[2 * q + 1];
    }
  }
  return out;
}

/**
 * Back-project filtered projections (from {@link filterSinogram}) with
 * linear interpolation, scale by π / (2·angles) and zero everything outside
 * the inscribed circle of radius N//2.
 *
 * @param filtered `angles x (N + 4)` filtered projections.
 * @param size Image side N.
 * @param anglesDeg The projection angles in degrees.
 * @returns The `N x N` reconstruction, row-major.
 *
 * @example Usage
 * ```ts
 * import { backProject, filterSinogram, radon } from "./_radon.ts";
 * const img = new Float64Array(32 * 32).fill(0);
 * img[16 * 32 + 16] = 1;
 * const angles = Array.from({ length: 32 }, (_, i) => (i * 180) / 32);
 * const rec = backProject(filterSinogram(radon(img, 32, angles), 32), 32, angles);
 * console.assert(rec[16 * 32 + 16] > rec[16 * 32 + 20]);
 * ```
 */
export function backProject(
  filtered: ArrayLike<number>,
  size: number,
  anglesDeg: readonly number[],
): Float64Array {
  return backProjectCentered(filtered, size, anglesDeg, size, size);
}

/**
 * {@link backProject} restricted to the centred `width x height`
 * rectangle of the `size x size` reconstruction (the counterpart of
 * {@link radonCentered}); pixels outside the inscribed circle are zero.
 *
 * @param filtered `angles x (size + 4)` filtered projections.
 * @param size Canvas side = detector bins.
 * @param anglesDeg The projection angles in degrees.
 * @param width Columns of the centred rectangle.
 * @param height Rows of the centred rectangle.
 * @returns The `width x height` part of the reconstruction, row-major.
 *
 * @example Usage
 * ```ts
 * import { backProjectCentered, filterSinogram, radonCentered } from "./_radon.ts";
 * const angles = [0, 60, 120];
 * const sino = radonCentered(new Float64Array([0, 1, 0]), 3, 1, 7, angles);
 * const rec = backProjectCentered(filterSinogram(sino, 7), 7, angles, 3, 1);
 * console.assert(rec.length === 3 && rec[1] > rec[0]);
 * ```
 */
export function backProjectCentered(
  filtered: ArrayLike<number>,
  size: number,
  anglesDeg: readonly number[],
  width: number,
  height: number,
): Float64Array {
  checkAngles(anglesDeg);
  checkPlacement(width, height, size);
  const n = size, bins = n + 4, ctr = Math.floor(n / 2);
  if (filtered.length !== anglesDeg.length * bins) {
    throw new RangeError(
      `Cannot back-project ${filtered.length} values: expected ${anglesDeg.length} angles x ${bins} bins`,
    );
  }
  const left = Math.floor((n - width) / 2), top = Math.floor((n - height) / 2);
  const f = Float64Array.from(filtered);
  const rec = new Float64Array(width * height);
  const r2 = ctr * ctr;
  // Per output row, the columns inside the inscribed circle (canvas coordinates).
  const colLo = new Int32Array(height), colHi = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    const dy = y + top - ctr, rest = r2 - dy * dy;
    if (rest < 0) {
      colLo[y] = 1;
      colHi[y] = 0;
      continue;
    }
    const half = Math.floor(Math.sqrt(rest));
    colLo[y] = Math.max(left, ctr - half);
    colHi[y] = Math.min(left + width - 1, ctr + half);
  }
  for (let a = 0; a < anglesDeg.length; a++) {
    const th = (anglesDeg[a] * Math.PI) / 180;
    const cos = Math.cos(th), sin = Math.sin(th);
    const base = a * bins, last = bins - 1;
    for (let y = 0; y < height; y++) {
      const c0 = colLo[y], c1 = colHi[y];
      // Bin position (+2 for the margin) of canvas column c: t + ctr + 2.
      let pos = (c0 - ctr) * cos - (y + top - ctr) * sin + ctr + 2;
      const o0 = y * width + c0 - left;
      for (let k = 0; k <= c1 - c0; k++, pos += cos) {
        // i = floor(pos) for pos >= 0; the bins i and i + 1 must exist
        // (inside the circle they always do). An int32 index keeps V8 on
        // its fast path: Math.floor here made the loop 3-4 times slower.
        const i = pos | 0;
        if (pos >= 0 && i < last) {
          const fr = pos - i;
          rec[o0 + k] += f[base + i] + fr * (f[base + i + 1] - f[base + i]);
        }
      }
    }
  }
  const scale = Math.PI / (2 * anglesDeg.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * width + x;
      const c = x + left;
      rec[o] = c >= colLo[y] && c <= colHi[y] ? rec[o] * scale : 0;
    }
  }
  return rec;
}

/**
 * Filtered back-projection with the ramp filter, as
 * `skimage.transform.iradon(sinogram.T, theta=anglesDeg, filter_name="ramp",
 * interpolation="linear", circle=True)`.
 *
 * @param sinogram `angles x N` sinogram (from {@link radon}).
 * @param size Image side N.
 * @param anglesDeg The projection angles in degrees.
 * @returns The `N x N` reconstruction, row-major.
 *
 * @example Full-view reconstruction of a disk
 * ```ts
 * import { iradon, radon } from "./_radon.ts";
 * const n = 32, img = new Float64Array(n * n);
 * for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
 *   if ((r - 16) ** 2 + (c - 16) ** 2 < 64) img[r * n + c] = 1;
 * }
 * const angles = Array.from({ length: 64 }, (_, i) => (i * 180) / 64);
 * const rec = iradon(radon(img, n, angles), n, angles);
 * console.assert(Math.abs(rec[16 * n + 16] - 1) < 0.1);
 * ```
 */
export function iradon(
  sinogram: ArrayLike<number>,
  size: number,
  anglesDeg: readonly number[],
): Float64Array {
  checkAngles(anglesDeg);
  if (sinogram.length !== anglesDeg.length * size) {
    throw new RangeError(
      `Cannot reconstruct from ${sinogram.length} values: expected ${anglesDeg.length} angles x ${size} bins`,
    );
  }
  return backProject(filterSinogram(sinogram, size), size, anglesDeg);
}

/**
 * Standard deviation of an FBP reconstruction (scale π / (2·angles)) per
 * unit standard deviation of white Gaussian noise in every sinogram bin,
 * averaged over the interpolation positions: σ_img = π/(2K) · sqrt(K ·
 * Σh² · (2 + ρ₁)/3), with h the spatial ramp kernel and ρ₁ its lag-1
 * autocorrelation. Lets a caller ask for a noise level in image units.
 *
 * @param size Detector bins.
 * @param angles Number of projections K.
 * @returns Image-domain std per unit sinogram std.
 *
 * @example More views average the noise down
 * ```ts
 * import { fbpNoiseGain } from "./_radon.ts";
 * console.assert(fbpNoiseGain(64, 100) < fbpNoiseGain(64, 10));
 * ```
 */
export function fbpNoiseGain(size: number, angles: number): number {
  const p = paddedLength(size);
  const h = rampFilter(p);
  const fft = new FFT(p);
  const spec = new Float64Array(2 * p), kernel = new Float64Array(2 * p);
  for (let k = 0; k < p; k++) spec[2 * k] = h[k];
  fft.inverseTransform(kernel, spec);
  let s0 = 0, s1 = 0;
  for (let j = 0; j < p; j++) {
    const v = kernel[2 * j];
    s0 += v * v;
    s1 += v * kernel[2 * ((j + 1) % p)];
  }
  const rho = s1 / s0;
  return (Math.PI / (2 * angles)) * Math.sqrt((angles * s0 * (2 + rho)) / 3);
}
