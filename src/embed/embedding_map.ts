/**
 * From an {@linkcode EmbeddingSet} to a 2-D map: standardize the vectors
 * (optional), run {@linkcode tsne} (or {@linkcode umap}), and return one {@linkcode MapPoint} per
 * image, ready for `tsneFigure` (src/figures) or a CSV.
 *
 * @module
 */

import { standardizeColumns, toMatrix } from "./_matrix.ts";
import type { EmbeddingSet } from "./embedding_set.ts";
import { tsne, type TsneOptions, type TsneResult } from "./tsne.ts";
import { umap, type UmapOptions } from "./umap.ts";
import type { MapPoint } from "../figures/tsne_map.ts";

/** A map point with its image id and severity. */
export interface MappedImage extends MapPoint {
  /** The image id. */
  imageId: string;
  /** Its severity. */
  severity: number;
}

/** Options of {@linkcode embeddingMap}. */
export interface EmbeddingMapOptions extends TsneOptions {
  /** Z-score each vector component over the whole set first. Default true. */
  standardize?: boolean;
  /** `tsne` (default) or `umap` (through umap-js, seeded with `seed`). */
  reducer?: "tsne" | "umap";
  /** UMAP settings when `reducer` is `umap`. */
  umap?: Omit<UmapOptions, "seed">;
}

/** The map and the t-SNE run behind it. */
export interface EmbeddingMap {
  /** One point per image, in set order. */
  points: MappedImage[];
  /** The t-SNE result (KL divergence, iterations, method); `null` for UMAP. */
  tsne: TsneResult | null;
}

/**
 * Map an embedding set to two dimensions with t-SNE (perplexity is lowered
 * to (n - 1) / 3 for small sets, as it must stay below n).
 *
 * @param set The images and vectors.
 * @param options t-SNE options plus `standardize`.
 * @returns Points and the run.
 *
 * @example Usage
 * ```ts
 * import { embeddingMap } from "./embedding_map.ts";
 * import type { EmbeddingSet } from "./embedding_set.ts";
 * const set: EmbeddingSet = {
 *   n: 4, dims: 2, names: ["f0", "f1"], imageId: ["a", "b", "c", "d"],
 *   modality: ["CT", "CT", "CT", "CT"],
 *   degradation: ["low_dose", "low_dose", "sparse_view", "sparse_view"],
 *   source: ["simulated", "real", "simulated", "real"],
 *   severity: [1, 1, 2, 2],
 *   vectors: [[0, 0], [0, 1], [5, 5], [5, 6]].map((v) => Float64Array.from(v)),
 * };
 * const map = embeddingMap(set, { maxIter: 250 });
 * console.assert(map.points.length === 4 && map.points[0].imageId === "a");
 * ```
 */
export function embeddingMap(
  set: EmbeddingSet,
  options: EmbeddingMapOptions = {},
): EmbeddingMap {
  const {
    standardize = true,
    reducer = "tsne",
    umap: umapOptions,
    ...tsneOptions
  } = options;
  if (reducer !== "tsne" && reducer !== "umap") {
    throw new TypeError(
      `Cannot use reducer "${reducer}": expected "tsne" or "umap"`,
    );
  }
  const m = toMatrix(set.vectors, "embedding vectors");
  if (standardize) standardizeColumns(m);
  const rows = Array.from(
    { length: m.rows },
    (_, i) => m.data.subarray(i * m.cols, (i + 1) * m.cols),
  );
  const perplexity = tsneOptions.perplexity ??
    Math.min(30, Math.max(1, (set.n - 1) / 3));
  const result = reducer === "tsne"
    ? tsne(rows, { ...tsneOptions, perplexity })
    : null;
  const xy = result?.embedding ??
    umap(rows, { ...umapOptions, seed: tsneOptions.seed ?? 0 });
  const points = set.imageId.map((imageId, i) => ({
    imageId,
    x: xy[2 * i],
    y: xy[2 * i + 1],
    modality: set.modality[i],
    degradation: set.degradation[i],
    source: set.source[i],
    severity: set.severity[i],
  }));
  return { points, tsne: result };
}
