import assert from "node:assert/strict";
import fc from "fast-check";
import { dkeInter } from "./dke_inter.ts";
import { kendall, spearman } from "./rank_correlation.ts";

Deno.test("dkeInter() counts pairs by hand", () => {
  // acc:    .4   .5   .6   .6
  // dcalib: .30  .20  .25  .10
  // Pairs with acc(f1) < acc(f2): (0,1) .30>.20 holds; (0,2) .30>.25 holds;
  // (0,3) .30>.10 holds; (1,2) .20>.25 no; (1,3) .20>.10 holds;
  // (2,3) tied on accuracy, left out. 4 of 5.
  const r = dkeInter([
    { acc: 0.4, dcalib: 0.30 },
    { acc: 0.5, dcalib: 0.20 },
    { acc: 0.6, dcalib: 0.25 },
    { acc: 0.6, dcalib: 0.10 },
  ]);
  assert.equal(r.n, 4);
  assert.equal(r.pairs, 5);
  assert.equal(r.holding, 4);
  assert.equal(r.share, 0.8);
  // acc ranks [1, 2, 3.5, 3.5], dcalib ranks [4, 2, 3, 1].
  assert.deepEqual(r.spearman, spearman([1, 2, 3.5, 3.5], [4, 2, 3, 1]));
  assert.deepEqual(r.kendall, kendall([1, 2, 3.5, 3.5], [4, 2, 3, 1]));
  assert.equal(r.spearman.pMethod, "exact");
  assert.ok(r.spearman.statistic < 0);
});

Deno.test("dkeInter() compares after rounding to 12 decimals", () => {
  // 0.1 + 0.2 = 0.30000000000000004 rounds to 0.3: a tie on accuracy (left
  // out) and, in the second case, a tie on dcalib (does not hold).
  const tieAcc = dkeInter([{ acc: 0.1 + 0.2, dcalib: 0.5 }, {
    acc: 0.3,
    dcalib: 0.1,
  }]);
  assert.equal(tieAcc.pairs, 0);
  assert.equal(tieAcc.share, null);
  const tieCal = dkeInter([{ acc: 0.2, dcalib: 0.1 + 0.2 }, {
    acc: 0.5,
    dcalib: 0.3,
  }]);
  assert.equal(tieCal.pairs, 1);
  assert.equal(tieCal.holding, 0);
  assert.throws(
    () => dkeInter([{ acc: NaN, dcalib: 0 }]),
    /point 0 with acc NaN/,
  );
});

Deno.test("dkeInter() share is 1 for strictly decreasing and 0 for increasing dcalib", () => {
  fc.assert(
    fc.property(
      // Sizes 2..7 (exact p) and 11..14 (asymptotic); 8..10 enumerate up
      // to 10! pairings and are covered by _rank_stats_test.ts.
      fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), {
        minLength: 2,
        maxLength: 14,
      }).filter((a) => a.length <= 7 || a.length >= 11),
      (accs) => {
        const down = dkeInter(
          accs.map((a) => ({ acc: a / 1000, dcalib: -a / 1000 })),
        );
        const up = dkeInter(
          accs.map((a) => ({ acc: a / 1000, dcalib: a / 1000 })),
        );
        const n = accs.length;
        assert.equal(down.pairs, n * (n - 1) / 2);
        assert.equal(down.share, 1);
        assert.equal(up.share, 0);
        assert.ok(Math.abs(down.kendall.statistic + 1) < 1e-12);
        assert.equal(down.spearman.pMethod, n <= 10 ? "exact" : "asymptotic");
      },
    ),
    { numRuns: 40 },
  );
});
