/**
 * Exact discrete Fourier transforms of any length, in one and two
 * dimensions, with numpy's conventions (`numpy.fft.fft`, `ifft` scaled by
 * 1/n, `fftshift`, `ifftshift`). Power-of-two lengths go straight to the
 * radix-4 code of the npm package fft.js; other lengths use Bluestein's
 * chirp-z algorithm on top of it, so a k-space mask always maps to the
 * image's own frequency grid (no zero padding of the image).
 *
 * Private to the degradation engine.
 *
 * @module
 */

import FFT from "fft.js";

/** A transform of one fixed length, working in place on split arrays. */
interface Plan {
  forward(re: Float64Array, im: Float64Array): void;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 2 && (n & (n - 1)) === 0;
}

function radix2Plan(n: number): Plan {
  const fft = new FFT(n);
  const input = new Float64Array(2 * n);
  const output = new Float64Array(2 * n);
  return {
    forward(re, im) {
      for (let k = 0; k < n; k++) {
        input[2 * k] = re[k];
        input[2 * k + 1] = im[k];
      }
      fft.transform(output, input);
      for (let k = 0; k < n; k++) {
        re[k] = output[2 * k];
        im[k] = output[2 * k + 1];
      }
    },
  };
}

function bluesteinPlan(n: number): Plan {
  let m = 2;
  while (m < 2 * n - 1) m *= 2;
  const fft = new FFT(m);
  // Chirp w_k = exp(-i pi k^2 / n); k^2 is reduced mod 2n for precision.
  const wRe = new Float64Array(n), wIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    wRe[k] = Math.cos(angle);
    wIm[k] = -Math.sin(angle);
  }
  const b = new Float64Array(2 * m);
  for (let k = 0; k < n; k++) {
    b[2 * k] = wRe[k];
    b[2 * k + 1] = -wIm[k];
    if (k > 0) {
      b[2 * (m - k)] = wRe[k];
      b[2 * (m - k) + 1] = -wIm[k];
    }
  }
  const bHat = new Float64Array(2 * m);
  fft.transform(bHat, b);
  const a = new Float64Array(2 * m);
  const aHat = new Float64Array(2 * m);
  return {
    forward(re, im) {
      a.fill(0);
      for (let k = 0; k < n; k++) {
        a[2 * k] = re[k] * wRe[k] - im[k] * wIm[k];
        a[2 * k + 1] = re[k] * wIm[k] + im[k] * wRe[k];
      }
      fft.transform(aHat, a);
      for (let k = 0; k < m; k++) {
        const xr = aHat[2 * k], xi = aHat[2 * k + 1];
        const yr = bHat[2 * k], yi = bHat[2 * k + 1];
        aHat[2 * k] = xr * yr - xi * yi;
        aHat[2 * k + 1] = xr * yi + xi * yr;
      }
      fft.inverseTransform(a, aHat);
      for (let k = 0; k < n; k++) {
        const cr = a[2 * k], ci = a[2 * k + 1];
        re[k] = cr * wRe[k] - ci * wIm[k];
        im[k] = cr * wIm[k] + ci * wRe[k];
      }
    },
  };
}

const plans = new Map<number, Plan>();

function planFor(n: number): Plan {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `Cannot transform a length of ${n}: expected a positive integer`,
    );
  }
  let plan = plans.get(n);
  if (!plan) {
    plan = n === 1
      ? { forward() {} }
      : isPowerOfTwo(n)
      ? radix2Plan(n)
      : bluesteinPlan(n);
    plans.set(n, plan);
  }
  return plan;
}

function checkPair(re: Float64Array, im: Float64Array, n: number): void {
  if (re.length !== n || im.length !== n) {
    throw new RangeError(
      `Cannot transform arrays of lengths ${re.length} and ${im.length}: expected both to be ${n}`,
    );
  }
}

/**
 * Forward DFT in place, X_k = Σ x_j exp(-2πi jk/n) (as `numpy.fft.fft`).
 *
 * @param re Real parts (overwritten).
 * @param im Imaginary parts (overwritten), same length.
 *
 * @example Usage
 * ```ts
 * import { fft } from "./_fft.ts";
 * const re = new Float64Array([1, 2, 3]), im = new Float64Array(3);
 * fft(re, im);
 * console.assert(Math.abs(re[0] - 6) < 1e-12);
 * ```
 */
export function fft(re: Float64Array, im: Float64Array): void {
  checkPair(re, im, re.length);
  planFor(re.length).forward(re, im);
}

/**
 * Inverse DFT in place, scaled by 1/n (as `numpy.fft.ifft`).
 *
 * @param re Real parts (overwritten).
 * @param im Imaginary parts (overwritten), same length.
 *
 * @example Round trip
 * ```ts
 * import { fft, ifft } from "./_fft.ts";
 * const re = new Float64Array([1, 2, 3]), im = new Float64Array(3);
 * fft(re, im);
 * ifft(re, im);
 * console.assert(Math.abs(re[2] - 3) < 1e-12);
 * ```
 */
export function ifft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  checkPair(re, im, n);
  for (let k = 0; k < n; k++) im[k] = -im[k];
  planFor(n).forward(re, im);
  for (let k = 0; k < n; k++) {
    re[k] /= n;
    im[k] = -im[k] / n;
  }
}

function transform2(
  re: Float64Array,
  im: Float64Array,
  width: number,
  height: number,
  inverse: boolean,
): void {
  checkPair(re, im, width * height);
  const one = inverse ? ifft : fft;
  const rowRe = new Float64Array(width), rowIm = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    const o = y * width;
    rowRe.set(re.subarray(o, o + width));
    rowIm.set(im.subarray(o, o + width));
    one(rowRe, rowIm);
    re.set(rowRe, o);
    im.set(rowIm, o);
  }
  const colRe = new Float64Array(height), colIm = new Float64Array(height);
  for (let x = 0; x < width; x++) {
    for (let y = 0, i = x; y < height; y++, i += width) {
      colRe[y] = re[i];
      colIm[y] = im[i];
    }
    one(colRe, colIm);
    for (let y = 0, i = x; y < height; y++, i += width) {
      re[i] = colRe[y];
      im[i] = colIm[y];
    }
  }
}

/**
 * Forward 2-D DFT in place of a row-major `height x width` complex array
 * (as `numpy.fft.fft2`).
 *
 * @param re Real parts, `width * height` (overwritten).
 * @param im Imaginary parts (overwritten).
 * @param width Columns.
 * @param height Rows.
 *
 * @example Usage
 * ```ts
 * import { fft2 } from "./_fft.ts";
 * const re = new Float64Array([1, 1, 1, 1, 1, 1]), im = new Float64Array(6);
 * fft2(re, im, 3, 2);
 * console.assert(re[0] === 6 && Math.abs(re[1]) < 1e-12);
 * ```
 */
export function fft2(
  re: Float64Array,
  im: Float64Array,
  width: number,
  height: number,
): void {
  transform2(re, im, width, height, false);
}

/**
 * Inverse 2-D DFT in place, scaled by 1/(width·height) (as `numpy.fft.ifft2`).
 *
 * @param re Real parts, `width * height` (overwritten).
 * @param im Imaginary parts (overwritten).
 * @param width Columns.
 * @param height Rows.
 *
 * @example Round trip
 * ```ts
 * import { fft2, ifft2 } from "./_fft.ts";
 * const re = new Float64Array([1, 2, 3, 4, 5, 6]), im = new Float64Array(6);
 * fft2(re, im, 3, 2);
 * ifft2(re, im, 3, 2);
 * console.assert(Math.abs(re[5] - 6) < 1e-12);
 * ```
 */
export function ifft2(
  re: Float64Array,
  im: Float64Array,
  width: number,
  height: number,
): void {
  transform2(re, im, width, height, true);
}

function roll2(
  data: Float64Array,
  width: number,
  height: number,
  dx: number,
  dy: number,
): Float64Array {
  if (data.length !== width * height) {
    throw new RangeError(
      `Cannot shift an array of length ${data.length}: expected ${width} x ${height} = ${
        width * height
      }`,
    );
  }
  const out = new Float64Array(data.length);
  for (let y = 0; y < height; y++) {
    const ty = (y + dy) % height;
    for (let x = 0; x < width; x++) {
      out[ty * width + ((x + dx) % width)] = data[y * width + x];
    }
  }
  return out;
}

/**
 * Move the zero frequency to the centre, (⌊height/2⌋, ⌊width/2⌋), as
 * `numpy.fft.fftshift` on both axes. Returns a new array.
 *
 * @param data Row-major `height x width` values.
 * @param width Columns.
 * @param height Rows.
 * @returns The shifted copy.
 *
 * @example Usage
 * ```ts
 * import { fftshift2 } from "./_fft.ts";
 * const s = fftshift2(new Float64Array([0, 1, 2]), 3, 1);
 * console.assert(s.join() === "2,0,1");
 * ```
 */
export function fftshift2(
  data: Float64Array,
  width: number,
  height: number,
): Float64Array {
  return roll2(data, width, height, width >> 1, height >> 1);
}

/**
 * Undo {@link fftshift2} (as `numpy.fft.ifftshift` on both axes). Returns a
 * new array.
 *
 * @param data Row-major `height x width` values.
 * @param width Columns.
 * @param height Rows.
 * @returns The shifted copy.
 *
 * @example Usage
 * ```ts
 * import { ifftshift2 } from "./_fft.ts";
 * const s = ifftshift2(new Float64Array([2, 0, 1]), 3, 1);
 * console.assert(s.join() === "0,1,2");
 * ```
 */
export function ifftshift2(
  data: Float64Array,
  width: number,
  height: number,
): Float64Array {
  return roll2(
    data,
    width,
    height,
    width - (width >> 1),
    height - (height >> 1),
  );
}

/**
 * Signed frequency index of DFT bin `k` of `n` (as `numpy.fft.fftfreq(n) * n`):
 * 0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1.
 *
 * @param k Bin index in [0, n).
 * @param n Transform length.
 * @returns The signed frequency in cycles per n samples.
 *
 * @example Usage
 * ```ts
 * import { frequencyIndex } from "./_fft.ts";
 * console.assert(frequencyIndex(3, 4) === -1);
 * ```
 */
export function frequencyIndex(k: number, n: number): number {
  return k < Math.ceil(n / 2) ? k : k - n;
}
