/**
 * Chunks for streaming JavaScript arrays through the WebAssembly kernel's
 * memory: cache-sized windows placed so the copies in and out do not
 * suffer 4K aliasing (a copy whose destination lies just past its source
 * modulo 4096 bytes runs several times slower: every load waits on the
 * store before it). Internal to src/degrade/.
 *
 * @module
 */

import type { SimdArena } from "./_simd.ts";

/** Samples per chunk: 16 KiB, so a chunk stays in the L1 cache. */
export const CHUNK = 4096;

/** Arena bytes {@linkcode chunkFor} takes. */
export const CHUNK_BYTES: number = 4 * CHUNK + 4096;

/**
 * A `CHUNK`-sample float32 window of `arena` whose address is half a page
 * (2048 bytes) away from `like`'s modulo 4096, assuming `like`'s buffer
 * starts on a page boundary or just after one (large buffers do).
 *
 * @example Usage
 * ```ts
 * import { CHUNK, CHUNK_BYTES, chunkFor } from "./_chunk.ts";
 * import { simdArena } from "./_simd.ts";
 * const arena = simdArena(CHUNK_BYTES, 0);
 * if (arena) console.assert(chunkFor(arena, new Float32Array(8)).length === CHUNK);
 * ```
 */
export function chunkFor(arena: SimdArena, like: Float32Array): Float32Array {
  const room = arena.f32(CHUNK + 1024);
  const shift = (((like.byteOffset + 2048 - room.byteOffset) % 4096) + 4096) %
    4096;
  return room.subarray(shift / 4, shift / 4 + CHUNK);
}
