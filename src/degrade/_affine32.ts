/**
 * The clipped affine map of the intensity operators in float32,
 * `y = clip(fround(fround(a·x) + b), 0, 1)` with `a` and `b` rounded to
 * float32: WebAssembly SIMD over cache-sized chunks (copied in, mapped in
 * place, copied to the output) or the same operations in JavaScript; and
 * reduce_contrast's blend with the image mean. Internal to
 * src/degrade/.
 *
 * @module
 */

import { simdArena } from "./_simd.ts";
import { CHUNK, CHUNK_BYTES, chunkFor, loadWindow } from "./_chunk.ts";

/**
 * A new array with `clip(fround(fround(a·x) + b), 0, 1)` of every sample,
 * clipped as `v < 0 ? 0 : v > 1 ? 1 : v` (NaN stays NaN).
 *
 * @example Usage
 * ```ts
 * import { affineClip32 } from "./_affine32.ts";
 * const out = affineClip32(new Float32Array([0.25, 0.75]), 2, -0.75);
 * console.assert(out[0] === 0 && out[1] === 0.75);
 * ```
 */
export function affineClip32(
  src: Float32Array,
  a: number,
  b: number,
): Float32Array {
  const a32 = Math.fround(a), b32 = Math.fround(b);
  const n = src.length;
  const arena = simdArena(CHUNK_BYTES, 0);
  if (arena) {
    // A copy of the source mapped in place, chunk by chunk: the copy
    // constructor skips the zero fill of a fresh array, and the copy is
    // still in the cache when the chunks read it back (measured about 8%
    // faster on 512×512×3 than a zeroed output read from the source).
    const out = new Float32Array(src);
    const chunk = chunkFor(arena, out);
    for (let i = 0; i < n; i += CHUNK) {
      const view = loadWindow(chunk, out, i);
      arena.clamp32(view, view, a32, b32);
      out.set(view, i);
    }
    return out;
  }
  const out = new Float32Array(n);
  // a·x of two float32 values is exact in float64, so one fround gives the
  // float32 product; the sum of two float32 values rounded once to float64
  // and again to float32 (the store) is the float32 sum. With a = 1 the
  // product is x itself.
  if (a32 === 1) {
    for (let i = 0; i < n; i++) {
      const v = src[i] + b32;
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = Math.fround(a32 * src[i]) + b32;
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  return out;
}

/**
 * Images of up to this many samples (32 MiB of float32) may be processed
 * whole in the WebAssembly kernel's memory (ghosting_artifact does);
 * larger ones stream through chunks, so the module's memory (which never
 * shrinks) stays small.
 */
export const WHOLE_SAMPLES: number = 1 << 23;

/**
 * Samples per window of {@linkcode blendWithMean32} and
 * {@linkcode sampleMean}: 64 KiB and one cache line (a multiple of 16, as
 * sum4 needs; the offset to the arrays walks through the page as in
 * `_chunk.ts`).
 */
export const BLEND_CHUNK = 16400;

/**
 * A new array with `clip(alpha·x + (1 − alpha)·mean, 0, 1)` of every
 * sample in float32 (`affineClip32(src, alpha, (1 − alpha)·mean)`), the
 * mean by {@linkcode sampleMean}. With SIMD the output starts as a copy
 * of the source (the copy constructor skips a fresh array's zero fill),
 * is summed from the start, then mapped in place from the end in
 * `_chunk.ts` windows, so the map begins on the part the sum left in the
 * L2 cache. The same bits as the JavaScript loops.
 *
 * Measured on 512×512×3 in `deno task bench:degrade` (runs alternating
 * with the numpy reference, which evicts the caches): 1.0-1.2 ms, where
 * summing the source and then mapping it into a zeroed output through
 * 64 KiB windows took 1.1-1.3 ms (in a loop after a 24 MB write: 0.67-0.80
 * against 0.78-0.85 ms), and copying the whole image into the kernel's
 * memory, summing and mapping it there and copying it out 1.5 ms.
 *
 * @example Usage
 * ```ts
 * import { blendWithMean32 } from "./_affine32.ts";
 * const out = blendWithMean32(new Float32Array([0, 1]), 0.5);
 * console.assert(out[0] === 0.25 && out[1] === 0.75);
 * ```
 */
export function blendWithMean32(
  src: Float32Array,
  alpha: number,
): Float32Array {
  const n = src.length;
  if (!simdArena(CHUNK_BYTES, 0)) {
    return affineClip32(src, alpha, (1 - alpha) * sampleMean(src));
  }
  // The copy constructor skips the zero fill; the mean is taken from the
  // copy (the last part of which the copy left in the L2 cache).
  const out = new Float32Array(src), mean = sampleMean(out);
  const a = Math.fround(alpha), b = Math.fround((1 - alpha) * mean);
  // Taken after sampleMean, whose larger arena may grow the memory.
  const arena = simdArena(CHUNK_BYTES, 0)!, chunk = chunkFor(arena, out);
  for (let i = Math.floor((n - 1) / CHUNK) * CHUNK; i >= 0; i -= CHUNK) {
    const view = loadWindow(chunk, out, i);
    arena.clamp32(view, view, a, b);
    out.set(view, i);
  }
  return out;
}

/**
 * The mean of all samples from four running float64 sums: each group of
 * sixteen samples x[16j..16j + 15] adds to s_k (k < 4) the float32 sum
 * (x[16j + k] + x[16j + k + 4]) + (x[16j + k + 8] + x[16j + k + 12]); the
 * last length mod 16 samples go to s_0 in float64; the mean is ((s_0 +
 * s_1) + (s_2 + s_3)) / n. The four-sample sums cost one four-lane float32
 * add each where float64 sums of single samples needed a conversion per
 * sample (0.25 -> 0.19 ms for 512×512×3); their two float32 roundings
 * bound the error by 2·2^-24 of the mean of |x| (numpy sums float32
 * arrays wholly in float32). In WebAssembly SIMD over chunks when
 * available, `Math.fround` at each float32 step otherwise: the same sums
 * either way.
 *
 * @example Usage
 * ```ts
 * import { sampleMean } from "./_affine32.ts";
 * console.assert(sampleMean(new Float32Array([0.25, 0.75, 1, 0])) === 0.5);
 * ```
 */
export function sampleMean(src: Float32Array): number {
  const n = src.length;
  const arena = simdArena(4 * BLEND_CHUNK + 4096 + 32, 0);
  if (arena) {
    const sums = arena.f64(4), chunk = chunkFor(arena, src, BLEND_CHUNK);
    for (let i = 0; i < n; i += BLEND_CHUNK) {
      arena.sum4(sums, loadWindow(chunk, src, i));
    }
    return ((sums[0] + sums[1]) + (sums[2] + sums[3])) / n;
  }
  const f = Math.fround;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = 0;
  for (; i + 15 < n; i += 16) {
    s0 += f(f(src[i] + src[i + 4]) + f(src[i + 8] + src[i + 12]));
    s1 += f(f(src[i + 1] + src[i + 5]) + f(src[i + 9] + src[i + 13]));
    s2 += f(f(src[i + 2] + src[i + 6]) + f(src[i + 10] + src[i + 14]));
    s3 += f(f(src[i + 3] + src[i + 7]) + f(src[i + 11] + src[i + 15]));
  }
  for (; i < n; i++) s0 += src[i];
  return ((s0 + s1) + (s2 + s3)) / n;
}
