import assert from "node:assert/strict";
import fc from "fast-check";
import { createPrng } from "../random/prng.ts";
import { backoffDelay, parseRetryAfter } from "./retry.ts";

Deno.test("backoffDelay() stays within [d/2, d) with d doubling up to the cap", () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: 1, max: 5000 }),
    fc.integer({ min: 1, max: 100_000 }),
    fc.integer(),
    (attempt, baseMs, maxMs, seed) => {
      const d = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const v = backoffDelay(attempt, { baseMs, maxMs }, createPrng(seed));
      return v >= d / 2 && v < d;
    },
  ));
});

Deno.test("backoffDelay() is reproducible from the seed", () => {
  const opts = { baseMs: 100, maxMs: 10_000 };
  const a = [1, 2, 3].map((n) => backoffDelay(n, opts, createPrng(9)));
  const b = [1, 2, 3].map((n) => backoffDelay(n, opts, createPrng(9)));
  assert.deepEqual(a, b);
  assert.throws(() => backoffDelay(0, opts, createPrng(1)), RangeError);
});

Deno.test("parseRetryAfter() reads seconds and HTTP dates", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  assert.equal(parseRetryAfter("120", now), 120_000);
  assert.equal(parseRetryAfter(" 1.5 ", now), 1500);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30_000);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter("-5", now), null);
  assert.equal(parseRetryAfter("later", now), null);
});
