import {
  kendallTest,
  type PMethod,
  type RankTest,
  spearmanTest,
} from "./_rank_stats.ts";

export type { PMethod, RankTest } from "./_rank_stats.ts";

/** Options of the rank correlations. */
export interface RankCorrelationOptions {
  /**
   * How to get the p-value: `"auto"` (default) = exact for n <= 10, else
   * asymptotic; `"exact"` enumerates all n! pairings (n <= 10);
   * `"asymptotic"` uses the large-sample approximation.
   */
  method?: "auto" | PMethod;
}

/**
 * Spearman's rho (Pearson's r of average ranks) with a two-sided p-value.
 * Exact p: the full permutation distribution of rho over the n! pairings,
 * p = min(1, 2 * min(P(rho* <= rho), P(rho* >= rho))) as
 * `scipy.stats.permutation_test`; asymptotic p: Student t with n - 2 degrees
 * of freedom, t = rho * sqrt((n - 2) / ((1 + rho)(1 - rho))), as
 * `scipy.stats.spearmanr`.
 *
 * @param x First variable.
 * @param y Second variable, same length.
 * @param options `method` (default `"auto"`).
 * @returns `{ statistic, p, pMethod, n }`; NaN statistic and p when a
 * variable is constant.
 * @throws {RangeError} On unequal lengths or non-finite values.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { spearman } from "./rank_correlation.ts";
 * const r = spearman([1, 2, 3, 4], [10, 30, 20, 40]);
 * assert.ok(r.statistic === 0.8 && r.pMethod === "exact");
 * assert.ok(Math.abs(r.p - 1 / 3) < 1e-12); // 2 * 4/24: 4 of 24 pairings have rho >= 0.8
 * ```
 */
export function spearman(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: RankCorrelationOptions = {},
): RankTest {
  return spearmanTest(x, y, options.method ?? "auto");
}

/**
 * Kendall's tau-b with a two-sided p-value. Exact p: the full permutation
 * distribution over the n! pairings (as `scipy.stats.permutation_test`;
 * equal to `scipy.stats.kendalltau(method="exact")` without ties);
 * asymptotic p: the tie-corrected normal approximation of
 * `scipy.stats.kendalltau(method="asymptotic")`.
 *
 * @param x First variable.
 * @param y Second variable, same length.
 * @param options `method` (default `"auto"`).
 * @returns `{ statistic, p, pMethod, n }`.
 * @throws {RangeError} On unequal lengths or non-finite values.
 *
 * @example Usage
 * ```ts
 * import assert from "node:assert/strict";
 * import { kendall } from "./rank_correlation.ts";
 * const r = kendall([1, 2, 3, 4], [10, 30, 20, 40]);
 * assert.ok(Math.abs(r.statistic - 4 / 6) < 1e-12); // 5 concordant, 1 discordant
 * ```
 */
export function kendall(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: RankCorrelationOptions = {},
): RankTest {
  return kendallTest(x, y, options.method ?? "auto");
}
