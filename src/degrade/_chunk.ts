/**
 * Chunks for streaming JavaScript arrays through the WebAssembly kernel's
 * memory: cache-sized windows that keep the copies in and out clear of
 * 4K aliasing. A copy between two addresses equal modulo 4096 bytes (or
 * with the destination just past the source) runs up to four times slower:
 * loads wait on stores and the lines fight over the same L1 sets. Where a
 * fresh output array lands is up to the allocator, so no fixed placement
 * can avoid it; instead a chunk is 64 bytes longer than 16 KiB, and the
 * offset between the window and the array walks through every cache line
 * of a page as the chunks advance. Measured on 512×512×3 float32 (copy in,
 * clamp, copy out): a bad alignment took 2.0-2.7 ms with 4096-sample
 * chunks, 0.6-0.8 ms with these, every alignment. Internal to src/degrade/.
 *
 * @module
 */

import type { SimdArena } from "./_simd.ts";

/**
 * Samples per chunk: 16 KiB and one cache line, so a chunk stays in the L1
 * cache and the chunks of an array start on every cache line of a page in
 * turn. A multiple of 16 samples (whole vectors for the four-lane kernels).
 */
export const CHUNK = 4112;

/** Arena bytes {@linkcode chunkFor} takes. */
export const CHUNK_BYTES: number = 4 * CHUNK + 4096;

/**
 * A `length`-sample float32 window of `arena` (default `CHUNK`) whose
 * address is half a page (2048 bytes) away from `like`'s modulo 4096 when
 * `like`'s buffer starts on a page boundary (as mmapped buffers do); takes
 * `4 * length + 4096` bytes of the arena.
 *
 * @example Usage
 * ```ts
 * import { CHUNK, CHUNK_BYTES, chunkFor } from "./_chunk.ts";
 * import { simdArena } from "./_simd.ts";
 * const arena = simdArena(CHUNK_BYTES, 0);
 * if (arena) console.assert(chunkFor(arena, new Float32Array(8)).length === CHUNK);
 * ```
 */
export function chunkFor(
  arena: SimdArena,
  like: Float32Array,
  length: number = CHUNK,
): Float32Array {
  const room = arena.f32(length + 1024);
  const shift = (((like.byteOffset + 2048 - room.byteOffset) % 4096) + 4096) %
    4096;
  return room.subarray(shift / 4, shift / 4 + length);
}

/**
 * Fill `window` from `src[start..]` with as many samples as fit (the whole
 * window, or a prefix of it at the end of `src`) and return the filled
 * view, the samples to process next.
 *
 * @example Usage
 * ```ts
 * import { loadWindow } from "./_chunk.ts";
 * const view = loadWindow(new Float32Array(4), new Float32Array([1, 2, 3, 4, 5, 6]), 4);
 * console.assert(view.length === 2 && view[0] === 5 && view[1] === 6);
 * ```
 */
export function loadWindow(
  window: Float32Array,
  src: Float32Array,
  start: number,
): Float32Array {
  const m = Math.min(window.length, src.length - start);
  const view = m === window.length ? window : window.subarray(0, m);
  view.set(src.subarray(start, start + m));
  return view;
}
