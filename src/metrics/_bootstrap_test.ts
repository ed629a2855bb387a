import assert from "node:assert/strict";
import {
  bootstrapP,
  percentileInterval,
  quantileSorted,
} from "./_bootstrap.ts";

Deno.test("quantileSorted() interpolates linearly like numpy.quantile", () => {
  // numpy.quantile([1, 2, 3, 4, 10], [0.025, 0.5, 0.975]) = [1.1, 3, 9.4]:
  // h = 4 * .025 = .1 -> 1 + .1 * (2 - 1); h = 3.9 -> 4 + .9 * (10 - 4).
  const s = [1, 2, 3, 4, 10];
  assert.ok(Math.abs(quantileSorted(s, 0.025) - 1.1) < 1e-12);
  assert.equal(quantileSorted(s, 0.5), 3);
  assert.ok(Math.abs(quantileSorted(s, 0.975) - 9.4) < 1e-12);
  assert.equal(quantileSorted(s, 1), 10);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

Deno.test("percentileInterval() sorts numerically and bootstrapP() adds one", () => {
  const [lo, hi] = percentileInterval(Float64Array.of(10, 2, 4, 1, 3), 0.95);
  assert.ok(Math.abs(lo - 1.1) < 1e-12 && Math.abs(hi - 9.4) < 1e-12);
  assert.equal(bootstrapP(0, 99), 0.01);
  assert.equal(bootstrapP(99, 99), 1);
});
