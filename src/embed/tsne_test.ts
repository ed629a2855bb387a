import assert from "node:assert/strict";
import { gaussianBlobs } from "./_blobs.ts";
import { nearestNeighbours } from "./_knn.ts";
import { tsne } from "./tsne.ts";

function mapPurity(embedding: Float64Array, labels: Int32Array, k: number) {
  const n = labels.length;
  const nn = nearestNeighbours({ rows: n, cols: 2, data: embedding }, k);
  let same = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      if (labels[nn.index[i * k + t]] === labels[i]) same++;
    }
  }
  return same / (n * k);
}

Deno.test("tsne() keeps separated Gaussian blobs apart (exact)", () => {
  const { points, labels } = gaussianBlobs(150, 20, 3, 11);
  const r = tsne(points, { perplexity: 15, maxIter: 500, seed: 1 });
  assert.equal(r.method, "exact");
  assert.ok(mapPurity(r.embedding, labels, 10) >= 0.95);
});

Deno.test("tsne() keeps separated Gaussian blobs apart (Barnes-Hut, PCA to 50 dims)", () => {
  const { points, labels } = gaussianBlobs(600, 64, 5, 12);
  const r = tsne(points, { seed: 2, maxIter: 500 });
  assert.equal(r.method, "barnes_hut");
  assert.ok(mapPurity(r.embedding, labels, 10) >= 0.95);
});

Deno.test("tsne() is deterministic for a seed and depends on it with random init", () => {
  const { points } = gaussianBlobs(80, 5, 2, 13);
  const opts = { perplexity: 10, maxIter: 300, init: "random" as const };
  const a = tsne(points, { ...opts, seed: 5 }).embedding;
  const b = tsne(points, { ...opts, seed: 5 }).embedding;
  const c = tsne(points, { ...opts, seed: 6 }).embedding;
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("tsne() reaches scikit-learn's KL divergence on the same data", () => {
  // Reference: sklearn 1.2.1 TSNE(perplexity=20, init="pca",
  // learning_rate="auto", random_state=0).fit(X).kl_divergence_ on
  // gaussianBlobs(200, 10, 4, 3): exact 0.41680, barnes_hut 0.40797.
  const { points } = gaussianBlobs(200, 10, 4, 3);
  const exact = tsne(points, { perplexity: 20, method: "exact" });
  const bh = tsne(points, { perplexity: 20, method: "barnes_hut" });
  assert.ok(
    Math.abs(exact.klDivergence - 0.41680) < 0.03,
    `${exact.klDivergence}`,
  );
  assert.ok(Math.abs(bh.klDivergence - 0.40797) < 0.03, `${bh.klDivergence}`);
});

Deno.test("tsne() rejects bad input and options with clear errors", () => {
  assert.throws(() => tsne([[1, 2]]), /at least 2/);
  assert.throws(() => tsne([[1, 2], [3]]), /vector 1 has length 1, expected 2/);
  assert.throws(() => tsne([[1, NaN], [3, 4]]), /value "NaN" at index 1/);
  const pts = [[0, 0], [1, 1], [2, 2], [3, 3]];
  assert.throws(() => tsne(pts, { perplexity: 4 }), /perplexity 4/);
  assert.throws(() => tsne(pts, { perplexity: 2, maxIter: 10 }), /maxIter 10/);
  assert.throws(
    () => tsne(pts, { perplexity: 2, method: "fast" as "exact" }),
    /method "fast"/,
  );
});
