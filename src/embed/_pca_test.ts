import assert from "node:assert/strict";
import { toMatrix } from "./_matrix.ts";
import { pca } from "./_pca.ts";
import { createPrng } from "../random/prng.ts";

Deno.test("pca() finds the direction of a line and its variance", () => {
  // Points t * (3, 4) for t = -1, 0, 1: one component of variance 25.
  const m = toMatrix([[-3, -4], [0, 0], [3, 4]]);
  const { scores, variance } = pca(m, 2);
  assert.ok(Math.abs(variance[0] - 25) < 1e-9);
  assert.ok(Math.abs(variance[1]) < 1e-9);
  assert.deepEqual(
    Array.from({ length: 3 }, (_, i) => Math.round(scores.data[i * 2])),
    [-5, 0, 5],
  );
});

Deno.test("pca() gives the same scores through the Gram branch (fewer points than dims)", () => {
  const rows = [[1, 2, 0, 5], [2, 0, 1, 1], [0, 1, 3, 2]];
  const wide = pca(toMatrix(rows), 2);
  // Same points padded to 4 rows by the mean keep the covariance branch.
  const mean = [1, 1, 4 / 3, 8 / 3];
  const tall = pca(toMatrix([...rows, mean, mean]), 2);
  for (let i = 0; i < 3; i++) {
    for (let c = 0; c < 2; c++) {
      assert.ok(
        Math.abs(
          Math.abs(wide.scores.data[i * 2 + c]) -
            Math.abs(tall.scores.data[i * 2 + c]),
        ) < 1e-9,
      );
    }
  }
});

Deno.test("pca() randomized path (many dims, few components) matches the full decomposition", () => {
  const prng = createPrng(21);
  const n = 300, d = 200;
  const dirs = [0, 1, 2].map(() =>
    Float64Array.from({ length: d }, () => prng.normal())
  );
  const rows = Array.from({ length: n }, () => {
    const s = [10, 5, 3].map((w) => w * prng.normal());
    return Float64Array.from(
      { length: d },
      (_, j) =>
        s[0] * dirs[0][j] + s[1] * dirs[1][j] + s[2] * dirs[2][j] +
        0.1 * prng.normal(),
    );
  });
  const fast = pca(toMatrix(rows), 3); // randomized: 13 < 100 and 200 > 128
  const full = pca(toMatrix(rows), 95); // 105 >= 100: full eigen-decomposition
  for (let c = 0; c < 3; c++) {
    assert.ok(Math.abs(fast.variance[c] / full.variance[c] - 1) < 1e-9);
    for (let i = 0; i < n; i++) {
      assert.ok(
        Math.abs(fast.scores.data[i * 3 + c] - full.scores.data[i * 95 + c]) <
          1e-6,
      );
    }
  }
});
