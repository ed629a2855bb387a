/**
 * Seeded Gaussian blobs, for tests and benchmarks of the map code.
 *
 * @module
 */

import { createPrng } from "../random/prng.ts";

/** Points drawn around `centers` random centres (uniform in [-spread, spread]^dims), unit variance. */
export function gaussianBlobs(
  n: number,
  dims: number,
  centers: number,
  seed: number,
  spread = 10,
): { points: Float64Array[]; labels: Int32Array } {
  const prng = createPrng(seed);
  const c = Array.from(
    { length: centers },
    () =>
      Float64Array.from({ length: dims }, () => (2 * prng.next() - 1) * spread),
  );
  const points: Float64Array[] = [];
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const l = i % centers;
    labels[i] = l;
    points.push(Float64Array.from(c[l], (v) => v + prng.normal()));
  }
  return { points, labels };
}
