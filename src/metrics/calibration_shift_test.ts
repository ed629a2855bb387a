import assert from "node:assert/strict";
import fc from "fast-check";
import { calibrationShift } from "./calibration_shift.ts";
import { scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";
import { makeResults } from "./testdata/make_results.ts";

Deno.test("calibrationShift() is mean confidence minus accuracy", () => {
  const s = scoreItems(dropFixture(), "m");
  // L2: confidence .625, accuracy .125 -> +.5 (overconfident).
  assert.deepEqual(calibrationShift(s, [2, 5, 7, 9]), {
    value: 0.5,
    confidence: 0.625,
    accuracy: 0.125,
    n: 4,
  });
  // L0: 2.5943609377704335/3 - 2.75/3 = -0.15563906222956647/3.
  const l0 = calibrationShift(s, [0, 3, 6, 8]);
  assert.ok(Math.abs(l0.value! - -0.15563906222956647 / 3) < 1e-12);
  // Majority accuracy on L2: all four wrong -> .625 - 0.
  assert.equal(
    calibrationShift(s, [2, 5, 7, 9], { mode: "majority" }).value,
    0.625,
  );
  assert.deepEqual(calibrationShift(s, [8]), {
    value: null,
    confidence: null,
    accuracy: null,
    n: 0,
  });
});

Deno.test("calibrationShift() is 0 for unanimous single-option answers", () => {
  // Every item answered unanimously: C = 1 and correct is 0 or 1, so
  // Δcalib = 1 - Acc; with every answer right it is exactly 0.
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
      (ts) => {
        const items = ts.map((_, i) => ({ q: `q${i}`, sev: 0 as const }));
        const s = scoreItems(
          makeResults(items, { m: ts.map((t) => Array(t).fill(0)) }),
          0,
        );
        assert.equal(calibrationShift(s, ts.map((_, i) => i)).value, 0);
      },
    ),
  );
});
