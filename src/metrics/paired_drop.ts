import type { ItemColumns, Results } from "../results/results.ts";
import type { ItemScores } from "./score_items.ts";
import type { AccuracyOptions } from "./types.ts";
import { type ItemSlice, resolveSlice } from "./items_where.ts";
import { correctColumn, sumOver } from "./_sum.ts";

/** Which degraded level a drop compares with its clean baseline. */
export type DropLevel = 1 | 2 | "L12";

/** A paired accuracy drop. */
export interface PairedDrop {
  /** Acc(S ∩ D_L) - Acc(base(S)), a fraction (negative = worse); `null` if either side is empty. */
  value: number | null;
  /** Acc(f, S ∩ D_L). */
  accuracy: number | null;
  /** Acc(f, base(S)). */
  baseAccuracy: number | null;
  /** Answered items in S ∩ D_L. */
  n: number;
  /** Answered items in base(S). */
  nBase: number;
}

/**
 * Accuracy drop of a slice against its paired clean baseline (METRICS.md
 * "Severity slices and paired drops"):
 *
 *     base(S)        = L0 items whose question_id has at least one item in S ∩ (D_1 ∪ D_2)
 *     drop(S, L)     = Acc(f, S ∩ D_L) - Acc(f, base(S))            L in {1, 2}
 *     drop(S, L1&L2) = Acc(f, S ∩ (D_1 ∪ D_2)) - Acc(f, base(S))
 *
 * D is the model's item set: degraded items it did not answer do not pull
 * their question into base(S), and unanswered L0 items leave base(S). Each
 * base item counts once however many degraded variants it has. The base is
 * the same for all three levels (it is built from D_1 ∪ D_2), so
 * drop(S, 1) and drop(S, 2) share a baseline.
 *
 * @param results Loaded results (for severities and question ids).
 * @param scores Per-item scores of one model.
 * @param slice Item indexes or an {@linkcode ItemFilter}; L0 items in it are ignored.
 * @param level 1, 2 or `"L12"` (both pooled, micro average over items).
 * @param options `mode`: `"mean"` (default) or `"majority"`.
 * @returns The drop as a fraction with both accuracies; `value` is `null`
 * (an empty table cell) when the slice or its base is empty.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairedDrop } from "./paired_drop.ts";
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
 * const d = pairedDrop(results, scoreItems(results, "m"), { category: "Noise" }, 2);
 * assert.ok(d.value === -1); // 0 at L2 against 1 on the clean item
 * ```
 */
export function pairedDrop(
  results: Results,
  scores: ItemScores,
  slice: ItemSlice,
  level: DropLevel,
  options: AccuracyOptions = {},
): PairedDrop {
  if (level !== 1 && level !== 2 && level !== "L12") {
    throw new RangeError(
      `Cannot compute a drop at level ${
        JSON.stringify(level)
      }: expected 1, 2 or "L12"`,
    );
  }
  const { severity, question } = results.items;
  const items = resolveSlice(results, slice);
  const inLevel: number[] = [];
  const baseQ = new Uint8Array(results.items.questionIds.length);
  for (let j = 0; j < items.length; j++) {
    const x = items[j], s = severity[x];
    if (s === 0 || scores.trials[x] === 0) continue;
    baseQ[question[x]] = 1;
    if (level === "L12" || s === level) inLevel.push(x);
  }
  const { start, items: l0 } = cleanByQuestion(results.items);
  const base: number[] = [];
  for (let q = 0; q < baseQ.length; q++) {
    if (baseQ[q] === 1) {
      for (let j = start[q]; j < start[q + 1]; j++) base.push(l0[j]);
    }
  }
  const col = correctColumn(scores, options.mode);
  const a = sumOver(scores, inLevel, col), b = sumOver(scores, base, col);
  const accuracy = a.n === 0 ? null : a.sum / a.n;
  const baseAccuracy = b.n === 0 ? null : b.sum / b.n;
  return {
    value: accuracy === null || baseAccuracy === null
      ? null
      : accuracy - baseAccuracy,
    accuracy,
    baseAccuracy,
    n: a.n,
    nBase: b.n,
  };
}

const CLEAN_CACHE = new WeakMap<
  ItemColumns,
  { start: Int32Array; items: Int32Array }
>();

/** L0 items grouped by question (CSR), computed once per items table. */
function cleanByQuestion(
  items: ItemColumns,
): { start: Int32Array; items: Int32Array } {
  const hit = CLEAN_CACHE.get(items);
  if (hit && hit.start.length === items.questionIds.length + 1) return hit;
  const nQ = items.questionIds.length;
  const start = new Int32Array(nQ + 1);
  for (let x = 0; x < items.n; x++) {
    if (items.severity[x] === 0) start[items.question[x] + 1]++;
  }
  for (let q = 0; q < nQ; q++) start[q + 1] += start[q];
  const fill = start.slice(0, nQ), out = new Int32Array(start[nQ]);
  for (let x = 0; x < items.n; x++) {
    if (items.severity[x] === 0) out[fill[items.question[x]]++] = x;
  }
  const entry = { start, items: out };
  CLEAN_CACHE.set(items, entry);
  return entry;
}
