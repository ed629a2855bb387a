/**
 * "Your model among the 40": score a newly evaluated model and the
 * benchmark's models on the same items, and rank them together.
 *
 * @module
 */
import type { Results } from "../results/results.ts";
import { accuracy } from "../metrics/accuracy.ts";
import { calibrationShift } from "../metrics/calibration_shift.ts";
import { type ItemScores, scoreAll } from "../metrics/score_items.ts";

/** Options of {@linkcode placeModel}. */
export interface PlaceModelOptions {
  /** Ranking key: accuracy at one level or the mean of L0, L1, L2 (default "mean"). */
  rankBy?: "L0" | "L1" | "L2" | "mean";
}

/** One model's row in the joint ranking (accuracy in percent, Δcalib as a fraction). */
export interface PlacementRow {
  /** 1 = best; ties share the smallest rank. */
  rank: number;
  /** Model id. */
  model: string;
  /** Model group. */
  group: string;
  /** Whether the model comes from the new results. */
  yours: boolean;
  /** Accuracy (%) at L0 on the common items. */
  L0: number | null;
  /** Accuracy (%) at L1. */
  L1: number | null;
  /** Accuracy (%) at L2. */
  L2: number | null;
  /** L2 minus L0 (points). */
  L2_minus_L0: number | null;
  /** Δcalib at L0. */
  dcalib_L0: number | null;
  /** Δcalib at L2. */
  dcalib_L2: number | null;
  /** Common items the model answered. */
  n_items: number;
}

interface Side {
  results: Results;
  /** Item index of each common item, per severity. */
  bySeverity: number[][];
}

function check(
  benchmark: Results,
  yours: Results,
  answered: Uint8Array,
): [Side, Side] {
  const index = new Map<string, number>();
  benchmark.items.itemId.forEach((id, i) => index.set(id, i));
  const a: number[][] = [[], [], []], b: number[][] = [[], [], []];
  const bi = benchmark.items, yi = yours.items;
  for (let y = 0; y < yi.n; y++) {
    if (!answered[y]) continue;
    const x = index.get(yi.itemId[y]);
    if (x === undefined) continue;
    for (
      const [name, u, v] of [
        ["severity", bi.severity[x], yi.severity[y]],
        ["answer", bi.answer[x], yi.answer[y]],
        ["n_options", bi.nOptions[x], yi.nOptions[y]],
        ["degradation", bi.degradation[x], yi.degradation[y]],
      ] as const
    ) {
      if (u !== v) {
        throw new RangeError(
          `Cannot compare item "${
            yi.itemId[y]
          }": its ${name} code is ${v} in "${yours.source}" but ${u} in "${benchmark.source}" (expected the same item in both)`,
        );
      }
    }
    a[bi.severity[x]].push(x);
    b[yi.severity[y]].push(y);
  }
  if (a.every((l) => l.length === 0)) {
    throw new RangeError(
      `Cannot place models: no item_id of "${yours.source}" appears in "${benchmark.source}" (expected items taken from the benchmark)`,
    );
  }
  return [
    { results: benchmark, bySeverity: a },
    { results: yours, bySeverity: b },
  ];
}

function row(side: Side, s: ItemScores, yours: boolean): PlacementRow {
  const acc = side.bySeverity.map((items) => accuracy(s, items).value);
  const dc = side.bySeverity.map((items) => calibrationShift(s, items).value);
  const pct = (v: number | null) => (v === null ? null : 100 * v);
  let n = 0;
  for (const items of side.bySeverity) {
    for (const x of items) if (s.trials[x] > 0) n++;
  }
  return {
    rank: 0,
    model: s.modelId,
    group: side.results.models[s.model].group,
    yours,
    L0: pct(acc[0]),
    L1: pct(acc[1]),
    L2: pct(acc[2]),
    L2_minus_L0: acc[0] === null || acc[2] === null
      ? null
      : 100 * (acc[2] - acc[0]),
    dcalib_L0: dc[0],
    dcalib_L2: dc[2],
    n_items: n,
  };
}

/**
 * Rank new models among a benchmark's models on the items both share
 * (matched by `item_id`; an item whose severity, answer, option count or
 * degradation differs between the two is an error). Only items that a new
 * model answered and that appear in the benchmark count, so a subset
 * evaluation is compared fairly: every model is scored on that subset.
 *
 * @param benchmark The benchmark's results (e.g. the shipped main results).
 * @param yours Results holding the new model(s), with item ids from the benchmark.
 * @param options The ranking key.
 * @returns All models, best first, with rank, accuracies and Δcalib.
 * @throws {RangeError} If no item is shared or a shared item differs.
 *
 * @example Usage
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { placeModel } from "./place_model.ts";
 * const rows = placeModel(await loadResults("data/raw/main"), await loadResults("out/mine"));
 * console.log(rows.find((r) => r.yours));
 * ```
 */
export function placeModel(
  benchmark: Results,
  yours: Results,
  options: PlaceModelOptions = {},
): PlacementRow[] {
  const rankBy = options.rankBy ?? "mean";
  if (!["L0", "L1", "L2", "mean"].includes(rankBy)) {
    throw new RangeError(
      `Cannot rank by ${
        JSON.stringify(rankBy)
      }: expected "L0", "L1", "L2" or "mean"`,
    );
  }
  const mine = scoreAll(yours);
  const answered = new Uint8Array(yours.items.n);
  for (const s of mine) s.trials.forEach((t, y) => t > 0 && (answered[y] = 1));
  const [a, b] = check(benchmark, yours, answered);
  const rows = [
    ...scoreAll(benchmark).map((s) => row(a, s, false)),
    ...mine.map((s) => row(b, s, true)),
  ];
  const key = (r: PlacementRow): number => {
    const v = rankBy === "mean"
      ? (r.L0 === null || r.L1 === null || r.L2 === null
        ? null
        : (r.L0 + r.L1 + r.L2) / 3)
      : r[rankBy];
    return v === null ? -Infinity : v;
  };
  rows.sort((p, q) => key(q) - key(p));
  rows.forEach((r, i) => {
    r.rank = i > 0 && key(rows[i - 1]) === key(r) ? rows[i - 1].rank : i + 1;
  });
  return rows;
}
