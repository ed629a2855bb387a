/**
 * The simulator as a user feature: a MedQ-Deg-shaped benchmark of any size
 * with chosen accuracy and confidence profiles per model and severity, e.g.
 * for a power analysis of the Dunning-Kruger tests.
 *
 * @module
 */
import { createPrng } from "../random/prng.ts";
import type { ModelInfo } from "../results/results.ts";
import type { ResultsData } from "../results/write_results.ts";
import { type ItemDesign, paperDesign, scaleDesign } from "./design.ts";
import { buildItems } from "./items.ts";
import { DEFAULT_EFFECTS, modelLogits, sharedLatent } from "./latent.ts";
import { buildPredictions } from "./predictions.ts";
import { fitLevel } from "./votes.ts";

/** A simulated model's profile. */
export interface SimulatedModel {
  /** Unique model id. */
  model: string;
  /** Group (default "open-source"). */
  group?: "proprietary" | "open-source" | "medical";
  /** Parameter count in billions (default unknown). */
  paramsB?: number | null;
  /** Accuracy at L0, L1, L2 (fractions). */
  accuracy: readonly [number, number, number];
  /** Mean voting confidence at L0, L1, L2 (fractions); omitted: whatever the latent structure gives. */
  confidence?: readonly [number, number, number];
  /**
   * Alternatively, the calibration shift Δcalib = confidence - accuracy at
   * L0, L1, L2 (confidence is then accuracy + overconfidence, clamped to
   * [0, 1]); ignored when `confidence` is given.
   */
  overconfidence?: readonly [number, number, number];
}

/** Options of {@linkcode simulate}. */
export interface SimulateOptions {
  /** Number of questions (default 300); items follow the paper's proportions. */
  questions?: number;
  /** Trials per item (default 3). */
  trials?: number;
  /** Seed (default 0). */
  seed?: number;
  /** The models (default {@linkcode DEFAULT_PROFILES}). */
  models?: readonly SimulatedModel[];
  /** Item design to scale (default the paper's). */
  design?: ItemDesign;
}

/** Three example profiles with a Dunning-Kruger pattern (accuracy falls, confidence does not). */
export const DEFAULT_PROFILES: readonly SimulatedModel[] = [
  {
    model: "strong",
    accuracy: [0.72, 0.7, 0.65],
    confidence: [0.9, 0.9, 0.89],
  },
  {
    model: "medium",
    accuracy: [0.6, 0.58, 0.53],
    confidence: [0.85, 0.85, 0.85],
  },
  {
    model: "weak",
    accuracy: [0.45, 0.44, 0.41],
    confidence: [0.8, 0.81, 0.82],
  },
];

function check(
  models: readonly SimulatedModel[],
  trials: number,
  questions: number,
) {
  if (!Number.isInteger(trials) || trials < 1 || trials > 255) {
    throw new RangeError(
      `Cannot simulate ${trials} trials: expected an integer in [1, 255]`,
    );
  }
  if (!Number.isInteger(questions) || questions < 1) {
    throw new RangeError(
      `Cannot simulate ${questions} questions: expected a positive integer`,
    );
  }
  if (models.length === 0) {
    throw new RangeError(
      "Cannot simulate no models: expected at least one model profile",
    );
  }
  const seen = new Set<string>();
  for (const m of models) {
    if (
      typeof m.model !== "string" || m.model.trim() === "" || seen.has(m.model)
    ) {
      throw new TypeError(
        `Cannot simulate model id "${m.model}": expected a unique non-empty string`,
      );
    }
    seen.add(m.model);
    for (
      const [name, v, lo] of [
        ["accuracy", m.accuracy, 0],
        ["confidence", m.confidence, 0],
        ["overconfidence", m.overconfidence, -1],
      ] as const
    ) {
      if (v === undefined && name !== "accuracy") continue;
      if (
        !Array.isArray(v) || v.length !== 3 ||
        v.some((x) => !(x >= lo && x <= 1))
      ) {
        throw new RangeError(
          `Cannot simulate model "${m.model}" with ${name} ${
            JSON.stringify(v)
          }: expected three numbers in [${lo}, 1] (L0, L1, L2)`,
        );
      }
    }
  }
}

function targetConfidence(m: SimulatedModel, L: number): number | null {
  if (m.confidence) return m.confidence[L]!;
  if (m.overconfidence) {
    return Math.min(1, Math.max(0, m.accuracy[L]! + m.overconfidence[L]!));
  }
  return null;
}

/**
 * Simulate a benchmark: items in the paper's proportions (scaled to
 * `questions`), and for each model per-level accuracy hit to one trial and
 * mean voting confidence hit approximately (wrong votes of an item go to one
 * distractor; confidence is raised by making items more all-or-nothing).
 * Deterministic from the seed.
 *
 * @param options Size, trials, seed and model profiles.
 * @returns Results (items, predictions, models) ready for `writeResults`.
 *
 * @example Usage
 * ```ts
 * import { simulate } from "./simulate.ts";
 * const r = simulate({ questions: 50, trials: 3, seed: 7 });
 * console.assert(r.models.length === 3);
 * console.assert(r.predictions.n === 3 * r.items.n * 3);
 * ```
 */
export function simulate(options: SimulateOptions = {}): ResultsData {
  const questions = options.questions ?? 300;
  const trials = options.trials ?? 3;
  const models = options.models ?? DEFAULT_PROFILES;
  check(models, trials, questions);
  const root = createPrng(options.seed ?? 0);
  const design = scaleDesign(options.design ?? paperDesign(), questions);
  const { items } = buildItems(design, root.fork());
  const shared = sharedLatent(items, root.fork());
  const levels = [0, 1, 2].map((L) => {
    const idx: number[] = [];
    for (let i = 0; i < items.n; i++) if (items.severity[i] === L) idx.push(i);
    return idx;
  });
  const correct = models.map((m) => {
    const prng = root.fork();
    const logits = modelLogits(items, shared, DEFAULT_EFFECTS, prng.fork());
    const k = new Uint8Array(items.n);
    levels.forEach((idx, L) => {
      const fit = fitLevel(
        Float64Array.from(idx, (i) => logits[i]!),
        Uint8Array.from(idx, (i) => items.nOptions[i]!),
        trials,
        m.accuracy[L]!,
        targetConfidence(m, L),
        prng.fork(),
      );
      idx.forEach((i, j) => (k[i] = fit.k[j]!));
    });
    return k;
  });
  const predictions = buildPredictions(
    items,
    correct,
    trials,
    models.map(() => ({ consistency: 1 })),
    root.fork(),
  );
  const infos: ModelInfo[] = models.map((m) => ({
    model: m.model,
    displayName: m.model,
    group: m.group ?? "open-source",
    paramsB: m.paramsB ?? null,
    extra: {},
  }));
  return { items, predictions, models: infos };
}
