/**
 * The blur filters of the operators in float32 arithmetic (every add and
 * multiply rounded to float32, as WebAssembly f32x4 lanes do): the
 * sparse-tap convolution of motion_blur and xray_motion_blur_artifact and
 * the separable Gaussian of gaussian_blur and bubble_artifact, both with
 * SciPy `ndimage` mode 'reflect'. Float32 halves the memory traffic and
 * doubles the lanes of the float64 filters in `_filters.ts`; an 8-bit
 * image cannot tell the two apart (relative error ~1e-6). The JavaScript
 * fallback rounds after each operation and gives the same bits.
 * Internal to src/degrade/.
 *
 * @module
 */

import { gaussianKernel, reflectIndex, type Tap } from "./_filters.ts";
import { simdArena } from "./_simd.ts";

/**
 * `acc[base + x] = fround(acc[base + x] + fround(w[t] · src[offs[t] + x]))`
 * for x in [0, n), taps t in order (the JavaScript twin of the SIMD
 * `acc32`). A product of two float32 values is exact in float64, so one
 * fround gives the float32 product; storing a float64 sum of two float32
 * values into a Float32Array gives their float32 sum.
 */
function accumulate32(
  acc: Float32Array,
  base: number,
  src: Float32Array,
  offs: Int32Array,
  w: Float32Array,
  count: number,
  n: number,
): void {
  const f = Math.fround;
  for (let t = 0; t < count; t++) {
    const o = offs[t] - base, wt = w[t];
    for (let x = base; x < base + n; x++) acc[x] = acc[x] + f(wt * src[o + x]);
  }
}

/**
 * Convolve one plane with sparse taps, mode 'reflect' (`ndimage.convolve`),
 * in float32: weights rounded to float32, each output the float32 sum of
 * its taps in order. The plane is padded by reflection once.
 *
 * @example Usage
 * ```ts
 * import { convolveTaps32 } from "./_filters32.ts";
 * const out = convolveTaps32(new Float32Array([1, 2, 3]), 3, 1, [{ dy: 0, dx: 1, w: 1 }]);
 * console.assert(out[0] === 1 && out[1] === 1 && out[2] === 2);
 * ```
 */
export function convolveTaps32(
  plane: Float32Array,
  width: number,
  height: number,
  taps: readonly Tap[],
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  const live = taps.filter((t) => Math.fround(t.w) !== 0);
  let py = 0, px = 0;
  for (const { dy, dx } of live) {
    py = Math.max(py, Math.abs(dy));
    px = Math.max(px, Math.abs(dx));
  }
  const pw = width + 2 * px, ph = height + 2 * py;
  const arena = simdArena(
    4 * (pw * ph + width + live.length) + 64,
    live.length,
  );
  const f32 = (n: number) => arena ? arena.f32(n) : new Float32Array(n);
  const sum = arena ? arena.acc32 : accumulate32;
  const padded = f32(pw * ph);
  const cols = new Int32Array(pw);
  for (let c = 0; c < pw; c++) cols[c] = reflectIndex(c - px, width);
  for (let r = 0; r < ph; r++) {
    const src = reflectIndex(r - py, height) * width, dst = r * pw;
    padded.set(plane.subarray(src, src + width), dst + px);
    for (let c = 0; c < px; c++) {
      padded[dst + c] = plane[src + cols[c]];
      padded[dst + pw - 1 - c] = plane[src + cols[pw - 1 - c]];
    }
  }
  const w = f32(live.length);
  w.set(live.map((t) => t.w));
  const rel = Int32Array.from(live, (t) => (py - t.dy) * pw + px - t.dx);
  const offs = new Int32Array(live.length);
  const acc = f32(width);
  for (let r = 0; r < height; r++) {
    for (let t = 0; t < live.length; t++) offs[t] = r * pw + rel[t];
    acc.fill(0);
    sum(acc, 0, padded, offs, w, live.length, width);
    out.set(acc, r * width);
  }
  return out;
}

/**
 * `ndimage.gaussian_filter(plane, sigma, mode='reflect', truncate)` in
 * float32 (kernel rounded to float32, taps summed in order), computed and
 * written to `out` only for rows [r0, r1) and columns [c0, c1); the values
 * are those of the whole filtered plane, bit for bit.
 *
 * @example Usage
 * ```ts
 * import { gaussianRegion32 } from "./_filters32.ts";
 * const out = new Float32Array(9);
 * gaussianRegion32(new Float32Array(9).fill(0.5), 3, 3, 1, 4, out, 0, 3, 0, 3);
 * console.assert(Math.abs(out[4] - 0.5) < 1e-6);
 * ```
 */
export function gaussianRegion32(
  plane: Float32Array,
  width: number,
  height: number,
  sigma: number,
  truncate: number,
  out: Float32Array,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): void {
  if (r1 <= r0 || c1 <= c0) return;
  const kernel = gaussianKernel(sigma, truncate);
  const r = (kernel.length - 1) / 2, taps = kernel.length;
  const arena = simdArena(
    4 * (width * height + 2 * width + 2 * r + taps) + 64,
    taps,
  );
  const f32 = (n: number) => arena ? arena.f32(n) : new Float32Array(n);
  const sum = arena ? arena.acc32 : accumulate32;
  const k = f32(taps);
  k.set(kernel);
  const rows = new Int32Array(r1 - r0 + 2 * r);
  const needed = new Uint8Array(height);
  for (let y = 0; y < rows.length; y++) {
    rows[y] = reflectIndex(r0 - r + y, height);
    needed[rows[y]] = 1;
  }
  // Horizontal pass over a reflect-padded copy of each needed row, only
  // in the columns the vertical pass reads.
  const tmp = f32(width * height), ext = f32(width + 2 * r);
  const cols = new Int32Array(width + 2 * r);
  for (let c = 0; c < cols.length; c++) cols[c] = reflectIndex(c - r, width);
  const offs = new Int32Array(taps);
  for (let j = 0; j < taps; j++) offs[j] = j + c0;
  for (let y = 0; y < height; y++) {
    if (!needed[y]) continue;
    const row = y * width;
    ext.set(plane.subarray(row, row + width), r);
    for (let c = 0; c < r; c++) {
      ext[c] = plane[row + cols[c]];
      ext[ext.length - 1 - c] = plane[row + cols[ext.length - 1 - c]];
    }
    tmp.fill(0, row + c0, row + c1);
    sum(tmp, row + c0, ext, offs, k, taps, c1 - c0);
  }
  // Vertical pass, one output row at a time.
  const acc = f32(width);
  for (let y = r0; y < r1; y++) {
    for (let j = 0; j < taps; j++) offs[j] = rows[y - r0 + j] * width + c0;
    acc.fill(0, c0, c1);
    sum(acc, c0, tmp, offs, k, taps, c1 - c0);
    out.set(acc.subarray(c0, c1), y * width + c0);
  }
}
