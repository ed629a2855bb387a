import assert from "node:assert/strict";
import fc from "fast-check";
import { accuracy } from "./accuracy.ts";
import { scoreItems } from "./score_items.ts";
import { dropFixture } from "./testdata/drop_fixture.ts";
import { makeResults } from "./testdata/make_results.ts";

const close = (a: number | null, b: number, tol = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} != ${b}`);

Deno.test("accuracy() averages per-item correctness over answered items", () => {
  const s = scoreItems(dropFixture(), "m");
  // L0 = items 0, 3, 6, 8; item 8 unanswered: (1 + .75 + 1) / 3.
  const l0 = accuracy(s, [0, 3, 6, 8]);
  close(l0.value, 2.75 / 3);
  assert.equal(l0.n, 3);
  // L2 = items 2, 5, 7, 9: (0 + 0 + 0 + .5) / 4 = .125.
  assert.deepEqual(accuracy(s, [2, 5, 7, 9]), { value: 0.125, n: 4 });
  // Majority: items 0, 3, 6 are all A-pluralities -> 1; item 9 A,A,B,B tie -> 0.
  assert.deepEqual(accuracy(s, [0, 3, 6, 8], { mode: "majority" }), {
    value: 1,
    n: 3,
  });
  assert.deepEqual(accuracy(s, [9], { mode: "majority" }), { value: 0, n: 1 });
  // Empty set and only-unanswered set: null, never 0.
  assert.deepEqual(accuracy(s, []), { value: null, n: 0 });
  assert.deepEqual(accuracy(s, [8]), { value: null, n: 0 });
});

Deno.test("accuracy() rejects bad indexes and modes", () => {
  const s = scoreItems(dropFixture(), "m");
  assert.throws(() => accuracy(s, [10]), /item index 10 at position 0/);
  assert.throws(() => accuracy(s, [-1]), RangeError);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => accuracy(s, [0], { mode: "vote" as any }), TypeError);
});

Deno.test("accuracy() lies in [0, 1] and ignores item and trial order", () => {
  const lists = fc.array(
    fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 1, maxLength: 5 }),
    { minLength: 1, maxLength: 8 },
  );
  fc.assert(fc.property(lists, fc.boolean(), (votes, majority) => {
    const items = votes.map((_, i) => ({ q: `q${i}`, sev: 0 as const }));
    const mode = majority ? "majority" as const : "mean" as const;
    const s = scoreItems(makeResults(items, { m: votes }), 0);
    const all = votes.map((_, i) => i);
    const a = accuracy(s, all, { mode });
    assert.ok(a.value !== null && a.value >= 0 && a.value <= 1);
    close(accuracy(s, [...all].reverse(), { mode }).value, a.value!, 1e-12);
    const reversedTrials = votes.map((v) => [...v].reverse());
    const s2 = scoreItems(makeResults(items, { m: reversedTrials }), 0);
    close(accuracy(s2, all, { mode }).value, a.value!, 1e-12);
  }));
});
