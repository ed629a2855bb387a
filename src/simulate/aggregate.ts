/**
 * A small, self-contained aggregation of results into the rows the paper's
 * tables report (accuracy, paired drops, voting confidence, METRICS.md
 * definitions), used to check the reconstruction's fit without depending on
 * the metrics area. The library's own tables come from src/metrics and
 * src/tables; this is the simulator's independent cross-check.
 *
 * @module
 */
import { CATEGORIES, DEGRADATIONS, TASKS } from "../taxonomy/mod.ts";
import { NO_DEGRADATION, UNPARSED } from "../results/results.ts";
import type { ResultsData } from "../results/write_results.ts";
import type {
  CalibrationRow,
  HeatmapDropRow,
  OverallRow,
  RealworldRow,
  SliceAccuracyRow,
} from "../paper/fidelity.ts";

/** Per model and item: accuracy (fraction of trials correct) and voting confidence. */
export interface ItemScores {
  /** `correct[m * nItems + i]`, NaN when the model has no trial on the item. */
  correct: Float64Array;
  /** `confidence[m * nItems + i]`. */
  confidence: Float64Array;
}

/**
 * Score every (model, item): mean correctness over trials and the voting
 * confidence C = (V/T) * clamp(1 - H/log K, 0, 1) of METRICS.md.
 *
 * @param data Results.
 * @returns Scores, model-major.
 *
 * @example Usage
 * ```ts
 * import { itemScores } from "./aggregate.ts";
 * import { simulate } from "./simulate.ts";
 * const s = itemScores(simulate({ questions: 5 }));
 * console.assert(s.correct.every((x) => x >= 0 && x <= 1));
 * ```
 */
export function itemScores(data: ResultsData): ItemScores {
  const { items, predictions: p } = data;
  const cells = data.models.length * items.n;
  const trials = new Uint16Array(cells);
  const right = new Uint16Array(cells);
  const votes = new Uint16Array(cells * 26);
  for (let r = 0; r < p.n; r++) {
    const i = p.item[r]!;
    const cell = p.model[r]! * items.n + i;
    trials[cell]!++;
    const c = p.choice[r]!;
    if (c === UNPARSED) continue;
    votes[cell * 26 + c]!++;
    if (c === items.answer[i]) right[cell]!++;
  }
  const correct = new Float64Array(cells);
  const confidence = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const t = trials[cell]!;
    if (t === 0) {
      correct[cell] = NaN;
      confidence[cell] = NaN;
      continue;
    }
    correct[cell] = right[cell]! / t;
    const k = items.nOptions[cell % items.n]!;
    let v = 0;
    for (let o = 0; o < k; o++) v += votes[cell * 26 + o]!;
    if (v === 0) continue;
    let h = 0;
    for (let o = 0; o < k; o++) {
      const q = votes[cell * 26 + o]! / v;
      if (q > 0) h -= q * Math.log(q);
    }
    confidence[cell] = (v / t) * Math.min(1, Math.max(0, 1 - h / Math.log(k)));
  }
  return { correct, confidence };
}

function mean(
  values: Float64Array,
  offset: number,
  idx: readonly number[],
): number {
  let s = 0, n = 0;
  for (const i of idx) {
    const v = values[offset + i]!;
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** The reproduced rows of the main run's tables. */
export interface MainTables {
  /** overall.csv rows (percent). */
  overall: OverallRow[];
  /** capability.csv rows (percent). */
  capability: SliceAccuracyRow[];
  /** category.csv rows (percent). */
  category: SliceAccuracyRow[];
  /** degradation_heatmap.csv rows (percent). */
  degradationHeatmap: HeatmapDropRow[];
}

/**
 * Aggregate results into the paper's accuracy tables (unrounded).
 *
 * @param data Results.
 * @returns Overall, per task, per category and per degradation rows.
 *
 * @example Usage
 * ```ts
 * import { mainTables } from "./aggregate.ts";
 * import { simulate } from "./simulate.ts";
 * const t = mainTables(simulate({ questions: 30 }));
 * console.assert(t.overall.length === 3);
 * ```
 */
export function mainTables(data: ResultsData): MainTables {
  const { items } = data;
  const { correct } = itemScores(data);
  const l0 = new Int32Array(items.questionIds.length).fill(-1);
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i] === 0) l0[items.question[i]!] = i;
  }
  const sets = (key: Uint8Array, count: number) => {
    const deg = Array.from({ length: count }, () => [[], [], []] as number[][]);
    const qs = Array.from({ length: count }, () => new Set<number>());
    for (let i = 0; i < items.n; i++) {
      const s = items.severity[i]!;
      if (s === 0 || key[i] === NO_DEGRADATION) continue;
      deg[key[i]!]![s]!.push(i);
      qs[key[i]!]!.add(items.question[i]!);
    }
    const base = qs.map((q) => [...q].map((x) => l0[x]!).filter((i) => i >= 0));
    return { deg, base };
  };
  const task = sets(items.task, TASKS.length);
  const cat = sets(items.category, CATEGORIES.length);
  const degr = sets(items.degradation, DEGRADATIONS.length);
  const level: number[][] = [[], [], []];
  for (let i = 0; i < items.n; i++) level[items.severity[i]!]!.push(i);
  const out: MainTables = {
    overall: [],
    capability: [],
    category: [],
    degradationHeatmap: [],
  };
  data.models.forEach(({ model }, m) => {
    const o = m * items.n;
    const acc = level.map((idx) => 100 * mean(correct, o, idx));
    out.overall.push({
      model,
      L0: acc[0]!,
      L1: acc[1]!,
      L2: acc[2]!,
      L1_minus_L0: acc[1]! - acc[0]!,
      L2_minus_L0: acc[2]! - acc[0]!,
    });
    const slice = (s: { deg: number[][][]; base: number[][] }, j: number) => {
      const d12 = [...s.deg[j]![1]!, ...s.deg[j]![2]!];
      const a = 100 * mean(correct, o, d12);
      return { acc: a, drop: a - 100 * mean(correct, o, s.base[j]!) };
    };
    const tasks = TASKS.map((t, j) => ({ t, ...slice(task, j) }));
    for (const { t, acc: a, drop } of tasks) {
      out.capability.push({ model, slice: t, acc_l12: a, drop_l12: drop });
    }
    out.capability.push({
      model,
      slice: "Avg",
      acc_l12: tasks.reduce((s, t) => s + t.acc, 0) / tasks.length,
      drop_l12: tasks.reduce((s, t) => s + t.drop, 0) / tasks.length,
    });
    CATEGORIES.forEach((c, j) => {
      const { acc: a, drop } = slice(cat, j);
      out.category.push({ model, slice: c, acc_l12: a, drop_l12: drop });
    });
    const all12 = 100 * mean(correct, o, [...level[1]!, ...level[2]!]);
    out.category.push({
      model,
      slice: "Avg",
      acc_l12: all12,
      drop_l12: all12 - acc[0]!,
    });
    DEGRADATIONS.forEach((d, j) => {
      const base = 100 * mean(correct, o, degr.base[j]!);
      out.degradationHeatmap.push({
        model,
        degradation: d,
        drop_L1: 100 * mean(correct, o, degr.deg[j]![1]!) - base,
        drop_L2: 100 * mean(correct, o, degr.deg[j]![2]!) - base,
      });
    });
  });
  return out;
}

/**
 * Accuracy, confidence and calibration shift per model and level (L0, L1,
 * L2, L12), fractions.
 *
 * @param data Results.
 * @returns calibration.csv-like rows.
 *
 * @example Usage
 * ```ts
 * import { calibrationTable } from "./aggregate.ts";
 * import { simulate } from "./simulate.ts";
 * const rows = calibrationTable(simulate({ questions: 20 }));
 * console.assert(rows.length === 3 * 4);
 * ```
 */
export function calibrationTable(data: ResultsData): CalibrationRow[] {
  const { items } = data;
  const s = itemScores(data);
  const level: number[][] = [[], [], []];
  for (let i = 0; i < items.n; i++) level[items.severity[i]!]!.push(i);
  const out: CalibrationRow[] = [];
  data.models.forEach(({ model }, m) => {
    const o = m * items.n;
    for (
      const [name, idx] of [["L0", level[0]!], ["L1", level[1]!], [
        "L2",
        level[2]!,
      ], ["L12", [...level[1]!, ...level[2]!]]] as const
    ) {
      const accuracy = mean(s.correct, o, idx);
      const confidence = mean(s.confidence, o, idx);
      out.push({
        model,
        level: name,
        accuracy,
        confidence,
        delta_calib: confidence - accuracy,
      });
    }
  });
  return out;
}

/**
 * Accuracy per model at L1 and L2 (percent), as the rank figure reports.
 *
 * @param data Results.
 * @returns One row per model and level.
 *
 * @example Usage
 * ```ts
 * import { realworldTable } from "./aggregate.ts";
 * import { simulate } from "./simulate.ts";
 * console.assert(realworldTable(simulate({ questions: 20 })).length === 6);
 * ```
 */
export function realworldTable(data: ResultsData): RealworldRow[] {
  return calibrationTable(data)
    .filter((r) => r.level === "L1" || r.level === "L2")
    .map((r) => ({
      model: r.model,
      level: r.level,
      accuracy: 100 * r.accuracy,
    }));
}
