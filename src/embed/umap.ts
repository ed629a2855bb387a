/**
 * UMAP to two dimensions through `umap-js` (PAIR-code), seeded with our
 * PRNG so the same seed gives the same map (umap-js draws every random
 * number from the `random` function it is given).
 *
 * @module
 */

import { UMAP } from "umap-js";
import { createPrng } from "../random/prng.ts";
import { toMatrix } from "./_matrix.ts";

/** Options of {@linkcode umap}; defaults are umap-js's (= umap-learn's). */
export interface UmapOptions {
  /** Neighbours of the fuzzy graph (clipped to n - 1). Default 15. */
  nNeighbors?: number;
  /** Smallest distance between embedded points. Default 0.1. */
  minDist?: number;
  /** Optimization epochs (default: umap-js picks 500 for small, 200 for large sets). */
  nEpochs?: number;
  /** Seed of every random step. Default 0. */
  seed?: number;
}

/**
 * Embed vectors in two dimensions with UMAP.
 *
 * @param vectors Equal-length finite vectors (at least 3).
 * @param options Neighbours, minimum distance, epochs, seed.
 * @returns `2n` coordinates: x0, y0, x1, y1, ...
 *
 * @example Usage
 * ```ts
 * import { umap } from "./umap.ts";
 * const pts = Array.from({ length: 30 }, (_, i) => [i < 15 ? 0 : 9, i % 5, (i * 7) % 3]);
 * const y = umap(pts, { nNeighbors: 5, seed: 1 });
 * console.assert(y.length === 60 && y.every(Number.isFinite));
 * ```
 */
export function umap(
  vectors: readonly ArrayLike<number>[],
  options: UmapOptions = {},
): Float64Array {
  const m = toMatrix(vectors, "UMAP input");
  if (m.rows < 3) {
    throw new RangeError(
      `Cannot run UMAP on ${m.rows} points: expected at least 3`,
    );
  }
  const nNeighbors = Math.min(options.nNeighbors ?? 15, m.rows - 1);
  if (!(Number.isInteger(nNeighbors) && nNeighbors >= 2)) {
    throw new RangeError(
      `Cannot use nNeighbors ${options.nNeighbors}: expected an integer >= 2`,
    );
  }
  const prng = createPrng(options.seed ?? 0);
  const model = new UMAP({
    nComponents: 2,
    nNeighbors,
    minDist: options.minDist ?? 0.1,
    ...(options.nEpochs ? { nEpochs: options.nEpochs } : {}),
    random: () => prng.next(),
  });
  const rows = Array.from(
    { length: m.rows },
    (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
  const out = model.fit(rows);
  const y = new Float64Array(2 * m.rows);
  out.forEach((p, i) => {
    y[2 * i] = p[0];
    y[2 * i + 1] = p[1];
  });
  return y;
}
