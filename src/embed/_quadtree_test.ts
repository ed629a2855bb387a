import assert from "node:assert/strict";
import { createPrng } from "../random/prng.ts";
import { QuadForces } from "./_quadtree.ts";

function exact(y: Float64Array, n: number) {
  const neg = new Float64Array(2 * n);
  let sumQ = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
      const q = 1 / (1 + dx * dx + dy * dy);
      sumQ += q;
      neg[2 * i] += q * q * dx;
      neg[2 * i + 1] += q * q * dy;
    }
  }
  return { neg, sumQ };
}

Deno.test("QuadForces.negative() equals exact repulsion at angle 0 and is close at 0.5", () => {
  const prng = createPrng(4);
  const n = 200;
  const y = Float64Array.from({ length: 2 * n }, () => 5 * prng.normal());
  y[2] = y[0]; // a duplicate point
  y[3] = y[1];
  const ref = exact(y, n);
  const tree = new QuadForces(n);
  const neg = new Float64Array(2 * n);
  const sumQ = tree.negative(y, 0, neg);
  assert.ok(Math.abs(sumQ / ref.sumQ - 1) < 1e-12);
  for (let i = 0; i < 2 * n; i++) {
    assert.ok(Math.abs(neg[i] - ref.neg[i]) < 1e-12);
  }
  const approx = tree.negative(y, 0.5, neg);
  assert.ok(Math.abs(approx / ref.sumQ - 1) < 0.02, `${approx / ref.sumQ}`);
  let err = 0, norm = 0;
  for (let i = 0; i < 2 * n; i++) {
    err += (neg[i] - ref.neg[i]) ** 2;
    norm += ref.neg[i] ** 2;
  }
  assert.ok(Math.sqrt(err / norm) < 0.05);
});
