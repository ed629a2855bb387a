import assert from "node:assert/strict";
import fc from "fast-check";
import { pairedDrop } from "./paired_drop.ts";
import { scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";
import { makeResults } from "./testdata/make_results.ts";

const close = (a: number | null, b: number, tol = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} != ${b}`);

const r = dropFixture();
const s = scoreItems(r, "m");

Deno.test("pairedDrop() pairs a slice with its clean questions (hand-computed)", () => {
  // Noise: degraded answered items 1 (.5), 2 (0), 9 (.5) -> questions q1, q4;
  // base = items 0 (1) and 8 (unanswered, leaves) -> base acc 1, nBase 1.
  assert.deepEqual(pairedDrop(r, s, { category: "Noise" }, 1), {
    value: -0.5,
    accuracy: 0.5,
    baseAccuracy: 1,
    n: 1,
    nBase: 1,
  });
  // L2: (0 + .5) / 2 = .25 -> -.75.
  assert.equal(pairedDrop(r, s, { category: "Noise" }, 2).value, -0.75);
  // L1&L2: (.5 + 0 + .5) / 3 = 1/3 -> -2/3.
  close(pairedDrop(r, s, { category: "Noise" }, "L12").value, 1 / 3 - 1);
  // RB: degraded 4 (1), 5 (0), 7 (0) -> q2, q3; base = 3 (.75), 6 (1) = .875.
  assert.equal(pairedDrop(r, s, { category: "RB" }, 1).value, 0.125);
  assert.equal(pairedDrop(r, s, { category: "RB" }, 2).value, -0.875);
  const l12 = pairedDrop(r, s, { category: "RB" }, "L12");
  close(l12.value, 1 / 3 - 0.875);
  assert.equal(l12.nBase, 2);
});

Deno.test("pairedDrop() returns null, never 0, for empty sides", () => {
  // MRI has no L1 item: value and accuracy null, the base is still known.
  assert.deepEqual(pairedDrop(r, s, { modality: "MRI" }, 1), {
    value: null,
    accuracy: null,
    baseAccuracy: 1,
    n: 0,
    nBase: 1,
  });
  assert.equal(pairedDrop(r, s, { modality: "MRI" }, 2).value, -1);
  assert.deepEqual(pairedDrop(r, s, { category: "Artif" }, "L12"), {
    value: null,
    accuracy: null,
    baseAccuracy: null,
    n: 0,
    nBase: 0,
  });
  // Explicit indexes work too; L0 items in the slice are ignored.
  assert.equal(pairedDrop(r, s, Int32Array.of(0, 7), 2).value, -1);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => pairedDrop(r, s, {}, 3 as any), /expected 1, 2 or "L12"/);
});

Deno.test("pairedDrop() vanishes when degraded answers copy the clean ones", () => {
  const lists = fc.array(
    fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 4 }),
    { minLength: 1, maxLength: 6 },
  );
  fc.assert(fc.property(lists, (clean) => {
    const items = clean.flatMap((_, q) =>
      ([0, 1, 2] as const).map((sev) => ({ q: `q${q}`, sev }))
    );
    const votes = clean.flatMap((v) => [v, v, v]);
    const res = makeResults(items, { m: votes });
    const sc = scoreItems(res, 0);
    for (const level of [1, 2, "L12"] as const) {
      const d = pairedDrop(res, sc, {}, level);
      if (clean.every((v) => v.length === 0)) assert.equal(d.value, null);
      else close(d.value, 0, 1e-12);
    }
  }));
});
