import assert from "node:assert/strict";
import { placeModel } from "./place_model.ts";
import { items, results } from "./_fixture_test_helpers.ts";

const all = (s: string) =>
  Object.fromEntries(items().map((r) => [r.item_id as string, s]));

Deno.test("placeModel: ranks on the shared items only", () => {
  // Benchmark: "good" right on q1..q2 only at L2; "bad" always wrong.
  const good = { ...all("A"), q3_L2: "B", q4_L2: "B" };
  const bench = results({ good, bad: all("C") });
  // Yours answers q1 and q2 only (a subset): right everywhere.
  const mine = results({
    mine: { q1_L0: "A", q1_L2: "A", q2_L0: "A", q2_L2: "A" },
  });
  const rows = placeModel(bench, mine, { rankBy: "L2" });
  assert.deepEqual(rows.map((r) => [r.model, r.rank, r.yours]), [
    ["good", 1, false],
    ["mine", 1, true],
    ["bad", 3, false],
  ]);
  // On the shared items q1, q2 "good" is right at L2 too (its misses are on q3, q4).
  assert.equal(rows[0].L2, 100);
  assert.equal(rows[0].n_items, 4);
  assert.equal(rows[1].n_items, 4);
  assert.equal(rows[2].L0, 0);
  assert.equal(rows[2].L2_minus_L0, 0);
  // Unanimously wrong: confidence 1, accuracy 0.
  assert.equal(rows[2].dcalib_L2, 1);
  assert.equal(rows[1].L1, null);
});

Deno.test("placeModel: a shared item that differs, or none shared, is an error", () => {
  const bench = results({ b: all("A") });
  const other = items().map((r) =>
    r.item_id === "q1_L0" ? { ...r, answer: "B" } : r
  );
  const mine = results({ mine: { q1_L0: "A" } }, other);
  assert.throws(() => placeModel(bench, mine), /item "q1_L0".*answer/);
  const renamed = items().map((r) => ({ ...r, item_id: `x_${r.item_id}` }));
  assert.throws(
    () => placeModel(bench, results({ mine: { x_q1_L0: "A" } }, renamed)),
    /no item_id/,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => placeModel(bench, bench, { rankBy: "L3" as any }),
    /"L3"/,
  );
});
