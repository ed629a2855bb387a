import assert from "node:assert/strict";
import { reliabilityBins } from "./reliability.ts";
import { binIndex } from "./_binning.ts";
import { scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";

const close = (a: number | null, b: number, tol = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} != ${b}`);

Deno.test("binIndex() follows METRICS.md's edge rule", () => {
  assert.equal(binIndex(0, 10), 0);
  assert.equal(binIndex(1, 10), 9); // C = 1 goes to the last bin
  assert.equal(binIndex(0.3, 10), 3); // 0.3 * 10 = 3.0000000000000004
  assert.equal(binIndex(0.6, 10), 6);
  assert.equal(binIndex(0.3 - 1e-11, 10), 3); // within 1e-9 below an edge: upper bin
  assert.equal(binIndex(0.3 - 1e-7, 10), 2);
  assert.equal(binIndex(0.5, 2), 1);
  assert.equal(binIndex(0.4999, 2), 0);
});

Deno.test("reliabilityBins() reports every bin, empty ones with n = 0", () => {
  // Answered items of testdata/drop_fixture.ts (C, correct):
  // 0 (1, 1), 1 (.5, .5), 2 (1, 0), 3 (.5943609377704335, .75), 4 (1, 1),
  // 5 (0, 0), 6 (1, 1), 7 (1, 0), 9 (.5, .5); item 8 unanswered.
  const s = scoreItems(dropFixture(), "m");
  const bins = reliabilityBins(s, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(bins.length, 10);
  assert.deepEqual(bins.map((b) => b.n), [1, 0, 0, 0, 0, 3, 0, 0, 0, 5]);
  assert.deepEqual(bins[0], {
    lo: 0,
    hi: 0.1,
    n: 1,
    confidence: 0,
    accuracy: 0,
  });
  assert.deepEqual(bins[1], {
    lo: 0.1,
    hi: 0.2,
    n: 0,
    confidence: null,
    accuracy: null,
  });
  // Bin 5: items 1, 3, 9: C (.5 + .5943609377704335 + .5)/3, acc 1.75/3.
  close(bins[5].confidence, 1.5943609377704335 / 3);
  close(bins[5].accuracy, 1.75 / 3);
  // Bin 9: items 0, 2, 4, 6, 7: C 1, acc 3/5.
  assert.equal(bins[9].confidence, 1);
  assert.equal(bins[9].accuracy, 0.6);
  assert.equal(bins[9].hi, 1);
  // Majority mode changes only the accuracy: item 9 (A,A,B,B) becomes 0, item 1 (A,B) 0.
  const maj = reliabilityBins(s, [1, 3, 9], { mode: "majority" });
  close(maj[5].accuracy, 1 / 3);
  assert.throws(
    () => reliabilityBins(s, [0], { bins: 0 }),
    /expected a positive integer/,
  );
  assert.throws(() => reliabilityBins(s, [11]), RangeError);
});
