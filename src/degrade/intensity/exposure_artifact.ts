/**
 * `exposure_artifact`: under-exposure as a gamma curve followed by a
 * negative offset, y = clip(x^gamma + offset, 0, 1) (SPEC §3.11).
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import { checkImage, checkLevel, checkParams, like } from "../_check.ts";
import { GAMMA_TABLE_LENGTH, simdArena } from "../_simd.ts";
import { CHUNK, CHUNK_BYTES, chunkFor } from "../_chunk.ts";

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
 * samples count as 0). `Math.pow` costs tens of nanoseconds, so a positive
 * normal float32 x = 2^e · (m_hi + f) is split into its exponent and the top
 * 12 bits of its mantissa, whose powers come from two tables computed with
 * `Math.pow`, times a 4-term binomial series for (1 + f/m_hi)^gamma
 * (f/m_hi < 2^-12, truncation error below 1e-15 relative, so the float32
 * result is the one `x ** gamma` gives up to a last-bit tie, 6e-8).
 */
function gammaOffset(
  src: Float32Array,
  gamma: number,
  offset: number,
): Float32Array {
  if (gamma === 1) {
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const x = src[i];
      const v = (x > 0 ? x : 0) + offset;
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
    return out;
  }
  const c1 = gamma, c2 = (c1 * (gamma - 1)) / 2;
  const c3 = (c2 * (gamma - 2)) / 3, c4 = (c3 * (gamma - 3)) / 4;
  const arena = simdArena(8 * GAMMA_TABLE_LENGTH + CHUNK_BYTES + 4 * CHUNK, 0);
  if (arena) {
    // The same float64 operations in the kernel, chunk by chunk, over a
    // copy of the source (the copy constructor skips the zero fill).
    const tables = arena.f64(GAMMA_TABLE_LENGTH);
    fillTables(tables, gamma);
    const room = arena.f32(CHUNK);
    const rejects = new Int32Array(room.buffer, room.byteOffset, CHUNK);
    const out = new Float32Array(src), chunk = chunkFor(arena, out);
    const c = [c1, c2, c3, c4] as const;
    for (let i = 0; i < out.length; i += CHUNK) {
      const m = Math.min(CHUNK, out.length - i);
      const view = m === CHUNK ? chunk : chunk.subarray(0, m);
      view.set(out.subarray(i, i + m));
      const r = arena.gamma32(view, view, tables, c, offset, rejects);
      out.set(view, i);
      // Positive subnormals: x^gamma by the plain formula.
      for (let k = 0; k < r; k++) {
        const v = src[i + rejects[k]] ** gamma + offset;
        const p = (v + Math.abs(v)) * 0.5;
        out[i + rejects[k]] = p > 1 ? 1 : p;
      }
    }
    return out;
  }
  const out = new Float32Array(src.length);
  const bits = new Uint32Array(src.buffer, src.byteOffset, src.length);
  const tables = new Float64Array(GAMMA_TABLE_LENGTH);
  fillTables(tables, gamma);
  for (let i = 0; i < src.length; i++) {
    const b = bits[i], e = b >>> 23;
    let v: number;
    if (e === 0 || e >= 255) {
      // Zero, subnormal, negative, infinite or NaN: the plain formula.
      const x = src[i];
      v = (x > 0 ? x ** gamma : 0) + offset;
    } else {
      const hi = 512 + 2 * ((b >>> 11) & 4095);
      // f = lo · step[hi]; then byExponent[e] · byMantissa[hi] · series.
      const t = (b & 2047) * tables[hi + 1];
      v = tables[e] * tables[hi] *
          (1 + t * (c1 + t * (c2 + t * (c3 + t * c4)))) + offset;
    }
    // max(v, 0) = (v + |v|) / 2: exact and branch-free (many samples sit
    // near 0 after a negative offset, where a branch is mispredicted).
    const p = (v + Math.abs(v)) * 0.5;
    out[i] = p > 1 ? 1 : p;
  }
  return out;
}

/**
 * The tables of the power, as the SIMD kernel (`gamma32`) reads them:
 * byExponent[e] = 2^((e − 127)·gamma) for e in 1..254 (zero for e = 0 and
 * for 255..511, the sign bit set), then for m in 0..4095 the pairs
 * byMantissa[m] = (1 + m/4096)^gamma and step[m] = 1 / (2^23 + 2048·m).
 */
function fillTables(tables: Float64Array, gamma: number): void {
  tables.fill(0, 0, 512);
  for (let e = 1; e < 255; e++) tables[e] = Math.pow(2, (e - 127) * gamma);
  for (let m = 0; m < 4096; m++) {
    tables[512 + 2 * m] = Math.pow(1 + m / 4096, gamma);
    tables[513 + 2 * m] = 1 / (8388608 + m * 2048);
  }
}
