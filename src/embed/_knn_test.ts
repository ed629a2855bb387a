import assert from "node:assert/strict";
import { nearestNeighbours } from "./_knn.ts";
import { toMatrix } from "./_matrix.ts";
import { createPrng } from "../random/prng.ts";

Deno.test("nearestNeighbours() orders neighbours by distance, ties by index", () => {
  const m = toMatrix([[0], [1], [-1], [5]]);
  const nn = nearestNeighbours(m, 2);
  assert.deepEqual(Array.from(nn.index), [1, 2, 0, 2, 0, 1, 1, 0]);
  assert.deepEqual(Array.from(nn.dist2), [1, 1, 1, 4, 1, 4, 16, 25]);
});

Deno.test("nearestNeighbours() agrees with a naive sort on random data", () => {
  const prng = createPrng(8);
  const n = 23, d = 5, k = 6;
  const rows = Array.from(
    { length: n },
    () => Array.from({ length: d }, () => Math.round(prng.normal() * 3)),
  );
  const nn = nearestNeighbours(toMatrix(rows), k);
  for (let i = 0; i < n; i++) {
    const naive = rows.map((r, j) => ({
      j,
      d2: r.reduce((s, v, t) => s + (v - rows[i][t]) ** 2, 0),
    }))
      .filter((e) => e.j !== i)
      .sort((a, b) => a.d2 - b.d2 || a.j - b.j)
      .slice(0, k);
    assert.deepEqual(
      Array.from(nn.index.subarray(i * k, (i + 1) * k)),
      naive.map((e) => e.j),
    );
    assert.deepEqual(
      Array.from(nn.dist2.subarray(i * k, (i + 1) * k)),
      naive.map((e) => e.d2),
    );
  }
});
