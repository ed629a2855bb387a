import assert from "node:assert/strict";
import { benchmarkCounts } from "./benchmark_counts.ts";
import { emptyItemColumns, type Results } from "../results/results.ts";
import { CATEGORIES, DEGRADATIONS, TASKS } from "../taxonomy/mod.ts";

Deno.test("benchmarkCounts: degraded items and their questions per slice, items per type at L1, trials", () => {
  // Question 0: L0 + gaussian_noise at L1/L2; question 1: L0 + gaussian_noise
  // and motion_blur at L1/L2. Both CU.
  const items = emptyItemColumns(8);
  const noise = DEGRADATIONS.indexOf("gaussian_noise");
  const blur = DEGRADATIONS.indexOf("motion_blur");
  const rows: [number, number, number][] = [
    [0, 0, -1],
    [0, 1, noise],
    [0, 2, noise],
    [1, 0, -1],
    [1, 1, noise],
    [1, 1, blur],
    [1, 2, noise],
    [1, 2, blur],
  ];
  rows.forEach(([q, sev, d], i) => {
    items.question[i] = q;
    items.severity[i] = sev;
    items.task[i] = TASKS.indexOf("CU");
    items.degradation[i] = d < 0 ? 255 : d;
    items.category[i] = d < 0
      ? 255
      : CATEGORIES.indexOf(d === noise ? "Noise" : "RB");
  });
  // One model, 3 trials on every item but one with 2.
  const n = 8 * 3 - 1;
  const predictions = {
    n,
    model: new Uint16Array(n),
    item: Int32Array.from({ length: n }, (_, p) => Math.floor(p / 3)),
    trial: Uint16Array.from({ length: n }, (_, p) => (p % 3) + 1),
    choice: new Int8Array(n),
    extra: {},
  };
  const results = {
    source: "test",
    models: [],
    items,
    predictions,
    warnings: [],
  } as unknown as Results;
  const c = benchmarkCounts(results);
  assert.equal(c.trials, 3);
  assert.deepEqual(c.slices.get("CU"), { degraded: 6, base: 2 });
  assert.deepEqual(c.slices.get("Noise"), { degraded: 4, base: 2 });
  assert.deepEqual(c.slices.get("RB"), { degraded: 2, base: 1 });
  assert.equal(c.degradations.get("gaussian_noise"), 2);
  assert.equal(c.degradations.get("motion_blur"), 1);
});
