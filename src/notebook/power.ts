/**
 * Power analysis of the intra-model Dunning-Kruger test on simulated
 * benchmarks: for each (questions, trials) cell, how often the paired
 * bootstrap finds a given accuracy drop and calibration-shift increase
 * significant.
 *
 * @module
 */
import type { Results } from "../results/results.ts";
import { dkeIntra } from "../metrics/dke_intra.ts";
import { scoreAll } from "../metrics/score_items.ts";
import { simulate } from "../simulate/simulate.ts";

/** Options of {@linkcode dkePower}. */
export interface DkePowerOptions {
  /** Benchmark sizes (questions; each has an L0 item and degraded variants). */
  questions: readonly number[];
  /** Trials per item. */
  trials: readonly number[];
  /** Accuracy at L0, L1, L2 (default [0.6, 0.58, 0.55]: a 5-point drop at L2). */
  accuracy?: readonly [number, number, number];
  /** Mean confidence at L0, L1, L2 (default [0.8, 0.795, 0.78]: Δcalib rises 3 points at L2). */
  confidence?: readonly [number, number, number];
  /** Simulated benchmarks per cell (default 20). */
  replicates?: number;
  /** Bootstrap resamples per test (default 400). */
  resamples?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Seed (default 0); replicate r of every cell uses seed + r. */
  seed?: number;
  /** Called after each cell with the cells done and in total. */
  onProgress?: (done: number, total: number) => void;
}

/** Detection rates in one cell of the grid. */
export interface DkePowerRow {
  /** Questions simulated. */
  questions: number;
  /** Trials per item. */
  trials: number;
  /** Items per benchmark (all severities). */
  items: number;
  /** Benchmarks simulated. */
  replicates: number;
  /** Share with p(accuracy drop) < alpha. */
  rate_acc: number;
  /** Share with p(calibration-shift increase) < alpha. */
  rate_calib: number;
  /** Share with both: the intra-model effect detected. */
  rate_both: number;
  /** Mean observed accuracy drop (fraction). */
  mean_acc_drop: number;
  /** Mean observed calibration-shift increase (fraction). */
  mean_calib_increase: number;
}

function positiveInts(name: string, values: readonly number[]): void {
  if (
    values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)
  ) {
    throw new RangeError(
      `Cannot run a power grid with ${name} ${
        JSON.stringify(values)
      }: expected a non-empty list of positive integers`,
    );
  }
}

/**
 * Simulate `replicates` benchmarks per (questions, trials) cell with one
 * model of the given profile, run the intra-model test on each (paired
 * bootstrap over question ids) and report how often each side is
 * significant at `alpha`. `simulate()` hits each level's accuracy to one
 * trial and the confidence closely in every replicate, so the rates
 * measure how often an effect observed at exactly this size is declared
 * significant; the sampling spread of the effect itself is not included.
 *
 * @param options The grid, effect, replicates, bootstrap size, seed.
 * @returns One row per cell, questions-major.
 * @throws {RangeError} On an empty or non-integer grid, or alpha outside (0, 1).
 *
 * @example Usage
 * ```ts ignore
 * import { dkePower } from "./power.ts";
 * const rows = dkePower({ questions: [100, 400], trials: [3], replicates: 10 });
 * console.log(rows.map((r) => `${r.questions}: ${r.rate_both}`));
 * ```
 */
export function dkePower(options: DkePowerOptions): DkePowerRow[] {
  positiveInts("questions", options.questions);
  positiveInts("trials", options.trials);
  const replicates = options.replicates ?? 20;
  positiveInts("replicates", [replicates]);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(
      `Cannot test at alpha ${alpha}: expected a number between 0 and 1`,
    );
  }
  const profile = {
    model: "profile",
    accuracy: options.accuracy ?? [0.6, 0.58, 0.55],
    confidence: options.confidence ?? [0.8, 0.795, 0.78],
  } as const;
  const seed = options.seed ?? 0;
  const total = options.questions.length * options.trials.length;
  const out: DkePowerRow[] = [];
  for (const questions of options.questions) {
    for (const trials of options.trials) {
      let acc = 0, cal = 0, both = 0, drop = 0, inc = 0, items = 0;
      for (let r = 0; r < replicates; r++) {
        const data = simulate({
          questions,
          trials,
          seed: seed + r,
          models: [profile],
        });
        const results: Results = {
          ...data,
          source: `simulated (seed ${seed + r})`,
          warnings: [],
        };
        const t = dkeIntra(results, scoreAll(results)[0], {
          resamples: options.resamples ?? 400,
          seed: seed + r,
        });
        const a = t.pAccDrop < alpha, c = t.pCalibIncrease < alpha;
        acc += +a;
        cal += +c;
        both += +(a && c);
        drop += t.accDrop ?? 0;
        inc += t.calibIncrease ?? 0;
        items = data.items.n;
      }
      out.push({
        questions,
        trials,
        items,
        replicates,
        rate_acc: acc / replicates,
        rate_calib: cal / replicates,
        rate_both: both / replicates,
        mean_acc_drop: drop / replicates,
        mean_calib_increase: inc / replicates,
      });
      options.onProgress?.(out.length, total);
    }
  }
  return out;
}
