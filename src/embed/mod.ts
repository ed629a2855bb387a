/**
 * Image embeddings and the t-SNE map (the paper's Fig. 5a check that
 * simulated degradations co-locate with real ones): load feature vectors
 * computed elsewhere, or compute our documented image-quality features;
 * embed with a seeded t-SNE (scikit-learn's defaults); measure per modality
 * how often real images sit among simulated images of their own degradation
 * type; draw the map.
 *
 * ```ts ignore
 * import { buildSampleEmbeddingSet, colocation, embeddingMap } from "./mod.ts";
 * import { tsneFigure } from "../figures/mod.ts";
 * const set = await buildSampleEmbeddingSet(1);
 * const map = embeddingMap(set, { seed: 0 });
 * console.table(colocation(set));
 * const svg = tsneFigure(map.points);
 * ```
 *
 * @module
 */
export type * from "./embedding_set.ts";
export { type Degradation, DEGRADATIONS } from "../taxonomy/degradations.ts";
export { MODALITIES, type Modality } from "../taxonomy/modalities.ts";
export type { Severity } from "../taxonomy/severity.ts";
export type { FloatImage } from "../degrade/types.ts";
export type { FigureSvg } from "../figures/types.ts";
export * from "./load_embeddings.ts";
export * from "./features.ts";
export * from "./tsne.ts";
export * from "./umap.ts";
export * from "./colocation.ts";
export * from "./embedding_map.ts";
export * from "./sample_set.ts";
export type { MapLabel, MapPoint } from "../figures/tsne_map.ts";
