import assert from "node:assert/strict";
import fc from "fast-check";
import { brier, itemBrier } from "./brier.ts";
import { scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";

Deno.test("itemBrier() scores the vote distribution over all trials", () => {
  // p = (.75, .25, 0, 0), answer A: .0625 + .0625.
  assert.equal(itemBrier([0, 0, 0, 1], 4, 0), 0.125);
  // Wrong and unanimous: (0 - 1)^2 + (1 - 0)^2 = 2.
  assert.equal(itemBrier([1], 4, 0), 2);
  // Unparsed only: p = 0 everywhere -> (0 - 1)^2 = 1.
  assert.equal(itemBrier([-1, -1], 4, 0), 1);
  // A, B, unparsed; answer B; K = 3: (1/3)^2 + (1/3 - 1)^2 + 0 = 5/9.
  assert.ok(Math.abs(itemBrier([0, 1, -1], 3, 1) - 5 / 9) < 1e-15);
  assert.throws(() => itemBrier([], 4, 0), /without trials/);
  assert.throws(() => itemBrier([0], 4, 4), /answer 4/);
});

Deno.test("brier() averages over answered items", () => {
  const s = scoreItems(dropFixture(), "m");
  // Items 0..9 of testdata/drop_fixture.ts: 0, .5, 2, .125, 0, 1, 0, 2, -, .5.
  const b = brier(s, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(b.n, 9);
  assert.ok(Math.abs(b.value! - 6.125 / 9) < 1e-12);
  assert.deepEqual(brier(s, []), { value: null, n: 0 });
});

Deno.test("itemBrier() lies in [0, 2] and is 0 exactly when every trial is right", () => {
  fc.assert(fc.property(
    fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 1, maxLength: 9 }),
    fc.integer({ min: 0, max: 4 }),
    (votes, answer) => {
      const b = itemBrier(votes, 5, answer);
      assert.ok(b >= 0 && b <= 2);
      assert.equal(b === 0, votes.every((v) => v === answer));
    },
  ));
});
