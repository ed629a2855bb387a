/**
 * The in-memory shape of a set of per-image feature vectors: what the
 * loader returns, what {@linkcode buildSampleEmbeddingSet} builds and what
 * the map and co-location analysis consume.
 *
 * @module
 */

import type { Degradation } from "../taxonomy/degradations.ts";
import type { Modality } from "../taxonomy/modalities.ts";
import type { Severity } from "../taxonomy/severity.ts";

/** Where an image's degradation comes from. */
export type ImageSource = "simulated" | "real";

/** A degradation id, `none` for a clean image, or `real` for a real-world degraded image of unknown type. */
export type DegradationLabel = Degradation | "none" | "real";

/** One row per image, columns as arrays. */
export interface EmbeddingSet {
  /** Number of images. */
  n: number;
  /** Length of every vector. */
  dims: number;
  /** Vector component names (`f0`, `f1`, ... or feature names). */
  names: string[];
  /** `image_id` per image (unique). */
  imageId: string[];
  /** Modality per image. */
  modality: Modality[];
  /** Degradation label per image. */
  degradation: DegradationLabel[];
  /** Simulated or real per image (`real` whenever degradation is `real`). */
  source: ImageSource[];
  /** Severity per image. */
  severity: Severity[];
  /** One vector per image. */
  vectors: Float64Array[];
}
