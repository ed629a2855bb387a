/**
 * t-SNE input affinities: per-point Gaussian bandwidths found by binary
 * search on the perplexity, then symmetrized and normalized joint
 * probabilities P, as in scikit-learn's `_binary_search_perplexity` and
 * `_joint_probabilities(_nn)`.
 *
 * @module
 */

/** Symmetric joint probabilities in compressed sparse rows. */
export interface SparseP {
  /** Number of points. */
  n: number;
  /** Row pointers, length n + 1. */
  rowPtr: Int32Array;
  /** Column indexes. */
  col: Int32Array;
  /** Values, summing to 1 over the whole matrix. */
  val: Float64Array;
}

const TOL = 1e-5;
const STEPS = 100;

/**
 * Conditional probabilities p(j|i) for each row of squared distances
 * (`rows` rows of `width` entries; entries set to Infinity are ignored).
 * Written in place into `out`.
 */
export function conditionalP(
  dist2: Float64Array,
  rows: number,
  width: number,
  perplexity: number,
  out: Float64Array,
): void {
  const target = Math.log(perplexity);
  for (let i = 0; i < rows; i++) {
    const o = i * width;
    let beta = 1, betaMin = -Infinity, betaMax = Infinity;
    for (let step = 0; step < STEPS; step++) {
      let sum = 0;
      for (let j = 0; j < width; j++) {
        const p = Math.exp(-dist2[o + j] * beta);
        out[o + j] = p;
        sum += p;
      }
      if (sum === 0) sum = 1e-8;
      let sumDP = 0;
      for (let j = 0; j < width; j++) {
        out[o + j] /= sum;
        const dd = dist2[o + j];
        if (dd !== Infinity) sumDP += dd * out[o + j];
      }
      const diff = Math.log(sum) + beta * sumDP - target;
      if (Math.abs(diff) <= TOL) break;
      if (diff > 0) {
        betaMin = beta;
        beta = betaMax === Infinity ? beta * 2 : (beta + betaMax) / 2;
      } else {
        betaMax = beta;
        beta = betaMin === -Infinity ? beta / 2 : (beta + betaMin) / 2;
      }
    }
  }
}

/** Symmetrize conditional probabilities over k neighbours into sparse joint P. */
export function jointFromNeighbours(
  n: number,
  k: number,
  index: Int32Array,
  cond: Float64Array,
): SparseP {
  // Count entries of P + P^T per row, then fill and merge duplicates.
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      counts[i + 1]++;
      counts[index[i * k + t] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const cursor = counts.slice(0, n);
  const cols = new Int32Array(counts[n]);
  const vals = new Float64Array(counts[n]);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = index[i * k + t], p = cond[i * k + t];
      cols[cursor[i]] = j;
      vals[cursor[i]++] = p;
      cols[cursor[j]] = i;
      vals[cursor[j]++] = p;
    }
  }
  const rowPtr = new Int32Array(n + 1);
  const outCol: number[] = [];
  const outVal: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lo = counts[i], hi = counts[i + 1];
    const order = Array.from({ length: hi - lo }, (_, t) => lo + t).sort((
      a,
      b,
    ) => cols[a] - cols[b]);
    let last = -1;
    for (const e of order) {
      if (cols[e] === last) outVal[outVal.length - 1] += vals[e];
      else {
        outCol.push(cols[e]);
        outVal.push(vals[e]);
        last = cols[e];
      }
      total += vals[e];
    }
    rowPtr[i + 1] = outCol.length;
  }
  const val = Float64Array.from(outVal);
  const norm = Math.max(total, Number.EPSILON);
  for (let e = 0; e < val.length; e++) val[e] /= norm;
  return { n, rowPtr, col: Int32Array.from(outCol), val };
}

/** Dense symmetric joint P (n x n) from all pairwise squared distances. */
export function jointDense(
  dist2: Float64Array,
  n: number,
  perplexity: number,
): Float64Array {
  const d = Float64Array.from(dist2);
  for (let i = 0; i < n; i++) d[i * n + i] = Infinity;
  const cond = new Float64Array(n * n);
  conditionalP(d, n, n, perplexity, cond);
  const p = new Float64Array(n * n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = cond[i * n + j] + cond[j * n + i];
      p[i * n + j] = v;
      total += v;
    }
  }
  const norm = Math.max(total, Number.EPSILON);
  for (let e = 0; e < p.length; e++) {
    p[e] = Math.max(p[e] / norm, Number.EPSILON);
  }
  for (let i = 0; i < n; i++) p[i * n + i] = 0;
  return p;
}
