/**
 * Principal component analysis by eigen-decomposition of the covariance
 * matrix (or of the Gram matrix when there are fewer points than
 * dimensions). Deterministic: each component's largest-magnitude loading is
 * positive.
 *
 * @module
 */

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
    const c = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let a = 0; a < d; a++) {
        const xa = x[off + a];
        if (xa === 0) continue;
        const row = a * d;
        for (let b = a; b < d; b++) c[row + b] += xa * x[off + b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) c[b * d + a] = c[a * d + b] /= denom;
    }
    const { values, vectors } = symmetricEigen(c, d);
    const comp = new Float64Array(k * d);
    for (let c2 = 0; c2 < k; c2++) {
      variance[c2] = Math.max(values[c2], 0);
      for (let j = 0; j < d; j++) comp[c2 * d + j] = vectors[j * d + c2];
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
