import assert from "node:assert/strict";
import fc from "fast-check";
import { ece } from "./ece.ts";
import { type ItemScores, scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";

Deno.test("ece() weighs each bin's gap by its share of items", () => {
  const s = scoreItems(dropFixture(), "m");
  // Bins (see reliability_test.ts): bin 0 n=1 gap 0; bin 5 n=3 gap
  // |1.75/3 - 1.5943609377704335/3| = 0.1556390622295665/3; bin 9 n=5 gap |.6 - 1|.
  // ECE = (3/9)(0.1556390622295665/3) + (5/9)(0.4) = 0.23951545135884073.
  const e = ece(s, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(e.n, 9);
  assert.ok(Math.abs(e.value! - 0.23951545135884073) < 1e-12);
  // One bin (M = 1): |mean correct - mean C| = |4.75/9 - 6.5943609377704335/9|.
  const one = ece(s, [0, 1, 2, 3, 4, 5, 6, 7, 9], { bins: 1 });
  assert.ok(Math.abs(one.value! - 1.8443609377704335 / 9) < 1e-12);
  assert.deepEqual(ece(s, [8]), { value: null, n: 0 });
});

const scoresArb = fc.array(
  fc.tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  { minLength: 1, maxLength: 40 },
).map((rows) =>
  ({
    trials: Uint16Array.from(rows, () => 1),
    confidence: Float64Array.from(rows, (r) => r[0]),
    correct: Float64Array.from(rows, (r) => r[1]),
  }) as ItemScores
);

Deno.test("ece() is 0 when correctness equals confidence, and bounded by the mean gap", () => {
  fc.assert(
    fc.property(scoresArb, fc.integer({ min: 1, max: 20 }), (s, bins) => {
      const all = s.trials.map((_, i) => i);
      const e = ece(s, all, { bins }).value!;
      let gap = 0;
      s.trials.forEach((_, i) =>
        gap += Math.abs(s.correct[i] - s.confidence[i])
      );
      assert.ok(
        e >= 0 && e <= gap / s.trials.length + 1e-12,
        `${e} > mean gap`,
      );
      const calibrated = { ...s, correct: s.confidence } as ItemScores;
      assert.ok(ece(calibrated, all, { bins }).value! < 1e-12);
    }),
  );
});
