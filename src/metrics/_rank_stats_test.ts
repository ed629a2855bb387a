import assert from "node:assert/strict";
import fc from "fast-check";
import {
  averageRanks,
  kendallTauB,
  kendallTest,
  spearmanRho,
  spearmanTest,
} from "./_rank_stats.ts";

// Reference values recorded with scipy 1.10.1 / numpy 1.24.2:
//   scipy.stats.rankdata(x)
//   scipy.stats.spearmanr(x, y)                            -> rho, p (t, n-2 df)
//   scipy.stats.kendalltau(x, y, method="asymptotic")      -> tau-b, p
//   scipy.stats.permutation_test((x,), stat, permutation_type="pairings",
//     n_resamples=np.inf, alternative="two-sided")         -> exact p (n <= 10)
//   with stat = Spearman's rho / Kendall's tau-b of (permuted x, y).
const N30X = Array.from({ length: 30 }, (_, i) => (i * 7) % 11 + (i % 3) * 0.5);
const N30Y = Array.from({ length: 30 }, (_, i) => (i * 5) % 13 - (i % 4));
const CASES: {
  name: string;
  x: number[];
  y: number[];
  rho: number;
  pRho: number;
  tau: number;
  pTau: number;
  exactRho?: number;
  exactTau?: number;
}[] = [
  {
    name: "n5",
    x: [0.61, 0.55, 0.55, 0.70, 0.42],
    y: [0.10, 0.12, 0.08, 0.05, 0.20],
    rho: -0.8207826816681234,
    pRho: 0.08858700531354378,
    tau: -0.7378647873726218,
    pTau: 0.07697417298126674,
    exactRho: 0.13333333333333333,
    exactTau: 0.13333333333333333,
  },
  {
    name: "n8",
    x: [3, 1, 4, 1, 5, 9, 2, 6],
    y: [2, 7, 1, 8, 2, 8, 1, 8],
    rho: 0.19885368120992467,
    pRho: 0.6368617833253285,
    tau: 0.16051447078102563,
    pTau: 0.6020603043805803,
    exactRho: 0.6309523809523809,
    exactTau: 0.6988095238095238,
  },
  {
    name: "n10",
    x: [0.5, 0.4, 0.4, 0.3, 0.9, 0.8, 0.7, 0.7, 0.2, 0.1],
    y: [0.1, 0.3, 0.2, 0.3, 0.0, 0.1, 0.2, 0.1, 0.4, 0.3],
    rho: -0.8904965536163052,
    pRho: 0.0005501078208457651,
    tau: -0.7916331135924696,
    pTau: 0.002842244730202537,
    exactRho: 0.0012698412698412698,
    exactTau: 0.0014682539682539682,
  },
  {
    name: "n12",
    x: [5, 3, 8, 3, 9, 1, 4, 4, 7, 2, 6, 10],
    y: [1, 4, 2, 4, 0, 6, 3, 5, 1, 5, 2, 0],
    rho: -0.9115172742004708,
    pRho: 3.676175798044173e-05,
    tau: -0.8002304995805999,
    pTau: 0.0004917629754318771,
  },
  {
    name: "n30",
    x: N30X,
    y: N30Y,
    rho: 0.2900854451983303,
    pRho: 0.1199455574605381,
    tau: 0.20454286896582408,
    pTau: 0.12302746629964324,
  },
];

const rel = (a: number, b: number, tol = 1e-10) =>
  assert.ok(
    Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300),
    `${a} != ${b}`,
  );

Deno.test("averageRanks() gives tied values the mean of their ranks", () => {
  // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6])
  assert.deepEqual([...averageRanks([3, 1, 4, 1, 5, 9, 2, 6])], [
    4,
    1.5,
    5,
    1.5,
    6,
    8,
    3,
    7,
  ]);
  // scipy.stats.rankdata([2, 7, 1, 8, 2, 8, 1, 8])
  assert.deepEqual([...averageRanks([2, 7, 1, 8, 2, 8, 1, 8])], [
    3.5,
    5,
    1.5,
    7,
    3.5,
    7,
    1.5,
    7,
  ]);
  assert.deepEqual([...averageRanks([])], []);
});

Deno.test("spearmanTest() and kendallTest() match scipy (asymptotic p)", async (t) => {
  for (const c of CASES) {
    await t.step(c.name, () => {
      rel(spearmanRho(c.x, c.y), c.rho, 1e-13);
      rel(kendallTauB(c.x, c.y), c.tau, 1e-13);
      const s = spearmanTest(c.x, c.y, "asymptotic");
      const k = kendallTest(c.x, c.y, "asymptotic");
      assert.equal(s.pMethod, "asymptotic");
      rel(s.p, c.pRho);
      rel(k.p, c.pTau);
    });
  }
});

Deno.test("spearmanTest() and kendallTest() match scipy's exact permutation p", async (t) => {
  for (const c of CASES.filter((c) => c.exactRho !== undefined)) {
    await t.step(c.name, () => {
      const s = spearmanTest(c.x, c.y), k = kendallTest(c.x, c.y);
      assert.equal(s.pMethod, "exact");
      assert.equal(k.pMethod, "exact");
      rel(s.p, c.exactRho!, 1e-12);
      rel(k.p, c.exactTau!, 1e-12);
    });
  }
  // n > 10 switches to the asymptotic p under "auto".
  assert.equal(spearmanTest(CASES[3].x, CASES[3].y).pMethod, "asymptotic");
});

Deno.test("kendallTest() exact p matches scipy's exact tau null without ties", () => {
  // scipy.stats.kendalltau([1..8], [2,1,4,3,6,8,5,7], method="exact")
  // -> statistic 0.6428571428571428, pvalue 0.03115079365079365
  const k = kendallTest([1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 8, 5, 7]);
  rel(k.statistic, 0.6428571428571428, 1e-13);
  rel(k.p, 0.03115079365079365, 1e-12);
  // scipy.stats.spearmanr(same) -> 0.8333333333333335, p 0.01017554012345675
  const s = spearmanTest(
    [1, 2, 3, 4, 5, 6, 7, 8],
    [2, 1, 4, 3, 6, 8, 5, 7],
    "asymptotic",
  );
  rel(s.statistic, 0.8333333333333335, 1e-13);
  rel(s.p, 0.01017554012345675);
});

Deno.test("rank tests handle degenerate input", () => {
  assert.ok(Number.isNaN(spearmanTest([1, 1, 1], [1, 2, 3]).statistic));
  assert.ok(Number.isNaN(kendallTest([1, 2, 3], [5, 5, 5]).p));
  assert.ok(Number.isNaN(spearmanRho([1], [2])));
  // A perfect monotone relation at n = 12: rho = 1, t infinite, p = 0.
  const x = Array.from({ length: 12 }, (_, i) => i);
  assert.deepEqual(spearmanTest(x, x).p, 0);
  assert.throws(() => spearmanTest([1, 2], [1]), /equal length/);
  assert.throws(() => kendallTest([1, NaN], [1, 2]), /finite number/);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => spearmanTest([1, 2], [1, 2], "perm" as any), TypeError);
  assert.throws(() => spearmanTest(N30X, N30Y, "exact"), /expected n <= 10/);
});

// Independent brute force: rank-test p by recomputing the statistic on
// every permutation (no incremental update).
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from(
      { length: n },
      (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)],
    )
  );
}
function bruteP(
  x: number[],
  y: number[],
  stat: (a: number[], b: number[]) => number,
): number {
  const obs = stat(x, y);
  let le = 0, ge = 0;
  const all = permutations(x.length);
  for (const p of all) {
    const v = stat(x, p.map((i) => y[i]));
    if (v <= obs + 1e-12) le++;
    if (v >= obs - 1e-12) ge++;
  }
  return Math.min(1, 2 * Math.min(le, ge) / all.length);
}

Deno.test("exact p-values equal a brute-force enumeration (property)", () => {
  const arb = fc.integer({ min: 3, max: 6 }).chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    )
  );
  fc.assert(
    fc.property(arb, ([x, y]) => {
      const s = spearmanTest(x, y), k = kendallTest(x, y);
      if (Number.isNaN(s.statistic)) return;
      rel(s.p, bruteP(x, y, spearmanRho), 1e-12);
      rel(k.p, bruteP(x, y, kendallTauB), 1e-12);
      // Symmetry laws: rho(x, y) = rho(y, x); negating y flips the sign.
      rel(spearmanRho(y, x), s.statistic, 1e-12);
      assert.ok(
        Math.abs(kendallTauB(x, y.map((v) => -v)) + k.statistic) < 1e-12,
      );
    }),
    { numRuns: 60 },
  );
});
