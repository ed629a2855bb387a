/**
 * The item counts of a results directory that attainable targets depend on
 * (see attainable.ts): trials per item, degraded items and base questions
 * per task and category, items per degradation and level.
 *
 * @module
 */
import { CATEGORIES, DEGRADATIONS, TASKS } from "../taxonomy/mod.ts";
import type { Results } from "../results/results.ts";
import type { BenchmarkCounts } from "./attainable.ts";

/**
 * Count a benchmark's items: per task (Table 2 abbreviation) and category
 * (Table 3 abbreviation) its degraded items (L1 and L2) and the questions
 * they come from, per degradation id its items at L1, and the most common
 * number of trials per (model, item) pair.
 *
 * @param results Loaded results.
 * @returns The counts.
 *
 * @example Usage
 * ```ts ignore
 * import { benchmarkCounts } from "./benchmark_counts.ts";
 * import { loadResults } from "../results/mod.ts";
 * const counts = benchmarkCounts(await loadResults("data/raw/main"));
 * console.log(counts.trials, counts.slices.get("CU"));
 * ```
 */
export function benchmarkCounts(results: Results): BenchmarkCounts {
  const { items, predictions } = results;
  const slices = new Map<string, { degraded: number; qs: Set<number> }>();
  const degradations = new Map<string, number>();
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i] === 0) continue;
    for (
      const key of [TASKS[items.task[i]!]!, CATEGORIES[items.category[i]!]!]
    ) {
      const c = slices.get(key) ?? { degraded: 0, qs: new Set<number>() };
      c.degraded++;
      c.qs.add(items.question[i]!);
      slices.set(key, c);
    }
    if (items.severity[i] === 1) {
      const d = DEGRADATIONS[items.degradation[i]!]!;
      degradations.set(d, (degradations.get(d) ?? 0) + 1);
    }
  }
  // Trials per (model, item): the largest trial number seen, most common value.
  const maxTrial = new Map<number, number>();
  for (let p = 0; p < predictions.n; p++) {
    const key = predictions.model[p]! * items.n + predictions.item[p]!;
    maxTrial.set(key, Math.max(maxTrial.get(key) ?? 0, predictions.trial[p]!));
  }
  const freq = new Map<number, number>();
  for (const t of maxTrial.values()) freq.set(t, (freq.get(t) ?? 0) + 1);
  const trials = [...freq].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ??
    1;
  return {
    trials,
    slices: new Map(
      [...slices].map((
        [k, v],
      ) => [k, { degraded: v.degraded, base: v.qs.size }]),
    ),
    degradations,
  };
}
