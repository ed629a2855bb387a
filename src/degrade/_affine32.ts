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
import { CHUNK, CHUNK_BYTES, chunkFor } from "./_chunk.ts";

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
      const m = Math.min(CHUNK, n - i);
      const view = m === CHUNK ? chunk : chunk.subarray(0, m);
      view.set(out.subarray(i, i + m));
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
 * Samples per window of {@linkcode blendWithMean32}: 64 KiB and one cache
 * line (a multiple of 16, as sum16 needs; the offset to the arrays walks
 * through the page as in `_chunk.ts`).
 */
export const BLEND_CHUNK = 16400;

/**
 * A new array with `clip(alpha·x + (1 − alpha)·mean, 0, 1)` of every
 * sample in float32 (`affineClip32(src, alpha, (1 − alpha)·mean)`), the
 * mean over all samples by {@linkcode sampleMean}'s sums. With SIMD the
 * source streams twice through a window of the kernel's memory: summed
 * from the start, then mapped from the end into a zeroed output, so the
 * map begins on the part of the source the sum left in the L2 cache. The
 * same bits as the JavaScript loops.
 *
 * Measured on 512×512×3 between runs of the numpy reference (which evict
 * the caches): 0.85-1.0 ms, where copying the whole image into the
 * kernel's memory once, summing and mapping it there and copying it out
 * took 1.5 ms (four passes over 3 MB that does not fit the 2 MiB L2).
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
  const arena = simdArena(4 * BLEND_CHUNK + 4096 + 16 * 8, 0);
  if (!arena) {
    return affineClip32(src, alpha, (1 - alpha) * sampleMean(src));
  }
  const sums = arena.f64(16), out = new Float32Array(n);
  const chunk = chunkFor(arena, out, BLEND_CHUNK);
  const window = (i: number): Float32Array => {
    const m = Math.min(BLEND_CHUNK, n - i);
    const view = m === BLEND_CHUNK ? chunk : chunk.subarray(0, m);
    view.set(src.subarray(i, i + m));
    return view;
  };
  for (let i = 0; i < n; i += BLEND_CHUNK) arena.sum16(sums, window(i));
  const mean = pairwiseSum16(sums) / n;
  const a = Math.fround(alpha), b = Math.fround((1 - alpha) * mean);
  for (
    let i = Math.floor((n - 1) / BLEND_CHUNK) * BLEND_CHUNK;
    i >= 0;
    i -= BLEND_CHUNK
  ) {
    const view = window(i);
    arena.clamp32(view, view, a, b);
    out.set(view, i);
  }
  return out;
}

/**
 * The mean of all samples from sixteen running float64 sums (independent
 * add chains; the last length mod 16 samples go to the first), added
 * pairwise at the end, in WebAssembly SIMD over chunks when available: the
 * same sums either way.
 *
 * @example Usage
 * ```ts
 * import { sampleMean } from "./_affine32.ts";
 * console.assert(sampleMean(new Float32Array([0.25, 0.75, 1, 0])) === 0.5);
 * ```
 */
export function sampleMean(src: Float32Array): number {
  const n = src.length;
  const arena = simdArena(CHUNK_BYTES + 128, 0);
  let s: ArrayLike<number>;
  if (arena) {
    const sums = arena.f64(16), chunk = chunkFor(arena, src);
    for (let i = 0; i < n; i += CHUNK) {
      const m = Math.min(CHUNK, n - i);
      const view = m === CHUNK ? chunk : chunk.subarray(0, m);
      view.set(src.subarray(i, i + m));
      arena.sum16(sums, view);
    }
    s = sums;
  } else {
    const sums = new Float64Array(16);
    let i = 0;
    for (; i + 15 < n; i += 16) {
      for (let k = 0; k < 16; k++) sums[k] += src[i + k];
    }
    for (; i < n; i++) sums[0] += src[i];
    s = sums;
  }
  return pairwiseSum16(s) / n;
}

/** ((s0 + s1) + (s2 + s3)) + ...: the sixteen sums added as a balanced tree. */
function pairwiseSum16(s: ArrayLike<number>): number {
  const t = [0, 0, 0, 0];
  for (let q = 0; q < 4; q++) {
    t[q] = (s[4 * q] + s[4 * q + 1]) + (s[4 * q + 2] + s[4 * q + 3]);
  }
  return (t[0] + t[1]) + (t[2] + t[3]);
}
