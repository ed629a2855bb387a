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
  const filled = new Int32Array(n);
  // Each pair once (j > i), offered to both rows: half the distance work.
  // Rows see candidates in increasing index order either way, so ties keep
  // the lower index.
  const offer = (row: number, j: number, v: number) => {
    const base = row * k;
    const f = filled[row];
    if (f === k && !(v < dist2[base + k - 1])) return;
    let p = f < k ? (filled[row] = f + 1, f) : k - 1;
    while (p > 0 && dist2[base + p - 1] > v) {
      dist2[base + p] = dist2[base + p - 1];
      index[base + p] = index[base + p - 1];
      p--;
    }
    dist2[base + p] = v;
    index[base + p] = j;
  };
  if (k === 0) return { k, index, dist2 };
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    let j = i + 1;
    // Four columns per pass: the row i values are loaded once for four sums.
    for (; j + 4 <= n; j += 4) {
      const o0 = j * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let t = 0; t < d; t++) {
        const a = data[oi + t];
        const e0 = a - data[o0 + t], e1 = a - data[o1 + t];
        const e2 = a - data[o2 + t], e3 = a - data[o3 + t];
        s0 += e0 * e0;
        s1 += e1 * e1;
        s2 += e2 * e2;
        s3 += e3 * e3;
      }
      offer(i, j, s0);
      offer(j, i, s0);
      offer(i, j + 1, s1);
      offer(j + 1, i, s1);
      offer(i, j + 2, s2);
      offer(j + 2, i, s2);
      offer(i, j + 3, s3);
      offer(j + 3, i, s3);
    }
    for (; j < n; j++) {
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = data[oi + t] - data[oj + t];
        s += diff * diff;
      }
      offer(i, j, s);
      offer(j, i, s);
    }
  }
  return { k, index, dist2 };
}
