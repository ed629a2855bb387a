import assert from "node:assert/strict";
import { gaussianBlobs } from "./_blobs.ts";
import { umap } from "./umap.ts";

Deno.test("umap() is deterministic for a seed and keeps blobs apart", () => {
  const { points, labels } = gaussianBlobs(120, 10, 3, 5);
  const a = umap(points, { seed: 3, nEpochs: 200 });
  const b = umap(points, { seed: 3, nEpochs: 200 });
  const c = umap(points, { seed: 4, nEpochs: 200 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  let same = 0;
  for (let i = 0; i < 120; i++) {
    let best = -1, bestD = Infinity;
    for (let j = 0; j < 120; j++) {
      if (j === i) continue;
      const d = (a[2 * i] - a[2 * j]) ** 2 + (a[2 * i + 1] - a[2 * j + 1]) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    }
    if (labels[best] === labels[i]) same++;
  }
  assert.ok(same / 120 >= 0.95);
});

Deno.test("umap() rejects too few points", () => {
  assert.throws(() => umap([[1], [2]]), /2 points/);
});
