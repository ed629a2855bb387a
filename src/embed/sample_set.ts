/**
 * A default embedding set built from our own code-generated sample images
 * (src/degrade/samples.ts), for trying the map and the co-location analysis
 * without any data.
 *
 * HONEST CAVEAT: we have no real-world degraded images. The "real" images of
 * this set are stand-ins: the same sample image, mirrored and cropped to a
 * different random window, degraded by the same operator with different
 * seeds and with every numeric parameter jittered by up to ±15 % (clipped to
 * its documented range). They share the generator with the simulated images,
 * so co-location on this set checks the pipeline, not the paper's claim that
 * simulated degradations resemble real ones. For that claim, load real
 * embeddings with `loadEmbeddings` (e.g. BiomedCLIP features of real degraded
 * images and of our simulated ones).
 *
 * @module
 */

import { DEGRADERS } from "../degrade/registry.ts";
import {
  SAMPLE_MODALITY,
  SAMPLE_NAMES,
  sampleImage,
} from "../degrade/samples.ts";
import type { DegradeLevel, Degrader, FloatImage } from "../degrade/types.ts";
import { createPrng, type Prng } from "../random/prng.ts";
import { type Degradation, degradationsFor } from "../taxonomy/degradations.ts";
import { cropResize } from "./_resample.ts";
import type { EmbeddingSet, ImageSource } from "./embedding_set.ts";
import { FEATURE_NAMES, imageFeatures } from "./features.ts";

/** Options of {@linkcode buildSampleEmbeddingSet}. */
export interface SampleSetOptions {
  /** Side of the images analysed, in pixels. Default 128. */
  size?: number;
  /** Simulated images per (sample, id, level). Default 3. */
  simulatedPerLevel?: number;
  /** Real stand-ins per (sample, id, level). Default 2. */
  realPerLevel?: number;
  /** Largest relative parameter jitter of the real stand-ins. Default 0.15. */
  jitter?: number;
  /** Called after each image with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The sample set: an {@linkcode EmbeddingSet} of image-quality features plus provenance. */
export interface SampleEmbeddingSet extends EmbeddingSet {
  /** Parameters applied to each image. */
  params: Record<string, unknown>[];
  /** Degradation ids valid for a sample's modality but without an operator in this build. */
  skipped: { modality: string; degradation: Degradation }[];
}

/**
 * Degrade every sample image with every valid degradation id at L1 and L2
 * (a few seeds each, plus "real" stand-ins, see the module caveat) and
 * compute {@linkcode imageFeatures} of each result.
 *
 * @param seed Seed of every random step (crops, degradation seeds, jitter).
 * @param options Sizes and counts.
 * @returns The set, with `FEATURE_NAMES` as vector names.
 *
 * @example Usage
 * ```ts
 * import { buildSampleEmbeddingSet } from "./sample_set.ts";
 * const set = await buildSampleEmbeddingSet(1, { size: 32, simulatedPerLevel: 1, realPerLevel: 1 });
 * console.assert(set.source.includes("real") && set.n === set.vectors.length);
 * ```
 */
export async function buildSampleEmbeddingSet(
  seed: number,
  options: SampleSetOptions = {},
): Promise<SampleEmbeddingSet> {
  const size = options.size ?? 128;
  const nSim = options.simulatedPerLevel ?? 3;
  const nReal = options.realPerLevel ?? 2;
  const jitter = options.jitter ?? 0.15;
  if (!(Number.isInteger(size) && size >= 16)) {
    throw new RangeError(`Cannot use size ${size}: expected an integer >= 16`);
  }
  for (
    const [name, v] of [["simulatedPerLevel", nSim], [
      "realPerLevel",
      nReal,
    ]] as const
  ) {
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new RangeError(
        `Cannot use ${name} ${v}: expected a non-negative integer`,
      );
    }
  }
  if (!(jitter >= 0 && jitter < 1)) {
    throw new RangeError(
      `Cannot use jitter ${jitter}: expected a number in [0, 1)`,
    );
  }
  const prng = createPrng(seed);
  const set: SampleEmbeddingSet = {
    n: 0,
    dims: FEATURE_NAMES.length,
    names: [...FEATURE_NAMES],
    imageId: [],
    modality: [],
    degradation: [],
    source: [],
    severity: [],
    vectors: [],
    params: [],
    skipped: [],
  };
  const jobs: [typeof SAMPLE_NAMES[number], Degradation, Degrader][] = [];
  for (const name of SAMPLE_NAMES) {
    const modality = SAMPLE_MODALITY[name];
    for (const id of degradationsFor(modality)) {
      const op = DEGRADERS[id];
      if (op) jobs.push([name, id, op]);
      else set.skipped.push({ modality, degradation: id });
    }
  }
  const total = jobs.length * 2 * (nSim + nReal);
  let done = 0;
  for (const name of SAMPLE_NAMES) {
    const base = sampleImage(name, 2 * size);
    for (const [jobName, id, op] of jobs) {
      if (jobName !== name) continue;
      for (const level of [1, 2] as DegradeLevel[]) {
        for (let r = 0; r < nSim + nReal; r++) {
          const source: ImageSource = r < nSim ? "simulated" : "real";
          const image = randomCrop(base, size, prng, source === "real");
          const p = op.sample(prng.fork(), level, image);
          const params = source === "real"
            ? jitterParams(op, p, jitter, prng)
            : p;
          // Integer parameters (kernel lengths...) get rounded jitter; if
          // the operator still refuses, the unjittered values run and are
          // recorded.
          let out: FloatImage | null = null, used = params;
          for (const candidate of [params, roundLike(params, p), p]) {
            try {
              out = await op.apply(image, candidate);
              used = candidate;
              break;
            } catch (e) {
              if (candidate === p) throw e;
            }
          }
          set.imageId.push(`${name}/${id}/L${level}/${source}${r}`);
          set.modality.push(SAMPLE_MODALITY[name]);
          set.degradation.push(id);
          set.source.push(source);
          set.severity.push(level);
          set.vectors.push(imageFeatures(out!));
          set.params.push(used);
          options.onProgress?.(++done, total);
        }
      }
    }
  }
  set.n = set.vectors.length;
  return set;
}

function randomCrop(
  base: FloatImage,
  size: number,
  prng: Prng,
  mirror: boolean,
): FloatImage {
  const frac = 0.8 + 0.2 * prng.next();
  const cw = base.width * frac, ch = base.height * frac;
  const x0 = prng.next() * (base.width - cw),
    y0 = prng.next() * (base.height - ch);
  return cropResize(base, x0, y0, cw, ch, size, mirror);
}

function jitterParams(
  op: Degrader,
  params: Record<string, unknown>,
  jitter: number,
  prng: Prng,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const spec of op.parameters) {
    const v = params[spec.name];
    if (typeof v !== "number" || v === 0) continue;
    const j = v * (1 + jitter * (2 * prng.next() - 1));
    out[spec.name] = Math.min(spec.max, Math.max(spec.min, j));
  }
  return out;
}

function roundLike(
  params: Record<string, unknown>,
  original: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const [k, v] of Object.entries(original)) {
    if (Number.isInteger(v) && typeof params[k] === "number") {
      out[k] = Math.round(params[k] as number);
    }
  }
  return out;
}
