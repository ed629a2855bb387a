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
 * @example A centred point projects to the centre bin at every angle
 * ```ts
 * import { radon } from "./_radon.ts";
 * const img = new Float64Array(9 * 9);
 * img[4 * 9 + 4] = 1;
 * const sino = radon(img, 9, [0, 45, 90]);
 * console.assert(Math.abs(sino[4] - 1) < 1e-12 && Math.abs(sino[9 + 4] - 1) < 1e-12);
 * ```
 */
export function radon(
  image: ArrayLike<number>,
  size: number,
  anglesDeg: readonly number[],
): Float64Array {
  checkSquare(image, size, "an image");
  checkAngles(anglesDeg);
  const n = size, ctr = Math.floor(n / 2);
  const img = Float64Array.from(image);
  const out = new Float64Array(anglesDeg.length * n);
  for (let a = 0; a < anglesDeg.length; a++) {
    const th = (anglesDeg[a] * Math.PI) / 180;
    const cos = Math.cos(th), sin = Math.sin(th);
    for (let c = 0; c < n; c++) {
      const s = c - ctr;
      // Sample point for row r: x = ctr + s cos + (r - ctr) sin, y = ctr - s sin + (r - ctr) cos.
      const x0 = ctr + s * cos - ctr * sin, y0 = ctr - s * sin - ctr * cos;
      // Rows where both coordinates lie in (-1, n): bilinear support.
      let lo = 0, hi = n - 1;
      if (Math.abs(sin) > 1e-12) {
        const r1 = (-1 - x0) / sin, r2 = (n - x0) / sin;
        lo = Math.max(lo, Math.floor(Math.min(r1, r2)));
        hi = Math.min(hi, Math.ceil(Math.max(r1, r2)));
      }
      if (Math.abs(cos) > 1e-12) {
        const r1 = (-1 - y0) / cos, r2 = (n - y0) / cos;
        lo = Math.max(lo, Math.floor(Math.min(r1, r2)));
        hi = Math.min(hi, Math.ceil(Math.max(r1, r2)));
      }
      let sum = 0;
      for (let r = lo; r <= hi; r++) {
        const x = x0 + r * sin, y = y0 + r * cos;
        const xf = Math.floor(x), yf = Math.floor(y);
        const fx = x - xf, fy = y - yf;
        if (xf >= 0 && yf >= 0 && xf < n - 1 && yf < n - 1) {
          const i = yf * n + xf;
          sum += (1 - fy) * ((1 - fx) * img[i] + fx * img[i + 1]) +
            fy * ((1 - fx) * img[i + n] + fx * img[i + n + 1]);
        } else if (xf >= -1 && yf >= -1 && xf < n && yf < n) {
          const v00 = xf >= 0 && yf >= 0 ? img[yf * n + xf] : 0;
          const v01 = xf + 1 < n && yf >= 0 ? img[yf * n + xf + 1] : 0;
          const v10 = xf >= 0 && yf + 1 < n ? img[(yf + 1) * n + xf] : 0;
          const v11 = xf + 1 < n && yf + 1 < n ? img[(yf + 1) * n + xf + 1] : 0;
          sum += (1 - fy) * ((1 - fx) * v00 + fx * v01) +
            fy * ((1 - fx) * v10 + fx * v11);
        }
      }
      out[a * n + c] = sum;
    }
  }
  return out;
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
  checkAngles(anglesDeg);
  const n = size, width = n + 4, ctr = Math.floor(n / 2);
  if (filtered.length !== anglesDeg.length * width) {
    throw new RangeError(
      `Cannot back-project ${filtered.length} values: expected ${anglesDeg.length} angles x ${width} bins`,
    );
  }
  const f = Float64Array.from(filtered);
  const rec = new Float64Array(n * n);
  const r2 = ctr * ctr;
  const colLo = new Int32Array(n), colHi = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const dy = r - ctr, rest = r2 - dy * dy;
    if (rest < 0) {
      colLo[r] = 1;
      colHi[r] = 0;
      continue;
    }
    const half = Math.floor(Math.sqrt(rest));
    colLo[r] = Math.max(0, ctr - half);
    colHi[r] = Math.min(n - 1, ctr + half);
  }
  for (let a = 0; a < anglesDeg.length; a++) {
    const th = (anglesDeg[a] * Math.PI) / 180;
    const cos = Math.cos(th), sin = Math.sin(th);
    const base = a * width;
    for (let r = 0; r < n; r++) {
      const c0 = colLo[r], c1 = colHi[r];
      // Bin position (+2 for the margin) of column c: t + ctr + 2.
      let pos = (c0 - ctr) * cos - (r - ctr) * sin + ctr + 2;
      let o = r * n + c0;
      for (let c = c0; c <= c1; c++, o++, pos += cos) {
        const i = Math.floor(pos);
        const fr = pos - i;
        if (i >= 0 && i + 1 < width) {
          rec[o] += f[base + i] + fr * (f[base + i + 1] - f[base + i]);
        }
      }
    }
  }
  const scale = Math.PI / (2 * anglesDeg.length);
  for (let r = 0; r < n; r++) {
    const dy = r - ctr;
    for (let c = 0; c < n; c++) {
      const dx = c - ctr;
      const o = r * n + c;
      rec[o] = dx * dx + dy * dy > r2 ? 0 : rec[o] * scale;
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
