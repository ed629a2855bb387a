import assert from "node:assert/strict";
import { createPrng } from "../random/prng.ts";
import type { Degradation } from "../taxonomy/degradations.ts";
import { colocation } from "./colocation.ts";
import type { EmbeddingSet, ImageSource } from "./embedding_set.ts";

function makeSet(
  items: [Degradation, ImageSource, number[]][],
  modality: "CT" | "MRI" = "CT",
): EmbeddingSet {
  return {
    n: items.length,
    dims: items[0][2].length,
    names: items[0][2].map((_, i) => `f${i}`),
    imageId: items.map((_, i) => `img${i}`),
    modality: items.map(() => modality),
    degradation: items.map((x) => x[0]),
    source: items.map((x) => x[1]),
    severity: items.map(() => 1),
    vectors: items.map((x) => Float64Array.from(x[2])),
  };
}

Deno.test("colocation() counts same-type simulated neighbours against chance (hand-computed)", () => {
  // Real low_dose at 0.3 has neighbours 0.2 (sim low_dose) and 0.5 (sim blur):
  // share 1/2. Expected: 2 sim low_dose / (5 - 1) = 0.5.
  const set = makeSet([
    ["low_dose", "simulated", [0]],
    ["low_dose", "simulated", [0.2]],
    ["low_dose", "real", [0.3]],
    ["gaussian_blur", "simulated", [0.5]],
    ["gaussian_blur", "simulated", [0.9]],
  ]);
  const rows = colocation(set, { k: 2, permutations: 0 });
  assert.equal(rows.length, 2);
  assert.deepEqual(
    { ...rows[0], pValue: 0 },
    {
      modality: "CT",
      degradation: "all",
      nReal: 1,
      nSimulated: 2,
      k: 2,
      observed: 0.5,
      expected: 0.5,
      lift: 1,
      pValue: 0,
    },
  );
  assert.ok(Number.isNaN(rows[0].pValue));
  assert.equal(rows[1].degradation, "low_dose");
});

Deno.test("colocation() gives a small p-value for clustered types, uniform ones under the null", () => {
  const prng = createPrng(9);
  const types: Degradation[] = ["low_dose", "gaussian_blur", "sparse_view"];
  const items: [Degradation, ImageSource, number[]][] = [];
  for (let i = 0; i < 90; i++) {
    const t = i % 3;
    items.push([
      types[t],
      i % 5 === 0 ? "real" : "simulated",
      [t * 10 + prng.normal(), prng.normal()],
    ]);
  }
  const clustered = colocation(makeSet(items), {
    k: 5,
    permutations: 199,
    seed: 1,
  });
  // A fifth of each cluster is real, so about 4 in 5 neighbours qualify.
  assert.ok(clustered[0].observed > 0.7 && clustered[0].lift > 2.5);
  assert.ok(clustered[0].pValue <= 0.01);
  // Under the null (vectors unrelated to labels) p-values are roughly uniform.
  const ps: number[] = [];
  for (let seed = 0; seed < 20; seed++) {
    const g = createPrng(100 + seed);
    const nul = items.map((x) =>
      [x[0], x[1], [g.normal(), g.normal()]] as typeof x
    );
    ps.push(
      colocation(makeSet(nul), { k: 5, permutations: 199, seed })[0].pValue,
    );
  }
  const mean = ps.reduce((a, b) => a + b) / ps.length;
  assert.ok(mean > 0.3 && mean < 0.7, `${mean}`);
  assert.ok(ps.filter((p) => p <= 0.05).length <= 3, `${ps}`);
  const again = colocation(makeSet(items), {
    k: 5,
    permutations: 199,
    seed: 1,
  });
  assert.deepEqual(again, clustered);
});

Deno.test("colocation() skips modalities without typed real images and checks options", () => {
  const set = makeSet([
    ["low_dose", "simulated", [0]],
    ["low_dose", "simulated", [1]],
  ]);
  assert.deepEqual(colocation(set), []);
  assert.throws(() => colocation(set, { k: 0 }), /k 0/);
  assert.throws(() => colocation(set, { permutations: -1 }), /-1 permutations/);
});
