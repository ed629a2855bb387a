import assert from "node:assert/strict";
import { createRateLimiter, sleep } from "./rate_limiter.ts";

Deno.test("createRateLimiter() spaces starts by 60000/rpm ms", async () => {
  const limiter = createRateLimiter(6000); // one per 10 ms
  const t0 = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from(
      { length: 6 },
      () => limiter.acquire().then(() => times.push(performance.now() - t0)),
    ),
  );
  times.sort((a, b) => a - b);
  assert.ok(times[5]! >= 45, `last start at ${times[5]} ms, expected >= 45`);
});

Deno.test("createRateLimiter() rejects a non-positive rate and allows none", async () => {
  assert.throws(() => createRateLimiter(0), RangeError);
  const free = createRateLimiter(null);
  await free.acquire();
});

Deno.test("sleep() rejects when the signal aborts", async () => {
  const c = new AbortController();
  const p = sleep(10_000, c.signal);
  c.abort(new Error("stop"));
  await assert.rejects(p, /stop/);
});
