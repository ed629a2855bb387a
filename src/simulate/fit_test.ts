import assert from "node:assert/strict";
import fc from "fast-check";
import { createPrng } from "../random/prng.ts";
import { apportion } from "./apportion.ts";
import {
  type Constraint,
  constraintValue,
  rakeLogits,
  repairCounts,
} from "./fit.ts";
import { fixTotal } from "./votes.ts";

Deno.test("apportion sums exactly and stays within one of the quota", () => {
  fc.assert(fc.property(
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
      .filter((w) => w.some((x) => x > 0)),
    fc.integer({ min: 0, max: 100000 }),
    (w, total) => {
      const parts = apportion(w, total);
      const sum = w.reduce((a, b) => a + b, 0);
      assert.equal(parts.reduce((a, b) => a + b, 0), total);
      parts.forEach((p, i) =>
        assert.ok(Math.abs(p - (w[i]! * total) / sum) < 1)
      );
    },
  ));
  assert.throws(() => apportion([0, 0], 3), /positive sum/);
});

const range = (a: number, b: number) =>
  Int32Array.from({ length: b - a }, (_, i) => a + i);

Deno.test("raking meets a mean and a paired difference", () => {
  const logits = new Float64Array(40);
  const cs: Constraint[] = [
    {
      label: "diff",
      pos: range(20, 40),
      neg: range(0, 20),
      target: -0.1,
      tol: 0,
      weight: 1,
    },
    {
      label: "all",
      pos: range(0, 40),
      neg: null,
      target: 0.6,
      tol: 0,
      weight: 1,
    },
  ];
  rakeLogits(logits, cs, 60);
  const p = Array.from(logits, (x) => 1 / (1 + Math.exp(-x)));
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  assert.ok(Math.abs(mean(p) - 0.6) < 1e-4);
  assert.ok(Math.abs(mean(p.slice(20)) - mean(p.slice(0, 20)) + 0.1) < 1e-3);
});

Deno.test("repair with groups meets targets and keeps group totals", () => {
  const k = new Uint8Array(60).fill(1);
  const groups = Uint8Array.from({ length: 60 }, (_, i) => (i < 30 ? 0 : 1));
  const sub: Constraint = {
    label: "first ten",
    pos: range(0, 10),
    neg: null,
    target: 2 / 3,
    tol: 1 / 30,
    weight: 1,
  };
  repairCounts(k, 3, [sub], createPrng(4), groups);
  assert.ok(Math.abs(constraintValue(k, 3, sub) - 2 / 3) <= 0.4 / 30 + 1e-12);
  assert.equal(k.slice(0, 30).reduce((a, b) => a + b, 0), 30);
  assert.equal(k.slice(30).reduce((a, b) => a + b, 0), 30);
});

Deno.test("fixTotal reaches any reachable total and rejects the rest", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), (target) => {
    const k = new Uint8Array(10).fill(1);
    fixTotal(k, 3, target, new Float64Array(10), createPrng(target));
    assert.equal(k.reduce((a, b) => a + b, 0), target);
  }));
  assert.throws(
    () => fixTotal(new Uint8Array(2), 3, 7, new Float64Array(2), createPrng(1)),
    /Cannot reach 7 correct trials over 2 items x 3 trials: expected 0\.\.6/,
  );
});
