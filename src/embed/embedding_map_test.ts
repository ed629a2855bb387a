import assert from "node:assert/strict";
import { embeddingMap } from "./embedding_map.ts";
import type { EmbeddingSet } from "./embedding_set.ts";

Deno.test("embeddingMap() keeps set order and metadata and separates distinct groups", () => {
  const n = 40;
  const set: EmbeddingSet = {
    n,
    dims: 3,
    names: ["f0", "f1", "f2"],
    imageId: Array.from({ length: n }, (_, i) => `img${i}`),
    modality: Array.from({ length: n }, () => "CT" as const),
    degradation: Array.from(
      { length: n },
      (_, i) => i < 20 ? "low_dose" as const : "sparse_view" as const,
    ),
    source: Array.from(
      { length: n },
      (_, i) => i % 4 === 0 ? "real" as const : "simulated" as const,
    ),
    severity: Array.from({ length: n }, () => 1 as const),
    // f2 is constant: standardization must not divide by zero.
    vectors: Array.from(
      { length: n },
      (_, i) => Float64Array.of(i < 20 ? 0 : 100, (i % 20) / 20, 7),
    ),
  };
  const map = embeddingMap(set, { maxIter: 300, seed: 1 });
  assert.equal(map.points.length, n);
  assert.equal(map.points[3].imageId, "img3");
  assert.equal(map.points[4].source, "real");
  assert.ok(
    map.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
  );
  // Each point's nearest neighbour on the map is from its own group.
  for (let i = 0; i < n; i++) {
    let best = -1, bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = (map.points[i].x - map.points[j].x) ** 2 +
        (map.points[i].y - map.points[j].y) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    }
    assert.equal(best < 20, i < 20);
  }
});
