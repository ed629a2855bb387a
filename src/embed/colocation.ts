/**
 * Do real degraded images sit among simulated images of the same
 * degradation type? Per modality, in the original feature space
 * (standardized within the modality), the share of each real image's k
 * nearest neighbours that are simulated images of its own degradation type,
 * against the share expected by chance and a seeded permutation p-value.
 *
 * @module
 */

import { createPrng } from "../random/prng.ts";
import { type Degradation, isDegradation } from "../taxonomy/degradations.ts";
import { MODALITIES, type Modality } from "../taxonomy/modalities.ts";
import { nearestNeighbours } from "./_knn.ts";
import { standardizeColumns } from "./_matrix.ts";
import type { EmbeddingSet } from "./embedding_set.ts";

/** Options of {@linkcode colocation}. */
export interface ColocationOptions {
  /** Neighbours per real image (clipped to the modality's size - 1). Default 10. */
  k?: number;
  /** Label permutations for the p-value (0: none, p-value NaN). Default 999. */
  permutations?: number;
  /** Seed of the permutations. Default 0. */
  seed?: number;
}

/** Co-location of real and simulated images, for one modality and one degradation type (or all). */
export interface ColocationRow {
  /** The modality. */
  modality: Modality;
  /** The degradation type of the real images summarized, or `all`. */
  degradation: Degradation | "all";
  /** Real images of a known type summarized. */
  nReal: number;
  /** Simulated images of the same type(s) in the modality. */
  nSimulated: number;
  /** Neighbours used. */
  k: number;
  /** Mean over real images of the share of their k neighbours that are simulated images of their type. */
  observed: number;
  /** Mean over real images of (simulated images of their type) / (images in the modality - 1): the share by chance. */
  expected: number;
  /** observed / expected. */
  lift: number;
  /** (1 + permutations with a mean share >= observed) / (1 + permutations): labels shuffled within the modality. */
  pValue: number;
}

/**
 * Co-location per modality (a row with degradation `all`) and per
 * degradation type, for every modality that has real images of a known
 * type (source `real` and a degradation id).
 *
 * @param set Images with vectors, modality, degradation and source.
 * @param options Neighbours, permutations, seed.
 * @returns Rows in `MODALITIES` order, `all` first then types by name.
 *
 * @example Usage
 * ```ts
 * import { colocation } from "./colocation.ts";
 * import type { EmbeddingSet } from "./embedding_set.ts";
 * const v = (x: number) => Float64Array.of(x, 0);
 * const set: EmbeddingSet = {
 *   n: 6, dims: 2, names: ["f0", "f1"],
 *   imageId: ["a", "b", "c", "d", "e", "f"],
 *   modality: ["CT", "CT", "CT", "CT", "CT", "CT"],
 *   degradation: ["low_dose", "low_dose", "low_dose", "gaussian_blur", "gaussian_blur", "gaussian_blur"],
 *   source: ["simulated", "simulated", "real", "simulated", "simulated", "real"],
 *   severity: [1, 1, 1, 1, 1, 1],
 *   vectors: [v(0), v(0.1), v(0.2), v(5), v(5.1), v(5.2)],
 * };
 * const rows = colocation(set, { k: 2, permutations: 99 });
 * console.assert(rows[0].observed === 1 && rows[0].expected === 0.4);
 * ```
 */
export function colocation(
  set: EmbeddingSet,
  options: ColocationOptions = {},
): ColocationRow[] {
  const k0 = options.k ?? 10;
  const permutations = options.permutations ?? 999;
  if (!(Number.isInteger(k0) && k0 >= 1)) {
    throw new RangeError(`Cannot use k ${k0}: expected a positive integer`);
  }
  if (!(Number.isInteger(permutations) && permutations >= 0)) {
    throw new RangeError(
      `Cannot use ${permutations} permutations: expected a non-negative integer`,
    );
  }
  const prng = createPrng(options.seed ?? 0);
  const rows: ColocationRow[] = [];
  for (const modality of MODALITIES) {
    const idx: number[] = [];
    for (let i = 0; i < set.n; i++) {
      if (set.modality[i] === modality) idx.push(i);
    }
    const m = idx.length;
    // Label per image: type code (-1 none/real-unknown), real flag.
    const types = [
      ...new Set(idx.map((i) => set.degradation[i]).filter(isDegradation)),
    ]
      .sort();
    const code = Int32Array.from(
      idx,
      (i) => types.indexOf(set.degradation[i] as Degradation),
    );
    const real = Uint8Array.from(idx, (i) => set.source[i] === "real" ? 1 : 0);
    const isTypedReal = (t: number) => real[t] === 1 && code[t] >= 0;
    if (m < 2 || !idx.some((_, t) => isTypedReal(t))) continue;
    const data = new Float64Array(m * set.dims);
    idx.forEach((i, t) => data.set(set.vectors[i], t * set.dims));
    const mat = standardizeColumns({ rows: m, cols: set.dims, data });
    const k = Math.min(k0, m - 1);
    const nn = nearestNeighbours(mat, k);
    const nT = types.length;
    const stat = (c: Int32Array, r: Uint8Array) => {
      const sum = new Float64Array(nT + 1), cnt = new Float64Array(nT + 1);
      for (let t = 0; t < m; t++) {
        if (r[t] !== 1 || c[t] < 0) continue;
        let same = 0;
        for (let q = 0; q < k; q++) {
          const j = nn.index[t * k + q];
          if (r[j] === 0 && c[j] === c[t]) same++;
        }
        sum[c[t]] += same / k;
        cnt[c[t]]++;
        sum[nT] += same / k;
        cnt[nT]++;
      }
      return Float64Array.from(sum, (s, g) => cnt[g] > 0 ? s / cnt[g] : NaN);
    };
    const observed = stat(code, real);
    const exceed = new Float64Array(nT + 1);
    const pc = Int32Array.from(code), pr = Uint8Array.from(real);
    const order = Int32Array.from({ length: m }, (_, t) => t);
    for (let p = 0; p < permutations; p++) {
      for (let t = m - 1; t > 0; t--) {
        const s = prng.int(t + 1);
        const tmp = order[t];
        order[t] = order[s];
        order[s] = tmp;
      }
      for (let t = 0; t < m; t++) {
        pc[t] = code[order[t]];
        pr[t] = real[order[t]];
      }
      const perm = stat(pc, pr);
      for (let g = 0; g <= nT; g++) {
        if (perm[g] >= observed[g] - 1e-12) exceed[g]++;
      }
    }
    const simCount = new Float64Array(nT);
    for (let t = 0; t < m; t++) {
      if (real[t] === 0 && code[t] >= 0) simCount[code[t]]++;
    }
    const summarize = (g: number): ColocationRow => {
      let nReal = 0, exp = 0;
      for (let t = 0; t < m; t++) {
        if (!isTypedReal(t) || (g < nT && code[t] !== g)) continue;
        nReal++;
        exp += simCount[code[t]] / (m - 1);
      }
      exp /= nReal;
      return {
        modality,
        degradation: g === nT ? "all" : types[g],
        nReal,
        nSimulated: g === nT
          ? types.reduce((a, _, c) => a + (hasReal(c) ? simCount[c] : 0), 0)
          : simCount[g],
        k,
        observed: observed[g],
        expected: exp,
        lift: exp > 0 ? observed[g] / exp : NaN,
        pValue: permutations > 0 ? (1 + exceed[g]) / (1 + permutations) : NaN,
      };
    };
    const hasReal = (c: number) => {
      for (let t = 0; t < m; t++) {
        if (isTypedReal(t) && code[t] === c) return true;
      }
      return false;
    };
    rows.push(summarize(nT));
    for (let g = 0; g < nT; g++) if (hasReal(g)) rows.push(summarize(g));
  }
  return rows;
}
