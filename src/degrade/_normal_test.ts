import assert from "node:assert/strict";
import fc from "fast-check";
import { addClippedNormal } from "./_normal.ts";
import { createPrng } from "../random/prng.ts";

/** The per-sample loop the bulk helper replaces. */
function reference(src: Float32Array, sigma: number, seed: number) {
  const prng = createPrng(seed), out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i] + sigma * prng.normal();
    out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return out;
}

Deno.test("addClippedNormal() gives the bytes of createPrng(seed).normal(), odd and even lengths", () => {
  fc.assert(
    fc.property(
      fc.float32Array({ minLength: 0, maxLength: 300, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.maxSafeInteger(),
      (src, sigma, seed) => {
        assert.deepEqual(
          addClippedNormal(src, sigma, seed),
          reference(src, sigma, seed),
        );
      },
    ),
  );
});

Deno.test("addClippedNormal() noise has the requested standard deviation", () => {
  // 0.5 + 0.01·n stays inside [0, 1]: the output minus 0.5 is the noise.
  const out = addClippedNormal(new Float32Array(20001).fill(0.5), 0.01, 3);
  let sum = 0, sq = 0;
  for (const v of out) {
    sum += v - 0.5;
    sq += (v - 0.5) ** 2;
  }
  const sd = Math.sqrt(sq / out.length - (sum / out.length) ** 2);
  assert.ok(Math.abs(sd - 0.01) < 0.0003, `sd ${sd}`);
});

Deno.test("addClippedNormal() rejects a seed that is not a safe integer", () => {
  assert.throws(
    () => addClippedNormal(new Float32Array(2), 0.1, 0.5),
    /Cannot seed a generator with 0.5: expected a safe integer/,
  );
});
