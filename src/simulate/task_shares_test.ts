import assert from "node:assert/strict";
import { fitTaskShares } from "./task_shares.ts";
import { loadPaperTable2, loadPaperTable6 } from "../paper/tables.ts";
import type { SliceRow, Table6Row } from "../paper/tables.ts";
import { type Task, TASKS } from "../taxonomy/mod.ts";

/** Table 2 and Table 6 rows of synthetic models whose tasks pool with `w`. */
function synthetic(w: number[], accs: number[][]) {
  const t2: SliceRow<Task>[] = [];
  const t6: Table6Row[] = [];
  accs.forEach((a, m) => {
    const model = `m${m}`;
    TASKS.forEach((t, i) =>
      t2.push({
        model,
        group: "open-source",
        slice: t,
        accL12: a[i]!,
        dropL12: null,
        dropMarker: "missing",
      })
    );
    const pooled = a.reduce((s, v, i) => s + v * w[i]!, 0);
    t6.push({
      model,
      group: "open-source",
      L0: 50,
      L1: pooled + 1,
      L2: pooled - 1,
      L1MinusL0: 0,
      L2MinusL0: 0,
    } as Table6Row);
  });
  return { t2, t6 };
}

const ACCS = [
  [60, 40, 70, 30, 50, 20],
  [55, 35, 60, 45, 40, 30],
  [70, 50, 65, 20, 55, 60],
  [40, 30, 50, 60, 45, 35],
  [65, 45, 55, 35, 60, 25],
  [50, 60, 40, 50, 30, 70],
  [45, 25, 75, 40, 65, 50],
];

Deno.test("fitTaskShares recovers the shares that pool Table 2 into Table 6 exactly", () => {
  const w = [0.5, 0.1, 0.25, 0.05, 0.06, 0.04];
  const { t2, t6 } = synthetic(w, ACCS);
  const fit = fitTaskShares(t2, t6);
  TASKS.forEach((t, i) => assert.ok(Math.abs(fit.shares[t] - w[i]!) < 1e-9));
  assert.ok(fit.rms < 1e-9);
});

Deno.test("fitTaskShares keeps shares non-negative (active set) and summing to one", () => {
  // Pooled values that the unconstrained fit could only reach with a
  // negative share for the last task.
  const w = [0.6, 0.2, 0.3, 0.0, 0.0, -0.1];
  const { t2, t6 } = synthetic(w, ACCS);
  const fit = fitTaskShares(t2, t6);
  const shares = TASKS.map((t) => fit.shares[t]);
  assert.ok(shares.every((s) => s >= 0));
  assert.ok(Math.abs(shares.reduce((a, b) => a + b) - 1) < 1e-12);
  assert.equal(fit.shares.Treat, 0);
  assert.ok(fit.rms > 0);
});

Deno.test("fitTaskShares rejects too few models with the count", () => {
  const { t2, t6 } = synthetic([1, 0, 0, 0, 0, 0], ACCS.slice(0, 3));
  assert.throws(() => fitTaskShares(t2, t6), /from 3 models/);
});

Deno.test("the paper's Table 2 re-aggregates to Table 6 with fitted shares, not with Table 4's", () => {
  const t2 = loadPaperTable2(), t6 = loadPaperTable6();
  const fit = fitTaskShares(t2, t6);
  // Within Table 2's 0.1-point rounding on average (about 0.03 pt RMS).
  assert.ok(fit.rms < 0.05, `rms ${fit.rms}`);
  // Table 4's counts as printed (AR 7,215 of 21,587) do far worse.
  const t4: Record<Task, number> = {
    CU: 13206,
    IP: 530,
    AR: 7215,
    BS: 104,
    Diag: 384,
    Treat: 148,
  };
  const total = Object.values(t4).reduce((a, b) => a + b);
  let ss = 0;
  for (const r of t6) {
    const pooled = TASKS.reduce(
      (s, t) =>
        s +
        (t4[t] / total) *
          t2.find((x) => x.model === r.model && x.slice === t)!.accL12!,
      0,
    );
    ss += (pooled - (r.L1 + r.L2) / 2) ** 2;
  }
  assert.ok(Math.sqrt(ss / t6.length) > 0.3);
  // Cross-checked with scipy.optimize.nnls (sum-to-one as a heavily
  // weighted extra row): CU .6378 IP .0197 AR .3128 BS .0060 Diag .0191 Treat .0046.
  const scipy = [0.6378, 0.0197, 0.3128, 0.006, 0.0191, 0.0046];
  TASKS.forEach((t, i) =>
    assert.ok(
      Math.abs(fit.shares[t] - scipy[i]!) < 2e-4,
      `${t} ${fit.shares[t]}`,
    )
  );
});
