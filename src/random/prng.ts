/**
 * A small seeded pseudo-random number generator (sfc32 seeded through
 * splitmix32). Every random step in the library takes one of these, never
 * `Math.random`: same seed, same sequence, on every platform.
 *
 * @module
 */

/** A seeded source of random numbers. */
export interface Prng {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A standard normal deviate (Box-Muller). */
  normal(): number;
  /** An independent generator derived from this one's next outputs. */
  fork(): Prng;
  /**
   * Fill `out` with the next `out.length` raw 32-bit outputs: the same
   * stream `next()` scales, so `out[i] / 2 ** 32` equals what `next()` would
   * have returned (a fast path for hot loops such as the bootstrap).
   */
  fillUint32(out: Uint32Array): void;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Create a generator from an integer seed (any safe integer; the low 32 bits
 * and the high bits are both mixed in).
 *
 * @param seed An integer seed.
 * @returns A generator whose sequence depends only on `seed`.
 *
 * @example Same seed, same numbers
 * ```ts
 * import { createPrng } from "./prng.ts";
 * const a = createPrng(42), b = createPrng(42);
 * console.assert(a.next() === b.next());
 * console.assert(a.int(10) === b.int(10));
 * ```
 */
export function createPrng(seed: number): Prng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(
      `Cannot seed a generator with ${seed}: expected a safe integer`,
    );
  }
  const hi = Math.floor(seed / 0x100000000) | 0;
  const sm = splitmix32((seed | 0) ^ Math.imul(hi, 0x27d4eb2d));
  let a = sm(), b = sm(), c = sm(), d = sm();
  let spare: number | null = null;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const prng: Prng = {
    next: () => u32() / 4294967296,
    int: (n: number) => {
      if (!(n >= 1) || !Number.isInteger(n)) {
        throw new RangeError(
          `Cannot draw an integer below ${n}: expected a positive integer`,
        );
      }
      return Math.floor((u32() / 4294967296) * n);
    },
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = u32() / 4294967296;
      const v = u32() / 4294967296;
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork: () => createPrng(u32() * 2097152 + (u32() >>> 11)),
    fillUint32: (out: Uint32Array) => {
      // The body of u32() with the state in locals: several times faster in a loop.
      let sa = a, sb = b, sc = c, sd = d;
      for (let i = 0; i < out.length; i++) {
        const t = (((sa + sb) | 0) + sd) | 0;
        sd = (sd + 1) | 0;
        sa = sb ^ (sb >>> 9);
        sb = (sc + (sc << 3)) | 0;
        sc = (sc << 21) | (sc >>> 11);
        sc = (sc + t) | 0;
        out[i] = t >>> 0;
      }
      a = sa, b = sb, c = sc, d = sd;
    },
  };
  return prng;
}
