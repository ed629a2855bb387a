import assert from "node:assert/strict";
import { dkePower } from "./power.ts";

Deno.test("dkePower: a large effect is always detected, no effect rarely", () => {
  const big = dkePower({
    questions: [60],
    trials: [3],
    accuracy: [0.8, 0.7, 0.4],
    confidence: [0.7, 0.7, 0.75],
    replicates: 3,
    resamples: 200,
  });
  assert.equal(big.length, 1);
  assert.equal(big[0].rate_acc, 1);
  assert.equal(big[0].rate_both, 1);
  assert.ok(Math.abs(big[0].mean_acc_drop - 0.4) < 0.02);
  const none = dkePower({
    questions: [60],
    trials: [3],
    accuracy: [0.6, 0.6, 0.6],
    confidence: [0.8, 0.8, 0.8],
    replicates: 3,
    resamples: 200,
  });
  assert.equal(none[0].rate_acc, 0);
});

Deno.test("dkePower: grid order, determinism, progress, bad input", () => {
  const seen: string[] = [];
  const opts = {
    questions: [30, 40],
    trials: [3, 5],
    replicates: 2,
    resamples: 50,
    onProgress: (d: number, t: number) => seen.push(`${d}/${t}`),
  };
  const a = dkePower(opts);
  assert.deepEqual(a.map((r) => [r.questions, r.trials]), [[30, 3], [30, 5], [
    40,
    3,
  ], [40, 5]]);
  assert.deepEqual(seen, ["1/4", "2/4", "3/4", "4/4"]);
  assert.deepEqual(dkePower({ ...opts, onProgress: undefined }), a);
  for (const r of a) {
    for (const v of [r.rate_acc, r.rate_calib, r.rate_both]) {
      assert.ok(v >= 0 && v <= 1);
    }
    assert.ok(r.rate_both <= Math.min(r.rate_acc, r.rate_calib));
  }
  assert.throws(
    () => dkePower({ questions: [], trials: [3] }),
    /questions \[\]/,
  );
  assert.throws(() => dkePower({ questions: [10], trials: [1.5] }), /trials/);
  assert.throws(
    () => dkePower({ questions: [10], trials: [3], alpha: 0 }),
    /alpha 0/,
  );
});
