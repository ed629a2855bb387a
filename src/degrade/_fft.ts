/**
 * Exact discrete Fourier transforms of any length, in one and two
 * dimensions, with numpy's conventions (`numpy.fft.fft`, `ifft` scaled by
 * 1/n, `fftshift`, `ifftshift`). Power-of-two lengths go to the
 * WebAssembly SIMD kernel of `_fft_wasm.ts` (radix-4 Stockham, float64),
 * or, where WebAssembly SIMD is missing or turned off, to the radix-4 code
 * of the npm package fft.js; other lengths use Bluestein's chirp-z
 * algorithm on top of either, so a k-space mask always maps to the image's
 * own frequency grid (no zero padding of the image). {@linkcode complexRows}
 * transforms many rows in one call (one call into the kernel, no
 * per-row copies).
 *
 * Internal to src/degrade/; `signal.ts` makes `fft2`, `ifft2`, `fftshift2`,
 * `ifftshift2` and `frequencyIndex` public.
 *
 * @module
 */

import FFT from "fft.js";
import { fftSimdEnabled, type FftWasmRows, fftWasmRows } from "./_fft_wasm.ts";

/**
 * A transform of one fixed length n on interleaved values (re, im) in
 * place: `z[offset + 2k]`, `z[offset + 2k + 1]` for k < n; the inverse is
 * scaled by 1/n.
 */
interface Plan {
  run(z: Float64Array, offset: number, inverse: boolean): void;
}

/** A power-of-two transform on a buffer of its own (Bluestein's inner FFT). */
interface Inner {
  /** 2m values to fill, transform, and read. */
  buffer(): Float64Array;
  forward(): void;
  inverse(): void;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 2 && (n & (n - 1)) === 0;
}

function fftJsPlan(n: number): Plan {
  const fft = new FFT(n);
  const out = new Float64Array(2 * n);
  return {
    run(z, offset, inverse) {
      const row = z.subarray(offset, offset + 2 * n);
      if (inverse) fft.inverseTransform(out, row);
      else fft.transform(out, row);
      row.set(out);
    },
  };
}

function fftJsInner(m: number): Inner {
  const fft = new FFT(m);
  const data = new Float64Array(2 * m), out = new Float64Array(2 * m);
  return {
    buffer: () => data,
    forward() {
      fft.transform(out, data);
      data.set(out);
    },
    inverse() {
      fft.inverseTransform(out, data);
      data.set(out);
    },
  };
}

function wasmInner(m: number): Inner {
  let rows: FftWasmRows;
  return {
    buffer() {
      // Take the kernel's memory again: another transform may have used it.
      rows = fftWasmRows(m, 1)!;
      return rows.data;
    },
    forward: () => rows.forward(),
    inverse: () => rows.inverse(),
  };
}

function bluesteinPlan(n: number, innerFor: (m: number) => Inner): Plan {
  let m = 2;
  while (m < 2 * n - 1) m *= 2;
  const inner = innerFor(m);
  // Chirp w_k = exp(-i pi k^2 / n); k^2 is reduced mod 2n for precision.
  const wRe = new Float64Array(n), wIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    wRe[k] = Math.cos(angle);
    wIm[k] = -Math.sin(angle);
  }
  const b = inner.buffer();
  b.fill(0);
  for (let k = 0; k < n; k++) {
    b[2 * k] = wRe[k];
    b[2 * k + 1] = -wIm[k];
    if (k > 0) {
      b[2 * (m - k)] = wRe[k];
      b[2 * (m - k) + 1] = -wIm[k];
    }
  }
  inner.forward();
  const bHat = b.slice();
  return {
    // The inverse is conj(forward(conj(x))) / n.
    run(z, offset, inverse) {
      const sign = inverse ? -1 : 1;
      const a = inner.buffer();
      a.fill(0);
      for (let k = 0, i = offset; k < n; k++, i += 2) {
        const re = z[i], im = sign * z[i + 1];
        a[2 * k] = re * wRe[k] - im * wIm[k];
        a[2 * k + 1] = re * wIm[k] + im * wRe[k];
      }
      inner.forward();
      for (let k = 0; k < m; k++) {
        const xr = a[2 * k], xi = a[2 * k + 1];
        const yr = bHat[2 * k], yi = bHat[2 * k + 1];
        a[2 * k] = xr * yr - xi * yi;
        a[2 * k + 1] = xr * yi + xi * yr;
      }
      inner.inverse();
      const scale = inverse ? 1 / n : 1;
      for (let k = 0, i = offset; k < n; k++, i += 2) {
        const cr = a[2 * k], ci = a[2 * k + 1];
        if (inverse) {
          z[i] = (cr * wRe[k] - ci * wIm[k]) * scale;
          z[i + 1] = -(cr * wIm[k] + ci * wRe[k]) * scale;
        } else {
          z[i] = cr * wRe[k] - ci * wIm[k];
          z[i + 1] = cr * wIm[k] + ci * wRe[k];
        }
      }
    },
  };
}

/** fft.js plans, and plans whose inner transforms use the SIMD kernel. */
const jsPlans = new Map<number, Plan>();
const wasmPlans = new Map<number, Plan>();
const IDENTITY: Plan = { run() {} };

function checkLength(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `Cannot transform a length of ${n}: expected a positive integer`,
    );
  }
}

/** The JavaScript-side plan for n (not used for powers of two with SIMD). */
function planFor(n: number): Plan {
  if (n === 1) return IDENTITY;
  const simd = fftSimdEnabled();
  const plans = simd ? wasmPlans : jsPlans;
  let plan = plans.get(n);
  if (!plan) {
    plan = isPowerOfTwo(n)
      ? fftJsPlan(n)
      : bluesteinPlan(n, simd ? wasmInner : fftJsInner);
    plans.set(n, plan);
  }
  return plan;
}

/**
 * `rows` rows of `n` complex values, interleaved, transformed in place,
 * all rows in one call: see {@linkcode complexRows}.
 */
export interface ComplexRows {
  /** Values per row. */
  readonly n: number;
  /** Number of rows. */
  readonly rows: number;
  /**
   * The `rows · n` complex values: value k of row r at `[2(r·n + k)]` (re)
   * and `[2(r·n + k) + 1]` (im). Not zeroed: write every value. For a
   * power of two n this is a view on the WebAssembly kernel's memory,
   * valid until the next transform by this module (any of its functions).
   */
  readonly data: Float64Array;
  /** Forward DFT of every row (as `numpy.fft.fft` along the last axis). */
  forward(): void;
  /** Inverse DFT of every row, scaled by 1/n (as `numpy.fft.ifft`). */
  inverse(): void;
}

/**
 * Take `rows` rows of `n` complex values to transform in place, all rows
 * in one call (into the WebAssembly kernel when n is a power of two and
 * WebAssembly SIMD is available, otherwise row by row with fft.js or
 * Bluestein). Fill `data`, then call `forward()` / `inverse()` as often as
 * needed; `data` holds the result. Calling any other transform of this
 * module in between invalidates the rows (their transforms then throw).
 *
 * @param n Values per row (any positive integer).
 * @param rows Number of rows.
 * @returns The rows.
 *
 * @example Usage
 * ```ts
 * import { complexRows } from "./_fft.ts";
 * const z = complexRows(3, 2);
 * z.data.set([1, 0, 2, 0, 3, 0, 1, 1, 1, 1, 1, 1]);
 * z.forward();
 * console.assert(Math.abs(z.data[0] - 6) < 1e-12 && Math.abs(z.data[7] - 3) < 1e-12);
 * z.inverse();
 * console.assert(Math.abs(z.data[4] - 3) < 1e-12);
 * ```
 */
export function complexRows(n: number, rows: number): ComplexRows {
  checkLength(n);
  if (!Number.isInteger(rows) || rows < 0) {
    throw new RangeError(
      `Cannot transform ${rows} rows: expected a non-negative integer`,
    );
  }
  const wasm = fftWasmRows(n, rows);
  if (wasm) {
    return {
      n,
      rows,
      data: wasm.data,
      forward: wasm.forward,
      inverse: wasm.inverse,
    };
  }
  const data = new Float64Array(2 * n * rows);
  const plan = planFor(n);
  const run = (inverse: boolean) => {
    for (let r = 0; r < rows; r++) plan.run(data, 2 * n * r, inverse);
  };
  return {
    n,
    rows,
    data,
    forward: () => run(false),
    inverse: () => run(true),
  };
}

function checkPair(re: Float64Array, im: Float64Array, n: number): void {
  if (re.length !== n || im.length !== n) {
    throw new RangeError(
      `Cannot transform arrays of lengths ${re.length} and ${im.length}: expected both to be ${n}`,
    );
  }
}

function transform1(re: Float64Array, im: Float64Array, inverse: boolean) {
  const n = re.length;
  checkLength(n);
  checkPair(re, im, n);
  if (n === 1) return;
  const rows = complexRows(n, 1);
  const z = rows.data;
  for (let k = 0; k < n; k++) {
    z[2 * k] = re[k];
    z[2 * k + 1] = im[k];
  }
  if (inverse) rows.inverse();
  else rows.forward();
  for (let k = 0; k < n; k++) {
    re[k] = z[2 * k];
    im[k] = z[2 * k + 1];
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
  transform1(re, im, false);
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
  transform1(re, im, true);
}

function transform2(
  re: Float64Array,
  im: Float64Array,
  width: number,
  height: number,
  inverse: boolean,
): void {
  checkPair(re, im, width * height);
  const byRow = complexRows(width, height);
  let z = byRow.data;
  for (let i = 0; i < width * height; i++) {
    z[2 * i] = re[i];
    z[2 * i + 1] = im[i];
  }
  if (inverse) byRow.inverse();
  else byRow.forward();
  for (let i = 0; i < width * height; i++) {
    re[i] = z[2 * i];
    im[i] = z[2 * i + 1];
  }
  const byColumn = complexRows(height, width);
  z = byColumn.data;
  for (let x = 0, o = 0; x < width; x++) {
    for (let y = 0, i = x; y < height; y++, i += width, o += 2) {
      z[o] = re[i];
      z[o + 1] = im[i];
    }
  }
  if (inverse) byColumn.inverse();
  else byColumn.forward();
  for (let x = 0, o = 0; x < width; x++) {
    for (let y = 0, i = x; y < height; y++, i += width, o += 2) {
      re[i] = z[o];
      im[i] = z[o + 1];
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
 * import { fft2 } from "./signal.ts";
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
 * import { fft2, ifft2 } from "./signal.ts";
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
 * import { fftshift2 } from "./signal.ts";
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
 * import { ifftshift2 } from "./signal.ts";
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
 * import { frequencyIndex } from "./signal.ts";
 * console.assert(frequencyIndex(3, 4) === -1);
 * ```
 */
export function frequencyIndex(k: number, n: number): number {
  return k < Math.ceil(n / 2) ? k : k - n;
}
