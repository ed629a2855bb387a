/**
 * Bulk Gaussian noise for the degradation engine: the exact sequence of
 * `createPrng(seed).normal()` (sfc32 seeded through splitmix32, Box-Muller
 * giving two deviates per pair of draws), generated in one tight loop with
 * the generator state in locals instead of a closure call per sample.
 * Internal to src/degrade/.
 *
 * @module
 */

/**
 * `out[i] = clip(src[i] + sigma · n_i, 0, 1)` where n_0, n_1, ... are the
 * deviates `createPrng(seed).normal()` returns, in order (same bytes as the
 * per-sample loop).
 *
 * @param src Input samples.
 * @param sigma Standard deviation of the noise.
 * @param seed A safe integer seed, as for `createPrng`.
 * @returns A new array of `src.length` samples.
 *
 * @example Usage
 * ```ts
 * import { addClippedNormal } from "./_normal.ts";
 * const a = addClippedNormal(new Float32Array(4).fill(0.5), 0.1, 7);
 * const b = addClippedNormal(new Float32Array(4).fill(0.5), 0.1, 7);
 * console.assert(a.every((v, i) => v === b[i]));
 * ```
 */
export function addClippedNormal(
  src: Float32Array,
  sigma: number,
  seed: number,
): Float32Array {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(
      `Cannot seed a generator with ${seed}: expected a safe integer`,
    );
  }
  // Seeding: as createPrng (src/random/prng.ts).
  let s = (seed | 0) ^
    Math.imul(Math.floor(seed / 0x100000000) | 0, 0x27d4eb2d);
  const seeds = new Uint32Array(4);
  for (let k = 0; k < 4; k++) {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    seeds[k] = (z ^ (z >>> 16)) >>> 0;
  }
  let a = seeds[0] | 0, b = seeds[1] | 0, c = seeds[2] | 0, d = seeds[3] | 0;
  let t = 0;
  for (let k = 0; k < 12; k++) {
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }
  const out = new Float32Array(src.length);
  const twoPi = 2 * Math.PI;
  for (let i = 0; i < src.length; i += 2) {
    let u = 0;
    while (u === 0) {
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      u = (t >>> 0) / 4294967296;
    }
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    const v = (t >>> 0) / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u));
    const x0 = src[i] + sigma * (r * Math.cos(twoPi * v));
    out[i] = x0 < 0 ? 0 : x0 > 1 ? 1 : x0;
    if (i + 1 < src.length) {
      const x1 = src[i + 1] + sigma * (r * Math.sin(twoPi * v));
      out[i + 1] = x1 < 0 ? 0 : x1 > 1 ? 1 : x1;
    }
  }
  return out;
}
