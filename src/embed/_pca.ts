/**
 * Principal component analysis by eigen-decomposition of the covariance
 * matrix (or of the Gram matrix when there are fewer points than
 * dimensions). When only a few of many components are wanted (k + 10 <
 * dims / 2 and dims > 128) the top eigenvectors come from seeded randomized
 * subspace iteration on the covariance (Halko, Martinsson & Tropp 2011; 10
 * extra vectors, 8 power steps), as scikit-learn's PCA does for such shapes.
 * Deterministic: each component's largest-magnitude loading is positive.
 *
 * @module
 */

import { createPrng } from "../random/prng.ts";
import { symmetricEigen } from "./_eigen.ts";
import type { Matrix } from "./_matrix.ts";

/** Scores of the points on the first `k` principal components. */
export interface PcaResult {
  /** `rows x k` scores (centered data projected on the components). */
  scores: Matrix;
  /** Variance along each kept component (divisor n - 1), largest first. */
  variance: Float64Array;
}

/** Project a matrix on its first `k` principal components (k is clipped to min(rows, cols)). */
export function pca(m: Matrix, k: number): PcaResult {
  const { rows: n, cols: d, data } = m;
  k = Math.max(1, Math.min(k, n, d));
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = data[i * d + j] - mean[j];
  }
  const denom = Math.max(n - 1, 1);
  const scores = new Float64Array(n * k);
  const variance = new Float64Array(k);
  if (d <= n) {
    const c = covariance(x, n, d, denom);
    const { values, vectors, cols } = d > 128 && k + 10 < d / 2
      ? topEigen(c, d, k)
      : { ...symmetricEigen(c, d), cols: d };
    const comp = new Float64Array(k * d);
    for (let c2 = 0; c2 < k; c2++) {
      variance[c2] = Math.max(values[c2], 0);
      for (let j = 0; j < d; j++) comp[c2 * d + j] = vectors[j * cols + c2];
    }
    for (let i = 0; i < n; i++) {
      for (let c2 = 0; c2 < k; c2++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[i * d + j] * comp[c2 * d + j];
        scores[i * k + c2] = s;
      }
    }
  } else {
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let l = i; l < n; l++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[i * d + j] * x[l * d + j];
        g[i * n + l] = g[l * n + i] = s;
      }
    }
    const { values, vectors } = symmetricEigen(g, n);
    for (let c2 = 0; c2 < k; c2++) {
      const lambda = Math.max(values[c2], 0);
      variance[c2] = lambda / denom;
      const sd = Math.sqrt(lambda);
      for (let i = 0; i < n; i++) scores[i * k + c2] = vectors[i * n + c2] * sd;
    }
  }
  return { scores: { rows: n, cols: k, data: scores }, variance };
}

/** Covariance (divisor `denom`) of centered rows, four rows per pass. */
function covariance(
  x: Float64Array,
  n: number,
  d: number,
  denom: number,
): Float64Array {
  const c = new Float64Array(d * d);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o0 = i * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
    for (let a = 0; a < d; a++) {
      const a0 = x[o0 + a], a1 = x[o1 + a], a2 = x[o2 + a], a3 = x[o3 + a];
      const row = a * d;
      for (let b = a; b < d; b++) {
        c[row + b] += a0 * x[o0 + b] + a1 * x[o1 + b] + a2 * x[o2 + b] +
          a3 * x[o3 + b];
      }
    }
  }
  for (; i < n; i++) {
    const off = i * d;
    for (let a = 0; a < d; a++) {
      const xa = x[off + a], row = a * d;
      for (let b = a; b < d; b++) c[row + b] += xa * x[off + b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) c[b * d + a] = c[a * d + b] /= denom;
  }
  return c;
}

/**
 * Top-k eigenpairs of a symmetric d x d matrix by randomized subspace
 * iteration with Rayleigh-Ritz; `vectors` is d x (k + 10) row-major.
 */
function topEigen(
  c: Float64Array,
  d: number,
  k: number,
): { values: Float64Array; vectors: Float64Array; cols: number } {
  const m = Math.min(d, k + 10);
  const prng = createPrng(0x5eed);
  let q: Float64Array = Float64Array.from(
    { length: d * m },
    () => prng.normal(),
  );
  orthonormalize(q, d, m);
  for (let step = 0; step < 8; step++) {
    q = multiply(c, q, d, m);
    orthonormalize(q, d, m);
  }
  const cq = multiply(c, q, d, m);
  const b = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let s = r; s < m; s++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += q[j * m + r] * cq[j * m + s];
      b[r * m + s] = b[s * m + r] = sum;
    }
  }
  const small = symmetricEigen(b, m);
  const vectors = new Float64Array(d * m);
  for (let j = 0; j < d; j++) {
    for (let t = 0; t < m; t++) {
      let sum = 0;
      for (let r = 0; r < m; r++) {
        sum += q[j * m + r] * small.vectors[r * m + t];
      }
      vectors[j * m + t] = sum;
    }
  }
  for (let t = 0; t < m; t++) {
    let big = 0;
    for (let j = 0; j < d; j++) {
      if (Math.abs(vectors[j * m + t]) > Math.abs(big)) {
        big = vectors[j * m + t];
      }
    }
    if (big < 0) {
      for (let j = 0; j < d; j++) vectors[j * m + t] = -vectors[j * m + t];
    }
  }
  return { values: small.values, vectors, cols: m };
}

/** c (d x d) times q (d x m), row-major. */
function multiply(
  c: Float64Array,
  q: Float64Array,
  d: number,
  m: number,
): Float64Array {
  const out = new Float64Array(d * m);
  for (let i = 0; i < d; i++) {
    const oi = i * m;
    for (let j = 0; j < d; j++) {
      const v = c[i * d + j];
      if (v === 0) continue;
      const oj = j * m;
      for (let t = 0; t < m; t++) out[oi + t] += v * q[oj + t];
    }
  }
  return out;
}

/** Modified Gram-Schmidt on the m columns of a d x m row-major matrix. */
function orthonormalize(q: Float64Array, d: number, m: number): void {
  for (let t = 0; t < m; t++) {
    for (let r = 0; r < t; r++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += q[j * m + r] * q[j * m + t];
      for (let j = 0; j < d; j++) q[j * m + t] -= dot * q[j * m + r];
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += q[j * m + t] ** 2;
    norm = Math.sqrt(norm);
    for (let j = 0; j < d; j++) {
      q[j * m + t] = norm > 0 ? q[j * m + t] / norm : 0;
    }
  }
}
