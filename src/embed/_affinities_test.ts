import assert from "node:assert/strict";
import { createPrng } from "../random/prng.ts";
import { conditionalP, jointFromNeighbours } from "./_affinities.ts";

Deno.test("conditionalP() rows sum to 1 with entropy log(perplexity)", () => {
  const prng = createPrng(2);
  const rows = 20, width = 30, perplexity = 10;
  const d2 = Float64Array.from(
    { length: rows * width },
    () => 5 * prng.next() ** 2,
  );
  const p = new Float64Array(rows * width);
  conditionalP(d2, rows, width, perplexity, p);
  for (let i = 0; i < rows; i++) {
    const row = p.subarray(i * width, (i + 1) * width);
    const sum = row.reduce((a, b) => a + b, 0);
    const h = -row.reduce((a, v) => a + (v > 0 ? v * Math.log(v) : 0), 0);
    assert.ok(Math.abs(sum - 1) < 1e-12);
    assert.ok(Math.abs(h - Math.log(perplexity)) < 1e-4, `${h}`);
  }
});

Deno.test("jointFromNeighbours() symmetrizes and normalizes (hand-computed)", () => {
  // 3 points, 1 neighbour each: 0->1 (1), 1->0 (1), 2->1 (1).
  const P = jointFromNeighbours(
    3,
    1,
    Int32Array.from([1, 0, 1]),
    Float64Array.from([1, 1, 1]),
  );
  assert.deepEqual(Array.from(P.rowPtr), [0, 1, 3, 4]);
  assert.deepEqual(Array.from(P.col), [1, 0, 2, 1]);
  assert.deepEqual(Array.from(P.val), [2 / 6, 2 / 6, 1 / 6, 1 / 6]);
});
