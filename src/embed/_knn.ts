/**
 * Exact k-nearest neighbours by brute force (squared Euclidean distance);
 * ties go to the lower index, so results are deterministic.
 *
 * @module
 */

import type { Matrix } from "./_matrix.ts";

/** The k nearest neighbours of every row, nearest first. */
export interface Neighbours {
  /** Neighbours per row. */
  k: number;
  /** `rows * k` neighbour indexes. */
  index: Int32Array;
  /** `rows * k` squared distances. */
  dist2: Float64Array;
}

/** Find each row's k nearest other rows (k is clipped to rows - 1). */
export function nearestNeighbours(m: Matrix, k: number): Neighbours {
  const { rows: n, cols: d, data } = m;
  k = Math.max(0, Math.min(k, n - 1));
  const index = new Int32Array(n * k);
  const dist2 = new Float64Array(n * k).fill(Infinity);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = 0; j < n; j++) {
      if (j === i) {
        row[j] = Infinity;
        continue;
      }
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = data[oi + t] - data[oj + t];
        s += diff * diff;
      }
      row[j] = s;
    }
    const base = i * k;
    let filled = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const v = row[j];
      if (filled === k && !(v < dist2[base + k - 1])) continue;
      let p = filled < k ? filled++ : k - 1;
      while (p > 0 && dist2[base + p - 1] > v) {
        dist2[base + p] = dist2[base + p - 1];
        index[base + p] = index[base + p - 1];
        p--;
      }
      dist2[base + p] = v;
      index[base + p] = j;
    }
  }
  return { k, index, dist2 };
}
