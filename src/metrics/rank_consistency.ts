import type { RankTest } from "./_rank_stats.ts";
import { averageRanks } from "./_rank_stats.ts";
import {
  kendall,
  type RankCorrelationOptions,
  spearman,
} from "./rank_correlation.ts";

/** Agreement of two conditions' model rankings. */
export interface RankAgreement {
  /** First condition. */
  a: string;
  /** Second condition. */
  b: string;
  /** Models present in both. */
  n: number;
  /** Spearman's rho between the two rankings, with p. */
  spearman: RankTest;
  /** Kendall's tau-b between the two rankings, with p. */
  kendall: RankTest;
}

/** Rankings per condition and their pairwise agreement. */
export interface RankConsistency {
  /** Rank of each model under each condition (1 = best; ties share the average rank). */
  ranks: Record<string, Record<string, number>>;
  /** One entry per pair of conditions, in the order the conditions are given. */
  pairs: RankAgreement[];
}

/**
 * Rank consistency of models across conditions (METRICS.md "Rank
 * consistency"): rank models by accuracy under each condition (rank 1 =
 * best, ties share the average rank) and report Spearman's rho and
 * Kendall's tau-b with p-values between every pair of conditions, over the
 * models present in both. Correlating the rankings equals correlating the
 * accuracies (both use average ranks). p-values as in `spearman`/`kendall`
 * (exact for n <= 10 under `"auto"`).
 *
 * @param conditions Accuracy per model, per condition: `{ cond: { model: acc } }`.
 * @param options `method` of the p-values (default `"auto"`).
 * @returns Ranks per condition and the pairwise agreements.
 * @throws {RangeError} If an accuracy is not a finite number.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankConsistency } from "./rank_consistency.ts";
 * const r = rankConsistency({
 *   simulated: { a: 0.9, b: 0.7, c: 0.5 },
 *   real: { a: 0.8, b: 0.6, c: 0.6 },
 * });
 * assert.ok(r.ranks.real.b === 2.5 && r.ranks.real.c === 2.5);
 * assert.ok(r.pairs[0].n === 3);
 * ```
 */
export function rankConsistency(
  conditions: Record<string, Record<string, number>>,
  options: RankCorrelationOptions = {},
): RankConsistency {
  const names = Object.keys(conditions);
  const ranks: Record<string, Record<string, number>> = {};
  for (const c of names) {
    const models = Object.keys(conditions[c]);
    const acc = models.map((m) => {
      const v = conditions[c][m];
      if (!Number.isFinite(v)) {
        throw new RangeError(
          `Cannot rank model "${m}" under condition "${c}" with accuracy ${v}: expected a finite number`,
        );
      }
      return -v;
    });
    const r = averageRanks(acc);
    ranks[c] = Object.fromEntries(models.map((m, i) => [m, r[i]]));
  }
  const pairs: RankAgreement[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i], b = names[j];
      const common = Object.keys(conditions[a]).filter((m) =>
        m in conditions[b]
      );
      const x = common.map((m) => conditions[a][m]);
      const y = common.map((m) => conditions[b][m]);
      pairs.push({
        a,
        b,
        n: common.length,
        spearman: spearman(x, y, options),
        kendall: kendall(x, y, options),
      });
    }
  }
  return { ranks, pairs };
}
