import assert from "node:assert/strict";
import fc from "fast-check";
import { averageRanks, kendallTauB, spearman } from "./_rank_corr.ts";
import { rankConsistency } from "./testdata/fixtures.ts";

const close = (a: number, b: number) =>
  assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

Deno.test("averageRanks shares ties", () => {
  assert.deepEqual(averageRanks([10, 30, 20, 20]), [1, 4, 2.5, 2.5]);
});

Deno.test("spearman and kendallTauB match scipy 1.x on ties and on the rank figure", () => {
  // scipy.stats.spearmanr / kendalltau, recorded
  close(spearman([1, 2, 2, 3], [1, 3, 2, 2]), 0.5000000000000001);
  close(kendallTauB([1, 2, 2, 3], [1, 3, 2, 2]), 0.39999999999999997);
  for (
    const [level, rho, tau] of [
      ["L1", 0.9636363636363635, 0.8666666666666666],
      ["L2", 0.9848069807617046, 0.9438798074485389],
    ] as const
  ) {
    const acc = (c: string) =>
      rankConsistency.filter((r) => r.condition === c).sort((a, b) =>
        a.model.localeCompare(b.model)
      ).map((r) => r.accuracy);
    close(spearman(acc(`sim_${level}`), acc(`real_${level}`)), rho);
    close(kendallTauB(acc(`sim_${level}`), acc(`real_${level}`)), tau);
  }
});

Deno.test("rank correlations: identity gives 1, reversal gives -1, within [-1, 1]", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 30 }),
      (xs) => {
        close(spearman(xs, xs), 1);
        close(kendallTauB(xs, xs), 1);
        const neg = xs.map((v) => -v);
        close(spearman(xs, neg), -1);
        close(kendallTauB(xs, neg), -1);
      },
    ),
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 5 }),
          fc.integer({ min: 0, max: 5 }),
        ),
        { minLength: 3, maxLength: 20 },
      ),
      (pairs) => {
        const r = spearman(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const t = kendallTauB(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        for (const v of [r, t]) {
          assert.ok(Number.isNaN(v) || (v >= -1 - 1e-12 && v <= 1 + 1e-12));
        }
      },
    ),
  );
});
