import assert from "node:assert/strict";
import fc from "fast-check";
import { votingConfidence } from "./voting_confidence.ts";

const close = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

Deno.test("votingConfidence() matches hand-computed entropies", () => {
  // 3 x A, 1 x B, K = 4: H = -(.75 ln .75 + .25 ln .25) = 0.5623351446,
  // C = 1 - 0.5623351446 / ln 4 = 1 - 0.4056390622 = 0.5943609378.
  close(
    votingConfidence([0, 0, 0, 1], 4),
    1 - 0.5623351446188083 / Math.log(4),
  );
  close(votingConfidence([0, 0, 0, 1], 4), 0.5943609377704335);
  // A, B over K = 2: H = ln 2, C = 1 - 1 = 0.
  close(votingConfidence([0, 1], 2), 0);
  // Unanimous: H = 0, C = 1; a single parsed vote is unanimous.
  assert.equal(votingConfidence([3, 3, 3], 5), 1);
  assert.equal(votingConfidence([2], 4), 1);
  // One unparsed in two: V/T = 1/2, the parsed vote is unanimous -> 0.5.
  assert.equal(votingConfidence([2, -1], 4), 0.5);
  // Two unparsed of three, one vote: 1/3.
  close(votingConfidence([-1, -1, 0], 4), 1 / 3);
  // A, B, C over K = 4: H = ln 3, C = 1 - ln 3 / ln 4 = 0.2075187496.
  close(votingConfidence([0, 1, 2], 4), 1 - Math.log(3) / Math.log(4));
  // No parsed vote, or no trial at all: 0.
  assert.equal(votingConfidence([-1, -1], 4), 0);
  assert.equal(votingConfidence([], 4), 0);
});

Deno.test("votingConfidence() rejects bad votes and K", () => {
  assert.throws(() => votingConfidence([4], 4), RangeError);
  assert.throws(() => votingConfidence([-2], 4), RangeError);
  assert.throws(() => votingConfidence([0.5], 4), RangeError);
  assert.throws(
    () => votingConfidence([0], 1),
    /expected an integer from 2 to 26/,
  );
  assert.throws(() => votingConfidence([0], 27), RangeError);
});

const votesArb = fc.integer({ min: 2, max: 8 }).chain((k) =>
  fc.tuple(
    fc.constant(k),
    fc.array(fc.integer({ min: -1, max: k - 1 }), { maxLength: 12 }),
  )
);

Deno.test("votingConfidence() lies in [0, 1] and ignores vote order", () => {
  fc.assert(fc.property(votesArb, ([k, votes]) => {
    const c = votingConfidence(votes, k);
    assert.ok(c >= 0 && c <= 1, `C = ${c}`);
    close(votingConfidence([...votes].reverse(), k), c, 1e-12);
  }));
});

Deno.test("votingConfidence() is 0 for a uniform spread over all K options", () => {
  fc.assert(fc.property(
    fc.integer({ min: 2, max: 26 }),
    fc.integer({ min: 1, max: 3 }),
    (k, reps) => {
      const votes = Array.from({ length: k * reps }, (_, i) => i % k);
      close(votingConfidence(votes, k), 0, 1e-12);
    },
  ));
});
