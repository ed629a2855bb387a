/**
 * Bulk Gaussian noise for the degradation engine: the 256-layer ziggurat of
 * Marsaglia & Tsang (2000), the method numpy's `standard_normal` uses, one
 * 32-bit draw per deviate (8 bits pick the layer, 1 the sign, 23 the
 * magnitude: the resolution of a float32, which the output is). About 99%
 * of the deviates cost one table look-up, one multiply and one compare;
 * only the wedges and the tail call `Math.exp` / `Math.log`. The raw bits
 * come from an sfc32 generator whose state is drawn from `createPrng(seed)`
 * (src/random/), so the same seed gives the same bytes on every platform.
 * Internal to src/degrade/.
 *
 * @module
 */

import { createPrng } from "../random/prng.ts";
import { type SimdArena, simdArena } from "./_simd.ts";
import { chunkFor } from "./_chunk.ts";

/** Samples per block: part of what fixes the bytes for a seed. */
const BLOCK = 4096;

/** Start of the tail (the right edge of the bottom layer) for 256 layers. */
const R = 3.6541528853610088;
/** Area of each layer (and of the base strip with the tail). */
const V = 0.00492867323399;
/** The magnitudes are 23-bit integers in [0, 2^23). */
const M = 8388608;

/**
 * ki: acceptance thresholds (integer magnitudes below ki[i] are inside the
 * layer's rectangle), wi: layer widths / 2^23, fi: f at the edges.
 */
const KF = new Float64Array(256), WI = new Float64Array(256);
const FI = new Float64Array(256);
{
  // zigset (Marsaglia & Tsang 2000, Fig. 1) for 256 layers.
  let dn = R, tn = R;
  const q = V / Math.exp(-0.5 * dn * dn);
  KF[0] = (dn / q) * M;
  KF[1] = 0;
  WI[0] = q / M;
  WI[255] = dn / M;
  FI[0] = 1;
  FI[255] = Math.exp(-0.5 * dn * dn);
  for (let i = 254; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    KF[i + 1] = (dn / tn) * M;
    tn = dn;
    FI[i] = Math.exp(-0.5 * dn * dn);
    WI[i] = dn / M;
  }
}

/**
 * The sfc32 state (a, b, c, d) for `seed`: four raw draws of
 * `createPrng(seed)`, then 12 warm-up steps.
 */
function seedState(seed: number): Int32Array {
  const state = new Int32Array(4);
  createPrng(seed).fillUint32(new Uint32Array(state.buffer)); // checks seed
  for (let k = 0; k < 12; k++) raw(state);
  return state;
}

/** rabs < k ⟺ rabs < ⌈k⌉ for an integer rabs: an integer compare. */
const KI: Int32Array = Int32Array.from(KF, Math.ceil);

/** One sfc32 step on `state` (a, b, c, d), as a 32-bit unsigned integer. */
function raw(state: Int32Array): number {
  const a = state[0], b = state[1], c = state[2], d = state[3];
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/** A uniform in (0, 1], so its logarithm is finite. */
function positive(state: Int32Array): number {
  return 1 - raw(state) / 4294967296;
}

/**
 * clip(v, 0, 1): max(v, 0) = (v + |v|) / 2 is exact and branch-free (dark
 * backgrounds put many samples on both sides of 0).
 */
function clip01(v: number): number {
  const p = (v + Math.abs(v)) * 0.5;
  return p > 1 ? 1 : p;
}

/**
 * The ziggurat loop, fused with the add and the clip:
 * `out[i] = clip(src[i] + sigma · n_i, 0, 1)` for i in [from, to). The
 * ~1% of first tries that fall outside their layer's rectangle are only
 * noted (index, raw bits) in `rejects` and finished after the loop, in
 * order, so the hot loop makes no call. Needs
 * `to - from <= rejects.length / 2`.
 */
function addNormals(
  state: Int32Array,
  src: Float32Array,
  sigma: number,
  out: Float32Array,
  from: number,
  to: number,
  rejects: Int32Array,
): void {
  let sa = state[0], sb = state[1], sc = state[2], sd = state[3];
  const ki = KI, wi = WI;
  let nr = 0;
  for (let i = from; i < to; i++) {
    // One sfc32 step: layer (low 8 bits), sign (bit 8), magnitude (23 bits).
    const t = (((sa + sb) | 0) + sd) | 0;
    sd = (sd + 1) | 0;
    sa = sb ^ (sb >>> 9);
    sb = (sc + (sc << 3)) | 0;
    sc = (sc << 21) | (sc >>> 11);
    sc = (sc + t) | 0;
    const idx = t & 0xff, rabs = t >>> 9;
    if (rabs >= ki[idx]) {
      rejects[nr++] = i;
      rejects[nr++] = t;
    }
    // Bit 8 is the sign: ±1 without an unpredictable branch.
    const x = rabs * wi[idx] * (1 - ((t >>> 7) & 2));
    out[i] = clip01(src[i] + sigma * x);
  }
  state[0] = sa, state[1] = sb, state[2] = sc, state[3] = sd;
  finish(state, src, sigma, out, rejects, nr);
}

/**
 * Finish the rejected first tries noted as (i, t) pairs in
 * `rejects[0, nr)`, in order, drawing from `state`.
 */
function finish(
  state: Int32Array,
  src: Float32Array,
  sigma: number,
  out: Float32Array,
  rejects: Int32Array,
  nr: number,
): void {
  for (let k = 0; k < nr; k += 2) {
    const i = rejects[k], t = rejects[k + 1], idx = t & 0xff;
    const x = slow(state, idx, (t >>> 9) * WI[idx], (t & 0x100) !== 0);
    out[i] = clip01(src[i] + sigma * x);
  }
}

/** A rejected first try: the wedge test, the tail, or a fresh draw. */
function slow(
  state: Int32Array,
  idx: number,
  x: number,
  negative: boolean,
): number {
  for (;;) {
    if (idx === 0) {
      // Tail beyond R (Marsaglia 1964).
      let xx = 0, yy = 0;
      do {
        xx = -Math.log(positive(state)) / R;
        yy = -Math.log(positive(state));
      } while (yy + yy < xx * xx);
      return negative ? -(R + xx) : R + xx;
    }
    const u = raw(state) / 4294967296;
    if (FI[idx] + u * (FI[idx - 1] - FI[idx]) < Math.exp(-0.5 * x * x)) {
      return negative ? -x : x;
    }
    const r1 = raw(state);
    idx = r1 & 0xff;
    negative = (r1 & 0x100) !== 0;
    const rabs = r1 >>> 9;
    x = rabs * WI[idx];
    if (rabs < KI[idx]) return negative ? -x : x;
  }
}

/**
 * `out[i] = clip(src[i] + sigma · n_i, 0, 1)` where n_i are standard normal
 * deviates of the ziggurat on sfc32 bits seeded through `createPrng(seed)`.
 * The bits are drawn one per sample, block by block (4096 samples), then
 * the block's ~1% of rejected first tries are finished in order: this
 * order is part of what fixes the bytes for a seed.
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
  const out = new Float32Array(src.length), state = seedState(seed);
  const chunk = BLOCK, rejects = new Int32Array(2 * chunk);
  // The same loop in WebAssembly when available (same operations, same
  // bits), block by block through the module's memory; the rejected first
  // tries are finished here, in order, as below.
  const arena = simdArena(
    2 * (4 * BLOCK + 4096) + 4 * (3 * chunk + 4 + 256) + 8 * 512 + 16 * 6,
    0,
  );
  if (arena) {
    const st = i32(arena, 4), ki = i32(arena, 256), wi = arena.f64(512);
    const rej = i32(arena, 2 * chunk), bits = i32(arena, chunk);
    st.set(state);
    ki.set(KI);
    wi.set(WI);
    for (let i = 0; i < 256; i++) wi[256 + i] = -WI[i];
    const inp = chunkFor(arena, src, BLOCK);
    const res = chunkFor(arena, out, BLOCK);
    for (let from = 0; from < src.length; from += chunk) {
      const m = Math.min(chunk, src.length - from);
      const a = m === chunk ? inp : inp.subarray(0, m);
      const b = m === chunk ? res : res.subarray(0, m);
      a.set(src.subarray(from, from + m));
      const nr = arena.normal(st, a, b, sigma, ki, wi, rej, bits);
      out.set(b, from);
      if (nr > 0) {
        state.set(st);
        for (let k = 0; k < nr; k += 2) {
          rejects[k] = from + rej[k];
          rejects[k + 1] = rej[k + 1];
        }
        finish(state, src, sigma, out, rejects, nr);
        st.set(state);
      }
    }
    return out;
  }
  // Short calls rather than one long loop: V8 then runs the fully
  // optimized function instead of on-stack-replaced code, about 1.5x faster.
  for (let from = 0; from < src.length; from += chunk) {
    const to = Math.min(from + chunk, src.length);
    addNormals(state, src, sigma, out, from, to, rejects);
  }
  return out;
}

/** An Int32Array of `length` values in the arena's memory. */
function i32(arena: SimdArena, length: number): Int32Array {
  const v = arena.f32(length);
  return new Int32Array(v.buffer, v.byteOffset, length);
}
