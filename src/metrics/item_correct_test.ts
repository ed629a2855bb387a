import assert from "node:assert/strict";
import fc from "fast-check";
import { itemCorrect } from "./item_correct.ts";

Deno.test("itemCorrect() scores one item in both modes", () => {
  // A, A, B, unparsed; answer A: 2/4; plurality A (2 > 1, 2 > 1 unparsed).
  assert.equal(itemCorrect([0, 0, 1, -1], 4, 0), 0.5);
  assert.equal(itemCorrect([0, 0, 1, -1], 4, 0, "majority"), 1);
  // Tie A/B -> wrong; unparsed tying the answer -> wrong.
  assert.equal(itemCorrect([0, 1], 4, 0, "majority"), 0);
  assert.equal(itemCorrect([0, -1], 4, 0, "majority"), 0);
  assert.equal(itemCorrect([0, -1], 4, 0), 0.5);
  assert.equal(itemCorrect([], 4, 0), 0);
  assert.equal(itemCorrect([], 4, 0, "majority"), 0);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => itemCorrect([0], 4, 0, "vote" as any), TypeError);
});

Deno.test("itemCorrect() can leave unparsed trials out of the majority vote", () => {
  const ignore = { majorityUnparsed: "ignore" } as const;
  // A, unparsed, unparsed: A is the only parsed vote -> 1 (0 when unparsed competes).
  assert.equal(itemCorrect([0, -1, -1], 4, 0, "majority", ignore), 1);
  assert.equal(itemCorrect([0, -1, -1], 4, 0, "majority"), 0);
  // Ties among parsed votes stay wrong; no parsed vote is wrong.
  assert.equal(itemCorrect([0, 1, -1], 4, 0, "majority", ignore), 0);
  assert.equal(itemCorrect([-1], 4, 0, "majority", ignore), 0);
});

Deno.test("itemCorrect() majority is 1 only if the answer holds a strict plurality", () => {
  fc.assert(fc.property(
    fc.array(fc.integer({ min: -1, max: 2 }), { maxLength: 8 }),
    (votes) => {
      const count = (c: number) => votes.filter((v) => v === c).length;
      const strict = [-1, 1, 2].every((c) => count(0) > count(c));
      assert.equal(itemCorrect(votes, 3, 0, "majority"), strict ? 1 : 0);
    },
  ));
});
