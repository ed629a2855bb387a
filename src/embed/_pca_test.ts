import assert from "node:assert/strict";
import { toMatrix } from "./_matrix.ts";
import { pca } from "./_pca.ts";

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
