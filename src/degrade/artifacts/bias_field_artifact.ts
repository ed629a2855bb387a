/**
 * `bias_field_artifact` (MRI): a smooth multiplicative intensity
 * inhomogeneity, y = x · exp(Σ_{i+j≤3} c_ij u^i v^j), with u the column
 * and v the row coordinate normalised to [−1, 1]
 * (u_k = (k − W/2 + 0.5) / (W/2 − 0.5)), as TorchIO `BiasField` of order 3
 * on a 2-D slice (SPEC §3.3). Every channel is multiplied by the same
 * field (the authors' red outline is darkened in red), clipped to [0, 1].
 *
 * @module
 */

import type { Degrader, ParameterSpec } from "../types.ts";
import {
  checkImage,
  checkLevel,
  checkParams,
  copyImage,
  roundTo,
  uniform,
} from "../_check.ts";

/** Parameters of {@linkcode biasFieldArtifact}: `cij` multiplies u^i v^j. */
export interface BiasFieldParams extends Record<string, unknown> {
  /** Constant term (log of the overall gain). */
  c00: number;
  /** Coefficient of v. */
  c01: number;
  /** Coefficient of v². */
  c02: number;
  /** Coefficient of v³. */
  c03: number;
  /** Coefficient of u. */
  c10: number;
  /** Coefficient of u·v. */
  c11: number;
  /** Coefficient of u·v². */
  c12: number;
  /** Coefficient of u². */
  c20: number;
  /** Coefficient of u²·v. */
  c21: number;
  /** Coefficient of u³. */
  c30: number;
}

/** The monomials, TorchIO's order: [name, power of u, power of v]. */
type Coefficient =
  | "c00"
  | "c01"
  | "c02"
  | "c03"
  | "c10"
  | "c11"
  | "c12"
  | "c20"
  | "c21"
  | "c30";
const TERMS: readonly [Coefficient, number, number][] = [
  ["c00", 0, 0],
  ["c01", 0, 1],
  ["c02", 0, 2],
  ["c03", 0, 3],
  ["c10", 1, 0],
  ["c11", 1, 1],
  ["c12", 1, 2],
  ["c20", 2, 0],
  ["c21", 2, 1],
  ["c30", 3, 0],
];

const PARAMETERS: ParameterSpec[] = TERMS.map(([name, i, j]) => ({
  name,
  unit: "log-gain per unit of the monomial",
  min: -5,
  max: 5,
  description: i + j === 0
    ? "constant term of the log field (negative darkens the whole image)"
    : `coefficient of u^${i}·v^${j} in the log field (u columns, v rows, in [−1, 1])`,
}));

/**
 * Draw ranges fitted to the examples (SPEC §3.3): the constant term darkens
 * (−0.785 and −1.049 measured), the others are TorchIO-like uniform draws
 * (largest measured |c| 0.308 and 0.388).
 */
const PRESETS: Record<1 | 2, { constant: [number, number]; others: number }> = {
  1: { constant: [-0.85, -0.72], others: 0.31 },
  2: { constant: [-1.12, -0.98], others: 0.39 },
};

/** Normalised coordinate of index k of n: (k − n/2 + 0.5) / (n/2 − 0.5). */
function coordinate(k: number, n: number): number {
  return n > 1 ? (k - n / 2 + 0.5) / (n / 2 - 0.5) : 0;
}

function columnCoordinates(width: number): Float64Array {
  return Float64Array.from({ length: width }, (_, x) => coordinate(x, width));
}

/** For a fixed row v the log field is a cubic in u: a_i = Σ_j c_ij v^j. */
function rowCubic(params: BiasFieldParams, v: number, a: Float64Array): void {
  a.fill(0);
  for (const [name, i, j] of TERMS) a[i] += params[name] * v ** j;
}

/**
 * The multiplicative field exp(Σ c_ij u^i v^j) on a `width x height` grid.
 *
 * @param params The coefficients.
 * @param width Columns.
 * @param height Rows.
 * @returns Row-major field values.
 *
 * @example Usage
 * ```ts
 * import { biasField, biasFieldArtifact } from "./bias_field_artifact.ts";
 * const f = biasField({ ...biasFieldArtifact.identity, c00: Math.log(2) }, 3, 2);
 * console.assert(f.every((v) => Math.abs(v - 2) < 1e-12));
 * ```
 */
export function biasField(
  params: BiasFieldParams,
  width: number,
  height: number,
): Float64Array {
  const field = new Float64Array(width * height);
  const us = columnCoordinates(width);
  const a = new Float64Array(4);
  for (let y = 0; y < height; y++) {
    rowCubic(params, coordinate(y, height), a);
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const u = us[x];
      field[o + x] = Math.exp(a[0] + u * (a[1] + u * (a[2] + u * a[3])));
    }
  }
  return field;
}

/**
 * Bias-field operator.
 *
 * @example Usage
 * ```ts
 * import { biasFieldArtifact } from "./bias_field_artifact.ts";
 * const img = { width: 2, height: 1, channels: 1 as const, data: new Float32Array([0.5, 0.5]) };
 * const out = await biasFieldArtifact.apply(img, { ...biasFieldArtifact.identity, c10: Math.log(1.5) });
 * console.assert(out.data[1] > out.data[0]);
 * ```
 */
export const biasFieldArtifact: Degrader<BiasFieldParams> = {
  id: "bias_field_artifact",
  description:
    "MRI bias field: multiply by exp of an order-3 polynomial in the image coordinates",
  parameters: PARAMETERS,
  identity: {
    c00: 0,
    c01: 0,
    c02: 0,
    c03: 0,
    c10: 0,
    c11: 0,
    c12: 0,
    c20: 0,
    c21: 0,
    c30: 0,
  },
  sample(prng, level) {
    const { constant, others } =
      PRESETS[checkLevel("bias_field_artifact", level)];
    const params = {} as BiasFieldParams;
    for (const [name, i, j] of TERMS) {
      params[name] = roundTo(
        i + j === 0
          ? uniform(prng, constant[0], constant[1])
          : uniform(prng, -others, others),
        4,
      );
    }
    return params;
  },
  apply(image, params) {
    checkImage("bias_field_artifact", image);
    checkParams("bias_field_artifact", PARAMETERS, params);
    if (TERMS.every(([name]) => params[name] === 0)) {
      return Promise.resolve(copyImage(image));
    }
    // One pass: the field at each pixel, times each channel, clipped
    // (SPEC §3.3: all three channels, the annotation darkened with them).
    const { width: w, height: h, channels } = image;
    const n = w * h, src = image.data, data = new Float32Array(n * channels);
    const us = columnCoordinates(w);
    const a = new Float64Array(4);
    for (let y = 0; y < h; y++) {
      rowCubic(params, coordinate(y, h), a);
      for (let x = 0, i = y * w; x < w; x++, i++) {
        const u = us[x];
        const field = Math.exp(a[0] + u * (a[1] + u * (a[2] + u * a[3])));
        for (let o = i; o < n * channels; o += n) {
          const v = src[o] * field;
          data[o] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
      }
    }
    return Promise.resolve({ width: w, height: h, channels, data });
  },
};
