import assert from "node:assert/strict";
import { kendall, spearman } from "./rank_correlation.ts";

Deno.test("spearman() and kendall() compute hand-checked small cases", () => {
  // y ranks [1, 3, 2, 4]: sum d^2 = 2, rho = 1 - 6*2/(4*15) = 0.8.
  // Exact null over 24 pairings: rho >= 0.8 for the identity and the three
  // adjacent swaps (4 of 24) -> p = 2 * 4/24 = 1/3.
  const s = spearman([1, 2, 3, 4], [10, 30, 20, 40]);
  assert.ok(Math.abs(s.statistic - 0.8) < 1e-12);
  assert.ok(Math.abs(s.p - 1 / 3) < 1e-12);
  assert.equal(s.pMethod, "exact");
  // 5 concordant, 1 discordant pair: tau = 4/6. Exact null of S = C - D
  // over 24 pairings: S >= 4 for 4 of them (0 or 1 inversion) -> p = 1/3.
  const k = kendall([1, 2, 3, 4], [10, 30, 20, 40]);
  assert.ok(Math.abs(k.statistic - 4 / 6) < 1e-12);
  assert.ok(Math.abs(k.p - 1 / 3) < 1e-12);
  assert.equal(
    kendall([1, 2, 3, 4], [10, 30, 20, 40], { method: "asymptotic" }).pMethod,
    "asymptotic",
  );
});
