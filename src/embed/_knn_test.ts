import assert from "node:assert/strict";
import { nearestNeighbours } from "./_knn.ts";
import { toMatrix } from "./_matrix.ts";

Deno.test("nearestNeighbours() orders neighbours by distance, ties by index", () => {
  const m = toMatrix([[0], [1], [-1], [5]]);
  const nn = nearestNeighbours(m, 2);
  assert.deepEqual(Array.from(nn.index), [1, 2, 0, 2, 0, 1, 1, 0]);
  assert.deepEqual(Array.from(nn.dist2), [1, 1, 1, 4, 1, 4, 16, 25]);
});
