import assert from "node:assert/strict";
import { meanConfidence } from "./mean_confidence.ts";
import { scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";

Deno.test("meanConfidence() averages C(x) over answered items", () => {
  const s = scoreItems(dropFixture(), "m");
  // L0: (1 + 0.5943609377704335 + 1) / 3 (item 8 unanswered).
  const l0 = meanConfidence(s, [0, 3, 6, 8]);
  assert.equal(l0.n, 3);
  assert.ok(Math.abs(l0.value! - 2.5943609377704335 / 3) < 1e-12);
  // L2: (1 + 0 + 1 + .5) / 4 = .625.
  assert.deepEqual(meanConfidence(s, [2, 5, 7, 9]), { value: 0.625, n: 4 });
  assert.deepEqual(meanConfidence(s, [8]), { value: null, n: 0 });
});
