import assert from "node:assert/strict";
import { rankConsistency } from "./rank_consistency.ts";
import { kendall, spearman } from "./rank_correlation.ts";

Deno.test("rankConsistency() ranks models (1 = best, average ties) and correlates pairs", () => {
  const r = rankConsistency({
    sim: { a: 0.9, b: 0.7, c: 0.5, d: 0.4 },
    real: { a: 0.8, b: 0.6, c: 0.6, d: 0.7 },
    other: { a: 0.1, c: 0.3 },
  });
  assert.deepEqual(r.ranks.sim, { a: 1, b: 2, c: 3, d: 4 });
  // real: a .8 -> 1, d .7 -> 2, b and c tie at .6 -> (3 + 4)/2 = 3.5.
  assert.deepEqual(r.ranks.real, { a: 1, b: 3.5, c: 3.5, d: 2 });
  assert.deepEqual(r.ranks.other, { a: 2, c: 1 });
  assert.deepEqual(r.pairs.map((p) => [p.a, p.b, p.n]), [
    ["sim", "real", 4],
    ["sim", "other", 2],
    ["real", "other", 2],
  ]);
  // sim vs real: ranks [1,2,3,4] vs [1,3.5,3.5,2]; d = 0,1.5,.5,2.
  assert.deepEqual(
    r.pairs[0].spearman,
    spearman([1, 2, 3, 4], [1, 3.5, 3.5, 2]),
  );
  assert.deepEqual(
    r.pairs[0].kendall,
    kendall([0.9, 0.7, 0.5, 0.4], [0.8, 0.6, 0.6, 0.7]),
  );
  // Pearson of ranks: means 2.5, 2.5; dx = -1.5,-.5,.5,1.5; dy = -1.5,1,1,-.5;
  // sum dx*dy = 2.25 - .5 + .5 - .75 = 1.5; sum dx^2 = 5, sum dy^2 = 4.5
  // -> rho = 1.5 / sqrt(22.5) = 0.31622776601683794.
  assert.ok(
    Math.abs(r.pairs[0].spearman.statistic - 0.31622776601683794) < 1e-12,
  );
  assert.throws(
    () => rankConsistency({ x: { a: NaN } }),
    /model "a" under condition "x"/,
  );
});
