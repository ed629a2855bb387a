/**
 * t-distributed stochastic neighbour embedding (t-SNE) to two dimensions,
 * following scikit-learn's `TSNE` (same defaults, same optimizer schedule):
 * exact gradients for small inputs, Barnes-Hut for large ones, optional PCA
 * to 50 dimensions first. Every random step is seeded.
 *
 * Why our own: `@saehrimnir/druidjs` 0.9.0 `TSNE` is exact only (three dense
 * n x n matrices per iteration: 5,000 points need ~600 MB and O(n^2) time per
 * step), starts from random noise and uses a fixed exaggeration of 4 for 100
 * iterations; `tsne-js` is abandoned (2016) and exact as well.
 *
 * @module
 */

import { createPrng } from "../random/prng.ts";
import {
  conditionalP,
  jointDense,
  jointFromNeighbours,
} from "./_affinities.ts";
import { nearestNeighbours } from "./_knn.ts";
import { type Matrix, toMatrix } from "./_matrix.ts";
import { pca } from "./_pca.ts";
import { QuadForces } from "./_quadtree.ts";

/** Options of {@linkcode tsne}; defaults are scikit-learn's `TSNE` defaults unless noted. */
export interface TsneOptions {
  /** Effective number of neighbours (> 0 and < number of points). Default 30. */
  perplexity?: number;
  /** Factor on P during the first 250 iterations. Default 12. */
  earlyExaggeration?: number;
  /** Step size, or `"auto"` = max(n / earlyExaggeration / 4, 50). Default `"auto"`. */
  learningRate?: number | "auto";
  /** Total iterations, including the 250 exaggerated ones (>= 250). Default 1000. */
  maxIter?: number;
  /** `"pca"` (first two principal components scaled to std 1e-4) or `"random"` (N(0, 1e-4^2)). Default `"pca"`. */
  init?: "pca" | "random";
  /** `"exact"`, `"barnes_hut"`, or `"auto"`: exact below 500 points. Default `"auto"` (scikit-learn: always Barnes-Hut). */
  method?: "auto" | "exact" | "barnes_hut";
  /** Barnes-Hut accuracy/speed trade-off. Default 0.5. */
  angle?: number;
  /** Reduce inputs with more dimensions than this by PCA first (`null`: never). Default 50 (scikit-learn's documented advice, not its default). */
  pcaDims?: number | null;
  /** Stop when the error has not improved for this many iterations. Default 300. */
  nIterWithoutProgress?: number;
  /** Stop when the gradient norm is below this. Default 1e-7. */
  minGradNorm?: number;
  /** Seed for the random init (and nothing else: the rest is deterministic). Default 0. */
  seed?: number;
  /** Called every 50 iterations and at the end with (iteration, maxIter). */
  onProgress?: (iteration: number, maxIter: number) => void;
}

/** A 2-D t-SNE map. */
export interface TsneResult {
  /** Number of points. */
  n: number;
  /** `2n` coordinates: x0, y0, x1, y1, ... */
  embedding: Float64Array;
  /** Kullback-Leibler divergence KL(P || Q) at the end. */
  klDivergence: number;
  /** Iterations run. */
  iterations: number;
  /** The method used. */
  method: "exact" | "barnes_hut";
}

const EXPLORATION_ITER = 250;
const CHECK_EVERY = 50;

/**
 * Embed vectors in two dimensions with t-SNE.
 *
 * @param vectors Equal-length finite vectors, one per point (at least 2 points).
 * @param options See {@linkcode TsneOptions}.
 * @returns The map and its final KL divergence.
 *
 * @example Two well-separated groups stay apart
 * ```ts
 * import { tsne } from "./tsne.ts";
 * const pts = Array.from({ length: 40 }, (_, i) => [i < 20 ? 0 : 10, (i % 20) / 20, (i % 7) / 7]);
 * const { embedding } = tsne(pts, { perplexity: 5, maxIter: 300, seed: 1 });
 * console.assert(embedding.length === 80);
 * ```
 */
export function tsne(
  vectors: readonly ArrayLike<number>[],
  options: TsneOptions = {},
): TsneResult {
  let x = toMatrix(vectors, "t-SNE input");
  const n = x.rows;
  const o = resolveOptions(options, n);
  if (o.pcaDims !== null && x.cols > o.pcaDims) x = pca(x, o.pcaDims).scores;
  const method = o.method === "auto"
    ? (n < 500 ? "exact" : "barnes_hut")
    : o.method;
  const y = initialEmbedding(x, o.init, o.seed);
  const grad = method === "exact"
    ? exactGradient(x, o.perplexity)
    : barnesHutGradient(x, o.perplexity, o.angle);
  const common = { y, grad, learningRate: o.learningRate, options: o };
  const stage1 = descend({
    ...common,
    from: 0,
    to: Math.min(EXPLORATION_ITER, o.maxIter),
    momentum: 0.5,
    exaggeration: o.earlyExaggeration,
    patience: EXPLORATION_ITER,
  });
  const stage2 = descend({
    ...common,
    from: stage1.last + 1,
    to: o.maxIter,
    momentum: 0.8,
    exaggeration: 1,
    patience: o.nIterWithoutProgress,
  });
  const kl = grad(y, 1, true).error;
  o.onProgress?.(o.maxIter, o.maxIter);
  return {
    n,
    embedding: y,
    klDivergence: kl,
    iterations: Math.max(stage1.last, stage2.last) + 1,
    method,
  };
}

type Resolved = Required<Omit<TsneOptions, "onProgress" | "learningRate">> & {
  learningRate: number;
  onProgress?: TsneOptions["onProgress"];
};

function resolveOptions(options: TsneOptions, n: number): Resolved {
  const o = {
    perplexity: 30,
    earlyExaggeration: 12,
    learningRate: "auto" as number | "auto",
    maxIter: 1000,
    init: "pca" as const,
    method: "auto" as const,
    angle: 0.5,
    pcaDims: 50 as number | null,
    nIterWithoutProgress: 300,
    minGradNorm: 1e-7,
    seed: 0,
    ...options,
  };
  if (n < 2) {
    throw new RangeError(`Cannot run t-SNE on ${n} point: expected at least 2`);
  }
  if (!(o.perplexity > 0 && o.perplexity < n)) {
    throw new RangeError(
      `Cannot use perplexity ${o.perplexity}: expected a number > 0 and < the number of points (${n})`,
    );
  }
  if (!(o.earlyExaggeration >= 1)) {
    throw new RangeError(
      `Cannot use early exaggeration ${o.earlyExaggeration}: expected a number >= 1`,
    );
  }
  if (!Number.isInteger(o.maxIter) || o.maxIter < EXPLORATION_ITER) {
    throw new RangeError(
      `Cannot use maxIter ${o.maxIter}: expected an integer >= ${EXPLORATION_ITER}`,
    );
  }
  if (!(o.angle >= 0 && o.angle <= 1)) {
    throw new RangeError(
      `Cannot use angle ${o.angle}: expected a number in [0, 1]`,
    );
  }
  if (!["pca", "random"].includes(o.init)) {
    throw new TypeError(
      `Cannot use init "${o.init}": expected "pca" or "random"`,
    );
  }
  if (!["auto", "exact", "barnes_hut"].includes(o.method)) {
    throw new TypeError(
      `Cannot use method "${o.method}": expected "auto", "exact" or "barnes_hut"`,
    );
  }
  if (o.pcaDims !== null && !(Number.isInteger(o.pcaDims) && o.pcaDims >= 2)) {
    throw new RangeError(
      `Cannot use pcaDims ${o.pcaDims}: expected an integer >= 2 or null`,
    );
  }
  const lr = o.learningRate === "auto"
    ? Math.max(n / o.earlyExaggeration / 4, 50)
    : o.learningRate;
  if (!(lr > 0)) {
    throw new RangeError(
      `Cannot use learning rate ${o.learningRate}: expected a positive number or "auto"`,
    );
  }
  return { ...o, learningRate: lr };
}

function initialEmbedding(
  x: Matrix,
  init: "pca" | "random",
  seed: number,
): Float64Array {
  const n = x.rows;
  const y = new Float64Array(2 * n);
  if (init === "random") {
    const prng = createPrng(seed);
    for (let i = 0; i < 2 * n; i++) y[i] = 1e-4 * prng.normal();
    return y;
  }
  const s = pca(x, 2).scores;
  for (let i = 0; i < n; i++) {
    y[2 * i] = s.data[i * s.cols];
    y[2 * i + 1] = s.cols > 1 ? s.data[i * s.cols + 1] : 0;
  }
  let mean = 0, ss = 0;
  for (let i = 0; i < n; i++) mean += y[2 * i];
  mean /= n;
  for (let i = 0; i < n; i++) ss += (y[2 * i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  const scale = sd > 0 ? 1e-4 / sd : 1;
  for (let i = 0; i < 2 * n; i++) y[i] *= scale;
  return y;
}

type Gradient = (
  y: Float64Array,
  exaggeration: number,
  withError: boolean,
) => { grad: Float64Array; error: number };

function exactGradient(x: Matrix, perplexity: number): Gradient {
  const n = x.rows, d = x.cols;
  const dist2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = x.data[i * d + t] - x.data[j * d + t];
        s += diff * diff;
      }
      dist2[i * n + j] = dist2[j * n + i] = s;
    }
  }
  const p = jointDense(dist2, n, perplexity);
  const num = new Float64Array(n * n);
  const grad = new Float64Array(2 * n);
  return (y, exaggeration, withError) => {
    let sumQ = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
        const q = 1 / (1 + dx * dx + dy * dy);
        num[i * n + j] = num[j * n + i] = q;
        sumQ += 2 * q;
      }
    }
    let error = 0;
    for (let i = 0; i < n; i++) {
      let gx = 0, gy = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const q = num[i * n + j];
        const pij = p[i * n + j];
        const m = (exaggeration * pij - q / sumQ) * q;
        gx += m * (y[2 * i] - y[2 * j]);
        gy += m * (y[2 * i + 1] - y[2 * j + 1]);
        if (withError) {
          error += pij * Math.log(
            Math.max(pij, Number.EPSILON) / Math.max(q / sumQ, Number.EPSILON),
          );
        }
      }
      grad[2 * i] = 4 * gx;
      grad[2 * i + 1] = 4 * gy;
    }
    return { grad, error };
  };
}

function barnesHutGradient(
  x: Matrix,
  perplexity: number,
  angle: number,
): Gradient {
  const n = x.rows;
  const k = Math.min(n - 1, Math.floor(3 * perplexity + 1));
  const nn = nearestNeighbours(x, k);
  const cond = new Float64Array(n * k);
  conditionalP(nn.dist2, n, k, perplexity, cond);
  const P = jointFromNeighbours(n, k, nn.index, cond);
  const tree = new QuadForces(n);
  const neg = new Float64Array(2 * n);
  const grad = new Float64Array(2 * n);
  const { rowPtr, col, val } = P;
  return (y, exaggeration, withError) => {
    const sumQ = tree.negative(y, angle, neg);
    let error = 0;
    for (let i = 0; i < n; i++) {
      const yx = y[2 * i], yy = y[2 * i + 1];
      let px = 0, py = 0;
      for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
        const j = col[e];
        const dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
        const q = 1 / (1 + dx * dx + dy * dy);
        const m = val[e] * q;
        px += m * dx;
        py += m * dy;
        if (withError) {
          error += val[e] *
            Math.log(Math.max(val[e], 1e-38) / Math.max(q / sumQ, 1e-38));
        }
      }
      grad[2 * i] = 4 * (exaggeration * px - neg[2 * i] / sumQ);
      grad[2 * i + 1] = 4 * (exaggeration * py - neg[2 * i + 1] / sumQ);
    }
    return { grad, error };
  };
}

interface Stage {
  y: Float64Array;
  grad: Gradient;
  learningRate: number;
  options: Resolved;
  from: number;
  to: number;
  momentum: number;
  exaggeration: number;
  patience: number;
}

function descend(s: Stage): { last: number } {
  const { y, learningRate: lr, momentum } = s;
  const update = new Float64Array(y.length);
  const gains = new Float64Array(y.length).fill(1);
  let best = Infinity, bestIter = s.from, last = s.from - 1;
  for (let it = s.from; it < s.to; it++) {
    last = it;
    const check = (it + 1) % CHECK_EVERY === 0;
    const { grad, error } = s.grad(y, s.exaggeration, check);
    let norm2 = 0;
    for (let t = 0; t < y.length; t++) {
      const g = grad[t];
      norm2 += g * g;
      let gain = update[t] * g < 0 ? gains[t] + 0.2 : gains[t] * 0.8;
      if (gain < 0.01) gain = 0.01;
      gains[t] = gain;
      update[t] = momentum * update[t] - lr * gain * g;
      y[t] += update[t];
    }
    if (check) {
      s.options.onProgress?.(it + 1, s.options.maxIter);
      if (error < best) {
        best = error;
        bestIter = it;
      } else if (it - bestIter > s.patience) break;
      if (Math.sqrt(norm2) <= s.options.minGradNorm) break;
    }
  }
  return { last };
}
