import type { Results } from "../results/results.ts";
import { createPrng } from "../random/prng.ts";
import type { ItemScores } from "./score_items.ts";
import type { AccuracyMode } from "./types.ts";
import { type ItemSlice, resolveSlice } from "./items_where.ts";
import { correctColumn } from "./_sum.ts";
import { bootstrapP, percentileInterval } from "./_bootstrap.ts";
import { round12 } from "./_round.ts";

/** Options of {@linkcode dkeIntra}. */
export interface DkeIntraOptions {
  /** Bootstrap resamples (default 2000; 0 skips the bootstrap). */
  resamples?: number;
  /** Seed of the resampling (default 0). */
  seed?: number;
  /** Clean level (default 0). */
  level0?: 0 | 1 | 2;
  /** Degraded level (default 2). */
  level?: 0 | 1 | 2;
  /** Interval coverage (default 0.95). */
  confidenceLevel?: number;
  /** Per-item correctness (default `"mean"`). */
  mode?: AccuracyMode;
  /** Restrict to a slice of items (default: all items). */
  slice?: ItemSlice;
}

/** The intra-model Dunning-Kruger test of one model. */
export interface DkeIntra {
  /** Point condition: Acc(D0) > Acc(D2) and Δcalib(D0) <= Δcalib(D2) (rounded to 12 decimals). */
  holds: boolean;
  /** Acc(f, D0), `null` if D0 is empty. */
  acc0: number | null;
  /** Acc(f, D2). */
  acc2: number | null;
  /** Δcalib(f, D0). */
  dcalib0: number | null;
  /** Δcalib(f, D2). */
  dcalib2: number | null;
  /** Acc(D0) - Acc(D2). */
  accDrop: number | null;
  /** Δcalib(D2) - Δcalib(D0). */
  calibIncrease: number | null;
  /** Percentile interval of `accDrop` ([NaN, NaN] without resamples). */
  accDropCi: [number, number];
  /** Percentile interval of `calibIncrease`. */
  calibIncreaseCi: [number, number];
  /** One-sided p of accDrop > 0: (#{accDrop* <= 0} + 1) / (B + 1). */
  pAccDrop: number;
  /** One-sided p of calibIncrease >= 0: (#{calibIncrease* < 0} + 1) / (B + 1). */
  pCalibIncrease: number;
  /** Answered items in D0 and D2. */
  n0: number;
  /** Answered items in D2. */
  n2: number;
  /** Questions resampled (those with an answered item in D0 or D2). */
  nQuestions: number;
  /** Resamples B in which both D0 and D2 were non-empty (the p-values and intervals use these). */
  resamples: number;
  /** The seed used. */
  seed: number;
}

/**
 * Intra-model Dunning-Kruger test (paper eq. 5, METRICS.md "Dunning-Kruger
 * tests") between a clean level D0 and a degraded level D2:
 *
 *     holds  <=>  Acc(f, D0) > Acc(f, D2)  and  Δcalib(f, D0) <= Δcalib(f, D2)
 *
 * (compared after rounding to 12 decimals, as the inter-model test), plus a
 * paired bootstrap over question_ids: each resample draws the questions
 * with an answered item in D0 ∪ D2 with replacement and carries all their
 * items along, so a question's clean and degraded variants stay together.
 * Per-question sums are precomputed, so a resample costs O(#questions).
 * Intervals are percentile intervals (linear interpolation, numpy's
 * default); p-values are one-sided: (count + 1) / (B + 1), with count the
 * resamples of the wrong sign (accuracy drop <= 0; calibration-shift
 * increase < 0, both rounded to 12 decimals). Resamples that happen to
 * contain no D0 or no D2 item are left out and B says how many remain.
 *
 * @param results Loaded results (severities and question ids).
 * @param scores Per-item scores of one model.
 * @param options See {@linkcode DkeIntraOptions}.
 * @returns The point condition, the differences, intervals and p-values.
 * @throws {RangeError} On a bad level, resample count or coverage.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { dkeIntra } from "./dke_intra.ts";
 * import { scoreItems } from "./score_items.ts";
 * import { resultsFromRows } from "../results/load_results.ts";
 * const item = (id: string, severity: number, degradation: string) => ({
 *   item_id: id, question_id: "q1", source: "s", modality: "CT",
 *   skill: "Counting", degradation, severity, n_options: 4, answer: "A",
 * });
 * const results = resultsFromRows({
 *   models: [{ model: "m", display_name: "M", group: "open-source" }],
 *   items: [item("clean", 0, "none"), item("noisy", 2, "gaussian_noise")],
 *   predictions: [
 *     { model: "m", item_id: "clean", trial: 1, choice: "A" },
 *     { model: "m", item_id: "noisy", trial: 1, choice: "B" },
 *   ],
 * });
 * const r = dkeIntra(results, scoreItems(results, "m"), { seed: 1 });
 * // Accuracy 1 -> 0 while the shift grows 0 -> 1: the effect holds.
 * assert.ok(r.holds && r.accDrop === 1 && r.calibIncrease === 1);
 * ```
 */
export function dkeIntra(
  results: Results,
  scores: ItemScores,
  options: DkeIntraOptions = {},
): DkeIntra {
  const resamples = options.resamples ?? 2000, seed = options.seed ?? 0;
  const level0 = options.level0 ?? 0, level = options.level ?? 2;
  const coverage = options.confidenceLevel ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 0) {
    throw new RangeError(
      `Cannot run ${resamples} bootstrap resamples: expected a non-negative integer`,
    );
  }
  for (const l of [level0, level]) {
    if (l !== 0 && l !== 1 && l !== 2) {
      throw new RangeError(`Cannot test severity ${l}: expected 0, 1 or 2`);
    }
  }
  if (level0 === level) {
    throw new RangeError(
      `Cannot compare severity ${level} with itself: expected two different levels`,
    );
  }
  if (!(coverage > 0 && coverage < 1)) {
    throw new RangeError(
      `Cannot build ${coverage} intervals: expected a coverage between 0 and 1`,
    );
  }
  const correct = correctColumn(scores, options.mode);
  const { severity, question } = results.items;
  const items = options.slice === undefined
    ? null
    : resolveSlice(results, options.slice);
  // Per-question sums: [n0, correct0, conf0, n2, correct2, conf2].
  const nQ = results.items.questionIds.length;
  const sums = new Float64Array(nQ * 6);
  const count = items === null ? results.items.n : items.length;
  for (let j = 0; j < count; j++) {
    const x = items === null ? j : items[j];
    if (scores.trials[x] === 0) continue;
    const s = severity[x];
    const off = s === level0 ? 0 : s === level ? 3 : -1;
    if (off < 0) continue;
    const q = question[x] * 6 + off;
    sums[q]++;
    sums[q + 1] += correct[x];
    sums[q + 2] += scores.confidence[x];
  }
  const used: number[] = [];
  for (let q = 0; q < nQ; q++) {
    if (sums[q * 6] + sums[q * 6 + 3] > 0) used.push(q);
  }
  const tot = new Float64Array(6);
  for (const q of used) for (let k = 0; k < 6; k++) tot[k] += sums[q * 6 + k];
  const point = stats(tot);
  const holds = point !== null &&
    round12(point.acc0) > round12(point.acc2) &&
    round12(point.dcalib0) <= round12(point.dcalib2);

  const drops = new Float64Array(resamples), incs = new Float64Array(resamples);
  let valid = 0, wrongAcc = 0, wrongCal = 0;
  if (used.length > 0) {
    const prng = createPrng(seed);
    // Structure of arrays over the used questions: each resample draws Q
    // questions into multiplicity counts (a small array that stays in cache),
    // then takes six sequential dot products; far faster than gathering.
    const Q = used.length;
    const cols = Array.from(
      { length: 6 },
      (_, k) => Float64Array.from(used, (q) => sums[q * 6 + k]),
    );
    const [N0, C0, K0, N2, C2, K2] = cols;
    const draws = new Uint32Array(Q), counts = new Float64Array(Q);
    for (let b = 0; b < resamples; b++) {
      counts.fill(0);
      prng.fillUint32(draws);
      // Same draw as prng.int(Q) (= floor(next() * Q)), in bulk.
      for (let i = 0; i < Q; i++) {
        counts[Math.floor((draws[i] / 4294967296) * Q)]++;
      }
      let n0 = 0, c0 = 0, k0 = 0, n2 = 0, c2 = 0, k2 = 0;
      for (let q = 0; q < Q; q++) {
        const m = counts[q];
        n0 += m * N0[q];
        c0 += m * C0[q];
        k0 += m * K0[q];
        n2 += m * N2[q];
        c2 += m * C2[q];
        k2 += m * K2[q];
      }
      if (n0 === 0 || n2 === 0) continue;
      const a0 = c0 / n0, a2 = c2 / n2;
      const drop = a0 - a2, inc = (k2 / n2 - a2) - (k0 / n0 - a0);
      drops[valid] = drop;
      incs[valid] = inc;
      valid++;
      if (round12(drop) <= 0) wrongAcc++;
      if (round12(inc) < 0) wrongCal++;
    }
  }
  const nan: [number, number] = [NaN, NaN];
  return {
    holds,
    acc0: point?.acc0 ?? null,
    acc2: point?.acc2 ?? null,
    dcalib0: point?.dcalib0 ?? null,
    dcalib2: point?.dcalib2 ?? null,
    accDrop: point === null ? null : point.acc0 - point.acc2,
    calibIncrease: point === null ? null : point.dcalib2 - point.dcalib0,
    accDropCi: valid
      ? percentileInterval(drops.subarray(0, valid), coverage)
      : nan,
    calibIncreaseCi: valid
      ? percentileInterval(incs.subarray(0, valid), coverage)
      : nan,
    pAccDrop: valid ? bootstrapP(wrongAcc, valid) : NaN,
    pCalibIncrease: valid ? bootstrapP(wrongCal, valid) : NaN,
    n0: tot[0],
    n2: tot[3],
    nQuestions: used.length,
    resamples: valid,
    seed,
  };
}

function stats(t: Float64Array) {
  if (t[0] === 0 || t[3] === 0) return null;
  const acc0 = t[1] / t[0], acc2 = t[4] / t[3];
  return {
    acc0,
    acc2,
    dcalib0: t[2] / t[0] - acc0,
    dcalib2: t[5] / t[3] - acc2,
  };
}
