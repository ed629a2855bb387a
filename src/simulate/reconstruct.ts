/**
 * The reconstruction of MedQ-Deg's raw results from the paper's published
 * aggregates (never the authors' data): `main` (40 models, 3 trials),
 * `calibration` (19 models, 10 trials, same items) and `realworld` (10
 * models on real degraded images). Deterministic from a seed.
 *
 * @module
 */
import { createPrng, type Prng } from "../random/prng.ts";
import type { ItemColumns, ModelInfo } from "../results/results.ts";
import type { ResultsData } from "../results/write_results.ts";
import { type PaperNumbers, paperNumbers } from "../paper/numbers.ts";
import { paperDesign } from "./design.ts";
import { buildItems } from "./items.ts";
import { sharedLatent } from "./latent.ts";
import { fitMainModel } from "./main_fit.ts";
import { buildPredictions } from "./predictions.ts";
import { sliceSets } from "./slices.ts";
import { fitLevel } from "./votes.ts";
import { realworldItems } from "./realworld_items.ts";

/** The default seed of the shipped reconstruction. */
export const PAPER_SEED = 20251125;

/** A report callback: `(done, total)` units of work. */
export type OnProgress = (done: number, total: number) => void;

/** One fitted target: what, target, value reached, tolerance. */
export interface FitResidual {
  /** Model id. */
  model: string;
  /** Constraint label, e.g. "table3 Artif drop". */
  label: string;
  /** Target (fraction). */
  target: number;
  /** Value reached (fraction). */
  value: number;
  /** Fitting tolerance (fraction). */
  tol: number;
}

/** The `main` reconstruction plus what the calibration run reuses. */
export interface MainReconstruction {
  /** The results. */
  data: ResultsData;
  /** Every fitted target's residual. */
  residuals: FitResidual[];
  /** Per model (Table 6 order), the raked item logits. */
  logits: Float64Array[];
}

function modelInfos(paper: PaperNumbers, ids: readonly string[]): ModelInfo[] {
  return ids.map((id) => {
    const m = paper.models.find((m) => m.model === id);
    return {
      model: id,
      displayName: id,
      group: m?.group ?? "open-source",
      paramsB: m?.paramsB ?? (id === "InternVL2_5-8B-MPO" ? 8 : null),
      extra: {},
    };
  });
}

function childSeeds(
  seed: number,
): {
  items: Prng;
  shared: Prng;
  models: Prng;
  votes: Prng;
  calib: Prng;
  real: Prng;
} {
  const root = createPrng(seed);
  return {
    items: root.fork(),
    shared: root.fork(),
    models: root.fork(),
    votes: root.fork(),
    calib: root.fork(),
    real: root.fork(),
  };
}

/**
 * Reconstruct `main`: 4,306 questions, 24,894 items, 40 models x 3 trials,
 * fitted to Tables 6, 3, 2 and the degradation heatmap.
 *
 * @param seed The seed (default {@linkcode PAPER_SEED}).
 * @param onProgress Called after each model.
 * @returns Results, residuals and per-model logits.
 *
 * @example Usage
 * ```ts ignore
 * const { data } = reconstructMain();
 * console.assert(data.items.n === 24894);
 * ```
 */
export function reconstructMain(
  seed: number = PAPER_SEED,
  onProgress?: OnProgress,
): MainReconstruction {
  const paper = paperNumbers();
  const s = childSeeds(seed);
  const { items } = buildItems(paperDesign(), s.items);
  const sets = sliceSets(items);
  const order = visitOrder(items);
  const shared = sharedLatent(items, s.shared);
  const ids = paper.table6.map((r) => r.model);
  const correct: Uint8Array[] = [];
  const logits: Float64Array[] = [];
  const residuals: FitResidual[] = [];
  ids.forEach((id, m) => {
    const prng = s.models.fork();
    // Clean-item confidence: the calibration figure's where it has the
    // model, else a plausible value in [0.82, 0.97].
    const fig = paper.calibration.find((p) =>
      p.model === id && p.level === "L0"
    );
    const confidence = fig ? fig.confidence : 0.82 + 0.15 * prng.next();
    const fit = fitMainModel(
      id,
      paper,
      items,
      sets,
      order,
      shared,
      3,
      confidence,
      prng,
    );
    correct.push(fit.k);
    logits.push(fit.logits);
    for (const r of fit.residuals) residuals.push({ model: id, ...r });
    onProgress?.(m + 1, ids.length);
  });
  const predictions = buildPredictions(
    items,
    correct,
    3,
    ids.map(() => ({ consistency: 0.95, unparsed: 0.002 })),
    s.votes,
  );
  return {
    data: { items, predictions, models: modelInfos(paper, ids) },
    residuals,
    logits,
  };
}

/** Order items by severity, task, category, degradation for rounding. */
function visitOrder(items: ItemColumns): Int32Array {
  return Int32Array.from({ length: items.n }, (_, i) => i).sort((a, b) =>
    items.severity[a]! - items.severity[b]! ||
    items.task[a]! - items.task[b]! ||
    items.category[a]! - items.category[b]! ||
    items.degradation[a]! - items.degradation[b]! || a - b
  );
}

/**
 * Reconstruct `calibration`: the 19 models of the calibration figure on the
 * `main` items, 10 trials, accuracy and mean voting confidence per level
 * fitted to the figure. Item structure comes from each model's `main`
 * logits (`InternVL2_5-8B-MPO`, not in Table 6, borrows
 * InternVL2.5-MPO(38B)'s with fresh noise).
 *
 * @param main The `main` reconstruction.
 * @param seed The seed (default {@linkcode PAPER_SEED}).
 * @param onProgress Called after each model.
 * @returns Results and residuals (accuracy and confidence per level).
 *
 * @example Usage
 * ```ts ignore
 * const calib = reconstructCalibration(reconstructMain());
 * ```
 */
export function reconstructCalibration(
  main: MainReconstruction,
  seed: number = PAPER_SEED,
  onProgress?: OnProgress,
): { data: ResultsData; residuals: FitResidual[] } {
  const paper = paperNumbers();
  const s = childSeeds(seed);
  const items = main.data.items;
  const ids = [...new Set(paper.calibration.map((p) => p.model))];
  const mainIds = main.data.models.map((m) => m.model);
  const trials = 10;
  const residuals: FitResidual[] = [];
  const correct: Uint8Array[] = [];
  ids.forEach((id, m) => {
    const prng = s.calib.fork();
    let base = main.logits[mainIds.indexOf(id)];
    if (!base) {
      const donor = main.logits[mainIds.indexOf("InternVL2.5-MPO(38B)")]!;
      base = Float64Array.from(donor, (x) => x + 0.6 * prng.normal());
    }
    const k = new Uint8Array(items.n);
    for (const level of [0, 1, 2] as const) {
      const point = paper.calibration.find((p) =>
        p.model === id && p.level === `L${level}`
      )!;
      const idx: number[] = [];
      for (let i = 0; i < items.n; i++) {
        if (items.severity[i] === level) idx.push(i);
      }
      const fit = fitLevel(
        Float64Array.from(idx, (i) => base![i]!),
        Uint8Array.from(idx, (i) => items.nOptions[i]!),
        trials,
        point.accuracy,
        point.confidence,
        prng.fork(),
      );
      idx.forEach((i, j) => (k[i] = fit.k[j]!));
      residuals.push(
        {
          model: id,
          label: `calibration L${level} accuracy`,
          target: point.accuracy,
          value: fit.accuracy,
          tol: 0.002,
        },
        {
          model: id,
          label: `calibration L${level} confidence`,
          target: point.confidence,
          value: fit.confidence,
          tol: 0.002,
        },
      );
    }
    correct.push(k);
    onProgress?.(m + 1, ids.length);
  });
  const predictions = buildPredictions(
    items,
    correct,
    trials,
    ids.map(() => ({ consistency: 1 })),
    s.votes.fork(),
  );
  const models = modelInfos(paper, ids);
  for (const m of models) {
    const fig = paper.calibration.find((p) => p.model === m.model)!;
    m.displayName = fig.modelFigure;
  }
  return { data: { items, predictions, models }, residuals };
}

/** Items per severity level in the `realworld` reconstruction (assumed). */
export const REALWORLD_ITEMS_PER_LEVEL = 600;

/**
 * Reconstruct `realworld`: the 10 models of the rank figure on
 * {@linkcode REALWORLD_ITEMS_PER_LEVEL} real degraded images per level (L1,
 * L2; no clean counterparts), 3 trials, accuracy per level fitted to the
 * printed real-world values.
 *
 * @param seed The seed (default {@linkcode PAPER_SEED}).
 * @returns Results and residuals.
 *
 * @example Usage
 * ```ts ignore
 * const { data } = reconstructRealworld();
 * ```
 */
export function reconstructRealworld(
  seed: number = PAPER_SEED,
): { data: ResultsData; residuals: FitResidual[] } {
  const paper = paperNumbers();
  const s = childSeeds(seed);
  const items = realworldItems(REALWORLD_ITEMS_PER_LEVEL, s.real.fork());
  const difficulty = Float64Array.from(
    { length: items.n },
    () => s.real.normal(),
  );
  const ids = [...new Set(paper.rank.map((p) => p.model))];
  const trials = 3;
  const residuals: FitResidual[] = [];
  const correct = ids.map((id) => {
    const prng = s.real.fork();
    const k = new Uint8Array(items.n);
    for (const level of [1, 2] as const) {
      const point = paper.rank.find((p) =>
        p.model === id && p.condition === `real_L${level}`
      )!;
      const idx: number[] = [];
      for (let i = 0; i < items.n; i++) {
        if (items.severity[i] === level) idx.push(i);
      }
      const calib = paper.calibration.find((p) =>
        p.model === id && p.level === `L${level}`
      );
      const acc = point.accuracy / 100;
      const fit = fitLevel(
        Float64Array.from(
          idx,
          (i) => 1.4 * difficulty[i]! + 0.7 * prng.normal(),
        ),
        Uint8Array.from(idx, (i) => items.nOptions[i]!),
        trials,
        acc,
        calib ? calib.confidence : Math.min(0.97, acc + 0.3),
        prng.fork(),
      );
      idx.forEach((i, j) => (k[i] = fit.k[j]!));
      residuals.push({
        model: id,
        label: `realworld L${level} accuracy`,
        target: acc,
        value: fit.accuracy,
        tol: 0.0005,
      });
    }
    return k;
  });
  const predictions = buildPredictions(
    items,
    correct,
    trials,
    ids.map(() => ({ consistency: 0.9 })),
    s.real.fork(),
  );
  return {
    data: { items, predictions, models: modelInfos(paper, ids) },
    residuals,
  };
}
