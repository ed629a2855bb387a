/**
 * Index sets of the slices the paper reports (per severity, task, category,
 * degradation) and their paired L0 baselines, as METRICS.md defines them.
 *
 * @module
 */
import { CATEGORIES, DEGRADATIONS, TASKS } from "../taxonomy/mod.ts";
import type { ItemColumns } from "../results/results.ts";

/** Item index sets of a benchmark's slices. */
export interface SliceSets {
  /** Items per severity 0, 1, 2. */
  level: [Int32Array, Int32Array, Int32Array];
  /** Degraded items (L1 and L2) per task, in `TASKS` order. */
  taskDeg: Int32Array[];
  /** L0 items per task. */
  taskBase: Int32Array[];
  /** Degraded items (L1 and L2) per category, in `CATEGORIES` order. */
  categoryDeg: Int32Array[];
  /** L0 items of the questions having a degraded item in the category. */
  categoryBase: Int32Array[];
  /** Items per degradation (in `DEGRADATIONS` order) at L1 and at L2. */
  degradationLevel: [Int32Array, Int32Array][];
  /** L0 items of the questions having the degradation. */
  degradationBase: Int32Array[];
}

/**
 * Compute the slice index sets of an items table.
 *
 * @param items The items.
 * @returns The sets.
 *
 * @example Usage
 * ```ts
 * import { sliceSets } from "./slices.ts";
 * import { buildItems } from "./items.ts";
 * import { paperDesign, scaleDesign } from "./design.ts";
 * import { createPrng } from "../random/prng.ts";
 * const { items } = buildItems(scaleDesign(paperDesign(), 30), createPrng(2));
 * const s = sliceSets(items);
 * console.assert(s.level[0].length === 30);
 * ```
 */
export function sliceSets(items: ItemColumns): SliceSets {
  const nq = items.questionIds.length;
  const l0 = new Int32Array(nq).fill(-1);
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i] === 0) l0[items.question[i]!] = i;
  }
  const lists = () => [] as number[];
  const level = [lists(), lists(), lists()];
  const taskDeg = TASKS.map(lists), taskBase = TASKS.map(lists);
  const catDeg = CATEGORIES.map(lists);
  const catQ = CATEGORIES.map(() => new Set<number>());
  const degLevel = DEGRADATIONS.map(() => [lists(), lists()]);
  const degQ = DEGRADATIONS.map(() => new Set<number>());
  for (let i = 0; i < items.n; i++) {
    const sev = items.severity[i]!;
    level[sev]!.push(i);
    if (sev === 0) {
      taskBase[items.task[i]!]!.push(i);
      continue;
    }
    taskDeg[items.task[i]!]!.push(i);
    catDeg[items.category[i]!]!.push(i);
    catQ[items.category[i]!]!.add(items.question[i]!);
    degLevel[items.degradation[i]!]![sev - 1]!.push(i);
    degQ[items.degradation[i]!]!.add(items.question[i]!);
  }
  const base = (qs: Set<number>) =>
    Int32Array.from(
      [...qs].map((q) => l0[q]!).filter((i) => i >= 0).sort((a, b) => a - b),
    );
  return {
    level: level.map((l) => Int32Array.from(l)) as SliceSets["level"],
    taskDeg: taskDeg.map((l) => Int32Array.from(l)),
    taskBase: taskBase.map((l) => Int32Array.from(l)),
    categoryDeg: catDeg.map((l) => Int32Array.from(l)),
    categoryBase: catQ.map(base),
    degradationLevel: degLevel.map(([a, b]) =>
      [Int32Array.from(a!), Int32Array.from(b!)] as [Int32Array, Int32Array]
    ),
    degradationBase: degQ.map(base),
  };
}
