/**
 * What every table builder needs, computed once: the results, every model's
 * per-item scores, and item index groups (by severity, task, category,
 * degradation, skill, modality) shared by all models.
 *
 * @module
 */

import type { Results } from "../results/results.ts";
import { NO_DEGRADATION } from "../results/results.ts";
import { type ItemScores, scoreAll } from "../metrics/score_items.ts";

/** Item indexes of one slice at each severity, plus L1 and L2 pooled. */
export interface SliceItems {
  /** Items at L0 (only for attributes clean items carry: task, skill, modality). */
  L0: Int32Array;
  /** Items at L1. */
  L1: Int32Array;
  /** Items at L2. */
  L2: Int32Array;
  /** Items at L1 and L2 pooled. */
  L12: Int32Array;
}

/** Everything the table builders share. */
export interface TableContext {
  /** The loaded results. */
  results: Results;
  /** Per-item scores, one per model in `results.models` order. */
  scores: ItemScores[];
  /** All items of each severity. */
  all: SliceItems;
  /** Slices by item attribute code (index into the taxonomy arrays). */
  by: {
    task: Map<number, SliceItems>;
    category: Map<number, SliceItems>;
    degradation: Map<number, SliceItems>;
    skill: Map<number, SliceItems>;
    modality: Map<number, SliceItems>;
  };
}

function toSlices(
  results: Results,
  code: ArrayLike<number>,
): Map<number, SliceItems> {
  const { items } = results;
  const lists = new Map<number, number[][]>();
  for (let i = 0; i < items.n; i++) {
    const c = code[i];
    if (c === NO_DEGRADATION) continue;
    let l = lists.get(c);
    if (!l) lists.set(c, l = [[], [], []]);
    l[items.severity[i]].push(i);
  }
  const out = new Map<number, SliceItems>();
  for (const [c, [l0, l1, l2]] of [...lists].sort((a, b) => a[0] - b[0])) {
    out.set(c, {
      L0: Int32Array.from(l0),
      L1: Int32Array.from(l1),
      L2: Int32Array.from(l2),
      L12: Int32Array.from([...l1, ...l2].sort((a, b) => a - b)),
    });
  }
  return out;
}

/**
 * Score every model once and group the items into slices.
 *
 * @param results Loaded results.
 * @returns The shared context of the table builders.
 *
 * @example Usage
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { tableContext } from "./context.ts";
 * const ctx = tableContext(await loadResults("data/sample"));
 * console.log(ctx.all.L0.length);
 * ```
 */
export function tableContext(results: Results): TableContext {
  const zeros = new Uint8Array(results.items.n);
  const all = toSlices(results, zeros).get(0) ?? {
    L0: new Int32Array(),
    L1: new Int32Array(),
    L2: new Int32Array(),
    L12: new Int32Array(),
  };
  return {
    results,
    scores: scoreAll(results),
    all,
    by: {
      task: toSlices(results, results.items.task),
      category: toSlices(results, results.items.category),
      degradation: toSlices(results, results.items.degradation),
      skill: toSlices(results, results.items.skill),
      modality: toSlices(results, results.items.modality),
    },
  };
}
