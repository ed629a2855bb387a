/**
 * Rank consistency as table rows: rank each model under each condition and
 * correlate every pair of conditions (Spearman, Kendall, p-values), in the
 * shapes `rankBump` and `tableHtml` read.
 *
 * @module
 */
import {
  type RankConsistency,
  rankConsistency,
} from "../metrics/rank_consistency.ts";
import type { RankRow } from "../figures/types.ts";

/** One pair of conditions compared. */
export interface RankPairRow {
  /** First condition. */
  a: string;
  /** Second condition. */
  b: string;
  /** Models in both. */
  n: number;
  /** Spearman's rho. */
  spearman_rho: number;
  /** Its two-sided p-value. */
  spearman_p: number;
  /** Kendall's tau-b. */
  kendall_tau: number;
  /** Its two-sided p-value. */
  kendall_p: number;
  /** "exact" (permutation, n <= 10) or "asymptotic". */
  p_method: string;
}

/** Ranks and pair statistics. */
export interface RankTable {
  /** One row per model and condition (accuracy as given, rank 1 = best). */
  rows: RankRow[];
  /** One row per pair of conditions. */
  pairs: RankPairRow[];
}

/**
 * Rank the models under each condition (ties share the average rank) and
 * correlate every pair of conditions (METRICS.md "Rank consistency").
 *
 * @param conditions Accuracy per condition and model, e.g.
 * `{ sim_L1: { "GPT-5": 69.1, ... }, real_L1: { ... } }`.
 * @returns Rank rows and pair rows.
 * @throws {RangeError} If an accuracy is not finite.
 *
 * @example Usage
 * ```ts
 * import { rankTable } from "./rank_table.ts";
 * const t = rankTable({
 *   sim: { a: 70, b: 60, c: 50 },
 *   real: { a: 55, b: 58, c: 40 },
 * });
 * console.assert(t.rows.find((r) => r.model === "b" && r.condition === "real")!.rank === 1);
 * console.assert(t.pairs[0].p_method === "exact");
 * ```
 */
export function rankTable(
  conditions: Record<string, Record<string, number>>,
): RankTable {
  const rc: RankConsistency = rankConsistency(conditions);
  const rows: RankRow[] = [];
  for (const [condition, accs] of Object.entries(conditions)) {
    for (const [model, accuracy] of Object.entries(accs)) {
      rows.push({
        model,
        condition,
        accuracy,
        rank: rc.ranks[condition][model],
      });
    }
  }
  return {
    rows,
    pairs: rc.pairs.map((p) => ({
      a: p.a,
      b: p.b,
      n: p.n,
      spearman_rho: p.spearman.statistic,
      spearman_p: p.spearman.p,
      kendall_tau: p.kendall.statistic,
      kendall_p: p.kendall.p,
      p_method: p.spearman.pMethod,
    })),
  };
}
