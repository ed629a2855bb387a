/**
 * `exposure_artifact`: under-exposure as a gamma curve followed by a
 * negative offset, y = clip(x^gamma + offset, 0, 1) (SPEC §3.11).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { GAMMA_TABLE_LENGTH, simdArena } from "../_simd.ts";
import { CHUNK, CHUNK_BYTES, chunkFor, loadWindow } from "../_chunk.ts";

/** Parameters of {@linkcode exposureArtifact}. */
export interface ExposureArtifactParams extends Record<string, unknown> {
  /** Exponent applied to [0, 1] intensities, in [0.1, 10] (1 = unchanged). */
  gamma: number;
  /** Offset added after the curve, fraction of full scale in [-1, 1]. */
  offset: number;
}

const PARAMETERS: ParameterSpec[] = [
  {
    name: "gamma",
    unit: "exponent (dimensionless)",
    min: 0.1,
    max: 10,
    description: "y = x^gamma on [0, 1]; > 1 darkens mid-tones",
  },
  {
    name: "offset",
    unit: "fraction of full scale",
    min: -1,
    max: 1,
    description: "added after the gamma curve (negative = under-exposure)",
  },
];

/** Measured on the authors' examples (SPEC §3.11). */
const PRESETS: Record<1 | 2, ExposureArtifactParams> = {
  1: { gamma: 1.45, offset: -0.0372 },
  2: { gamma: 2.36, offset: -0.1064 },
};

/**
 * Gamma-plus-offset exposure operator.
 *
 * @example Usage
 * ```ts
 * import { exposureArtifact } from "./exposure_artifact.ts";
 * const img = { width: 1, height: 1, channels: 1 as const, data: new Float32Array([0.5]) };
 * const out = await exposureArtifact.apply(img, { gamma: 2, offset: 0 });
 * console.assert(out.data[0] === 0.25);
 * ```
 */
export const exposureArtifact: Degrader<ExposureArtifactParams> = {
  id: "exposure_artifact",
  description: "Under-exposure: gamma curve then a negative offset",
  parameters: PARAMETERS,
  identity: { gamma: 1, offset: 0 },
  sample(_prng, level) {
    return { ...PRESETS[checkLevel("exposure_artifact", level)] };
  },
  apply(image, params) {
    checkImage("exposure_artifact", image);
    checkParams("exposure_artifact", PARAMETERS, params);
    const { gamma, offset } = params;
    return Promise.resolve(like(image, gammaOffset(image.data, gamma, offset)));
  },
};

/**
 * clip(x^gamma + offset, 0, 1) for every sample (0^gamma and negative or NaN
 * samples count as 0), in float32 arithmetic as numpy computes
 * `x ** gamma + offset` on a float32 array. `Math.pow` costs tens of
 * nanoseconds, so a positive normal float32 x = 2^e · (m_hi + f) is split
 * into its exponent and the top 12 bits of its mantissa, whose powers come
 * from two tables made with `Math.pow` and rounded to float32, times the
 * binomial series 1 + t·(c1 + t·c2) for (1 + t)^gamma, t = f/m_hi < 2^-12
 * (truncation below 2e-9 relative for gamma up to 10). Five float32
 * roundings (both table values, their product, the series and the last
 * product) of at most 2^-24 each: x^gamma within 3e-7 relative (about 2.5
 * units in the last place at worst) for results above 2^-116 (below,
 * byExponent may be subnormal), then the offset added in float32.
 * Every operation is rounded by `Math.fround` here and natively in the
 * SIMD kernel, so both give the same bits.
 */
function gammaOffset(
  src: Float32Array,
  gamma: number,
  offset: number,
): Float32Array {
  const off = Math.fround(offset);
  if (gamma === 1) {
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const x = src[i];
      const v = (x > 0 ? x : 0) + off;
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    return out;
  }
  const c1 = Math.fround(gamma), c2 = Math.fround((gamma * (gamma - 1)) / 2);
  const arena = simdArena(4 * GAMMA_TABLE_LENGTH + CHUNK_BYTES + 4 * CHUNK, 0);
  if (arena) {
    // The same float32 operations in the kernel, chunk by chunk, over a
    // copy of the source (the copy constructor skips the zero fill).
    const tables = arena.f32(GAMMA_TABLE_LENGTH);
    tables.set(tablesFor(gamma));
    const room = arena.f32(CHUNK);
    const rej = new Int32Array(room.buffer, room.byteOffset, CHUNK);
    const out = new Float32Array(src), chunk = chunkFor(arena, out);
    for (let i = 0; i < out.length; i += CHUNK) {
      const view = loadWindow(chunk, out, i);
      const r = arena.gamma32(view, view, tables, [c1, c2], off, rej);
      out.set(view, i);
      for (let k = 0; k < r; k++) {
        out[i + rej[k]] = subnormalPower(src[i + rej[k]], gamma, off);
      }
    }
    return out;
  }
  const out = new Float32Array(src.length);
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  const tables = tablesFor(gamma);
  const f = Math.fround;
  for (let i = 0; i < src.length; i++) {
    const b = bits[i], e = b >>> 23;
    let v: number;
    if (e === 255) {
      // +Inf stays +Inf; +NaN counts as 0.
      v = b === 0x7f800000 ? Infinity : f(0 + off);
    } else if (b - 1 < 0x7fffff) {
      out[i] = subnormalPower(src[i], gamma, off);
      continue;
    } else {
      // Zero and negative values (byExponent 0 for e = 0 and the sign bit
      // set) and positive normal ones: the tables.
      const hi = 512 + 2 * ((b >>> 11) & 4095);
      const t = f((b & 2047) * tables[hi + 1]);
      const series = f(1 + f(t * f(c1 + f(t * c2))));
      v = f(f(f(tables[e] * tables[hi]) * series) + off);
    }
    const p = v < 0 ? 0 : v;
    out[i] = p > 1 ? 1 : p;
  }
  return out;
}

/** A positive subnormal sample: fround(x ** gamma) + offset, clipped. */
function subnormalPower(x: number, gamma: number, off: number): number {
  const v = Math.fround(Math.fround(x ** gamma) + off);
  const p = v < 0 ? 0 : v;
  return p > 1 ? 1 : p;
}

/** The tables of the last gamma used (a batch applies one preset). */
let lastTables: { gamma: number; tables: Float32Array } | undefined;

/**
 * The float32 tables of the power for `gamma`, as the SIMD kernel
 * (`gamma32`) reads them: byExponent[e] = 2^((e − 127)·gamma) for e in
 * 1..254 (zero for e = 0 and for 255..511, the sign bit set), then for m
 * in 0..4095 the pairs byMantissa[m] = (1 + m/4096)^gamma and step[m] =
 * 1 / (2^23 + 2048·m). Kept for the next call: their 4,350 calls of
 * `Math.pow` cost about 0.1 ms, 5% of a 512×512 RGB image.
 */
function tablesFor(gamma: number): Float32Array {
  if (lastTables?.gamma !== gamma) {
    const tables = new Float32Array(GAMMA_TABLE_LENGTH); // zero from 0 to 511
    for (let e = 1; e < 255; e++) tables[e] = Math.pow(2, (e - 127) * gamma);
    for (let m = 0; m < 4096; m++) {
      tables[512 + 2 * m] = Math.pow(1 + m / 4096, gamma);
      tables[513 + 2 * m] = 1 / (8388608 + m * 2048);
    }
    lastTables = { gamma, tables };
  }
  return lastTables.tables;
}
