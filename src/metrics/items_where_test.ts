import assert from "node:assert/strict";
import { itemsWhere, resolveSlice } from "./items_where.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";

const r = dropFixture();
const where = (f: Parameters<typeof itemsWhere>[1]) => [...itemsWhere(r, f)];

Deno.test("itemsWhere() selects by every attribute (see testdata/drop_fixture.ts)", () => {
  assert.deepEqual(where({}), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(where({ severity: 0 }), [0, 3, 6, 8]);
  assert.deepEqual(where({ severity: [1, 2] }), [1, 2, 4, 5, 7, 9]);
  assert.deepEqual(where({ degradation: "none" }), [0, 3, 6, 8]);
  assert.deepEqual(where({ degradation: "gaussian_noise" }), [1, 2, 9]);
  assert.deepEqual(where({ category: "RB" }), [4, 5, 7]);
  assert.deepEqual(where({ category: "Artif" }), []);
  assert.deepEqual(where({ skill: "Counting" }), [3, 4, 5]);
  assert.deepEqual(where({ task: "IP" }), [3, 4, 5]);
  assert.deepEqual(where({ capability: "Medical Perception" }).length, 10);
  assert.deepEqual(where({ capability: "Clinical Reasoning" }), []);
  assert.deepEqual(where({ modality: "MRI" }), [6, 7]);
  assert.deepEqual(where({ source: "T" }), [8, 9]);
  // AND across fields, OR within a list.
  assert.deepEqual(where({ severity: 2, category: ["Noise", "RB"] }), [
    2,
    5,
    7,
    9,
  ]);
  assert.deepEqual(where({ severity: 2, modality: "CT", source: "S" }), [2, 5]);
  // A free predicate over the columns, combined with the named fields.
  assert.deepEqual(
    where({ severity: 0, where: (x, it) => it.questionId[x] !== "q1" }),
    [3, 6, 8],
  );
  assert.deepEqual(where({ degradation: ["none", "motion_blur"] }), [
    0,
    3,
    4,
    5,
    6,
    8,
  ]);
});

Deno.test("itemsWhere() rejects unknown names", () => {
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => itemsWhere(r, { category: "noise" as any }),
    /Cannot filter items by category "noise": expected one of "Intens"/,
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => itemsWhere(r, { severity: 3 as any }), RangeError);
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => itemsWhere(r, { degradation: "blur" as any }),
    /"xray_motion_blur_artifact", "none"$/,
  );
});

Deno.test("resolveSlice() passes indexes through and resolves filters", () => {
  const idx = Int32Array.of(5, 1);
  assert.equal(resolveSlice(r, idx), idx);
  assert.deepEqual([...resolveSlice(r, { modality: "MRI" })], [6, 7]);
});
