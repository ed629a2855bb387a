import assert from "node:assert/strict";
import { dkeInterRows, dkeIntraRows } from "./dke_report.ts";
import { results } from "./_fixture_test_helpers.ts";

// Model "m": L0 all right, unanimous (acc 1, conf 1, Δcalib 0); L2 q1,q2
// right and q3,q4 wrong but unanimous (acc 0.5, conf 1, Δcalib 0.5).
const m = {
  q1_L0: "AA",
  q2_L0: "AA",
  q3_L0: "AA",
  q4_L0: "AA",
  q1_L2: "AA",
  q2_L2: "AA",
  q3_L2: "BB",
  q4_L2: "CC",
};
// Model "n": every item split A/B: acc 0.5, conf 1 - log2/log4 = 0.5, Δcalib 0.
const n = Object.fromEntries(Object.keys(m).map((k) => [k, "AB"]));
// Model "w": always wrong and unanimous: acc 0, conf 1, Δcalib 1.
const w = Object.fromEntries(Object.keys(m).map((k) => [k, "DD"]));

Deno.test("dkeIntraRows: hand-computed point values and the condition", () => {
  const rows = dkeIntraRows(results({ m, n }), { resamples: 200, seed: 3 });
  assert.equal(rows.length, 2);
  const [a, b] = rows;
  assert.equal(a.model, "m");
  assert.equal(a.acc_L0, 1);
  assert.equal(a.acc_L2, 0.5);
  assert.equal(a.acc_drop, 0.5);
  assert.equal(a.dcalib_L0, 0);
  assert.equal(a.dcalib_L2, 0.5);
  assert.equal(a.calib_increase, 0.5);
  assert.equal(a.holds, true);
  // Every resample keeps L0 at 1 and L2 at most 1: the drop is never negative.
  assert.ok(a.acc_drop_lo >= 0 && a.acc_drop_hi <= 1);
  assert.ok(a.p_acc_drop > 0 && a.p_acc_drop <= 1);
  assert.equal(b.model, "n");
  assert.equal(b.acc_drop, 0);
  assert.equal(b.holds, false);
  // A zero drop in every resample: p = (200 + 1) / (200 + 1).
  assert.equal(b.p_acc_drop, 1);
  assert.equal(b.drop_significant, false);
});

Deno.test("dkeIntraRows: same seed, same rows; model subset; bad alpha", () => {
  const r = results({ m, n });
  assert.deepEqual(
    dkeIntraRows(r, { resamples: 100, seed: 1 }),
    dkeIntraRows(r, { resamples: 100, seed: 1 }),
  );
  assert.deepEqual(
    dkeIntraRows(r, { models: ["n"], resamples: 10 }).map((x) => x.model),
    ["n"],
  );
  assert.throws(() => dkeIntraRows(r, { models: ["zz"] }), /"zz"/);
  assert.throws(() => dkeIntraRows(r, { alpha: 1 }), RangeError);
});

Deno.test("dkeInterRows: pair share, correlations and p-method", () => {
  const rows = dkeInterRows(results({ m, n, w }));
  assert.deepEqual(rows.map((r) => r.level), ["L0", "L1", "L2"]);
  const l2 = rows[2];
  // L2: acc m .5, n .5, w 0; Δcalib m .5, n 0, w 1. Pairs with different
  // accuracy: (w, m) holds (1 > .5), (w, n) holds (1 > 0): 2 of 2.
  assert.equal(l2.models, 3);
  assert.equal(l2.pairs, 2);
  assert.equal(l2.holding, 2);
  assert.equal(l2.pair_share, 1);
  assert.equal(l2.p_method, "exact");
  assert.ok(l2.spearman_rho < 0 && l2.kendall_tau < 0);
  // No L1 items: no model has a point there.
  assert.equal(rows[1].models, 0);
  assert.equal(rows[1].pair_share, null);
});
