import assert from "node:assert/strict";
import { appliesTo, type Degradation } from "../taxonomy/degradations.ts";
import { FEATURE_NAMES } from "./features.ts";
import { buildSampleEmbeddingSet } from "./sample_set.ts";

const small = { size: 32, simulatedPerLevel: 1, realPerLevel: 1 };

Deno.test("buildSampleEmbeddingSet() covers every available id at L1 and L2, simulated and real", async () => {
  const set = await buildSampleEmbeddingSet(3, small);
  assert.equal(set.n, set.vectors.length);
  assert.equal(set.dims, FEATURE_NAMES.length);
  assert.equal(new Set(set.imageId).size, set.n);
  for (let i = 0; i < set.n; i++) {
    assert.ok(appliesTo(set.degradation[i] as Degradation, set.modality[i]));
    assert.ok(set.vectors[i].every(Number.isFinite));
  }
  // Each (modality, id) appears 4 times: 2 levels x (1 simulated + 1 real).
  const groups = new Map<string, number>();
  set.modality.forEach((m, i) => {
    const key = `${m}/${set.degradation[i]}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  });
  assert.ok([...groups.values()].every((c) => c === 4));
  assert.equal(set.source.filter((s) => s === "real").length, set.n / 2);
  assert.ok(
    !set.skipped.some((s) => groups.has(`${s.modality}/${s.degradation}`)),
  );
});

Deno.test("buildSampleEmbeddingSet() is deterministic for a seed, jitters real parameters", async () => {
  const a = await buildSampleEmbeddingSet(5, small);
  const b = await buildSampleEmbeddingSet(5, small);
  const c = await buildSampleEmbeddingSet(6, small);
  assert.deepEqual(a.vectors, b.vectors);
  assert.notDeepEqual(a.vectors, c.vectors);
  const blur = a.imageId.findIndex((id) =>
    id.includes("gaussian_blur/L1/simulated")
  );
  const blurReal = a.imageId.findIndex((id) =>
    id.includes("gaussian_blur/L1/real")
  );
  assert.equal(a.params[blur].sigma, 3);
  assert.notEqual(a.params[blurReal].sigma, 3);
  assert.ok(Math.abs((a.params[blurReal].sigma as number) - 3) <= 0.45 + 1e-12);
});

Deno.test("buildSampleEmbeddingSet() rejects bad options", async () => {
  await assert.rejects(() => buildSampleEmbeddingSet(1, { size: 8 }), /size 8/);
  await assert.rejects(
    () => buildSampleEmbeddingSet(1, { jitter: 1 }),
    /jitter 1/,
  );
  await assert.rejects(
    () => buildSampleEmbeddingSet(1, { realPerLevel: -1 }),
    /realPerLevel -1/,
  );
});
