import assert from "node:assert/strict";
import fc from "fast-check";
import { exposureArtifact } from "./exposure_artifact.ts";
import { operatorContract } from "../_contract_test.ts";
import { setSimd } from "../_simd.ts";
import { createPrng } from "../../random/prng.ts";

operatorContract(exposureArtifact);

Deno.test("exposure_artifact applies gamma then the offset, clipped", async () => {
  const img = {
    width: 3,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([0, 0.5, 1]),
  };
  const out = await exposureArtifact.apply(img, { gamma: 2, offset: -0.05 });
  assert.deepEqual([...out.data].map((v) => +v.toFixed(6)), [0, 0.2, 0.95]);
});

Deno.test("exposure_artifact L1 maps grey 128 to the authors' LUT value 98 (±1)", async () => {
  // SPEC §3.11: y = round(255·((x/255)^1.45 − 0.0372)).
  const img = {
    width: 1,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([128 / 255]),
  };
  const out = await exposureArtifact.apply(img, {
    gamma: 1.45,
    offset: -0.0372,
  });
  const expected = Math.round(255 * ((128 / 255) ** 1.45 - 0.0372));
  assert.equal(Math.round(out.data[0]! * 255), expected);
});

Deno.test("exposure_artifact's float32 table-and-series power matches clip(x ** gamma + offset) within 1e-6", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.float32Array({ minLength: 1, maxLength: 200 }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      async (data, gamma, offset) => {
        const img = {
          width: data.length,
          height: 1,
          channels: 1 as const,
          data,
        };
        const out = await exposureArtifact.apply(img, { gamma, offset });
        data.forEach((x, i) => {
          const v = (x > 0 ? x ** gamma : 0) + offset;
          const want = Math.fround(v < 0 ? 0 : v > 1 ? 1 : v);
          if (Number.isNaN(want)) assert.ok(Number.isNaN(out.data[i]));
          else assert.ok(Math.abs(out.data[i] - want) <= 1e-6, `x=${x}`);
        });
      },
    ),
  );
});

Deno.test("exposure_artifact's float32 power is within five float32 roundings (3e-7 relative) of x ** gamma (results above 2^-116)", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.float32Array({
        minLength: 1,
        maxLength: 300,
        min: 2 ** -40,
        max: 1,
        noDefaultInfinity: true,
        noNaN: true,
      }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      async (data, gamma) => {
        const img = {
          width: data.length,
          height: 1,
          channels: 1 as const,
          data,
        };
        const out = await exposureArtifact.apply(img, { gamma, offset: 0 });
        data.forEach((x, i) => {
          const want = x ** gamma;
          if (want < 2 ** -116) return; // byExponent normal for gamma <= 10
          const err = Math.abs(out.data[i] - want) / want;
          // Five roundings of at most 2^-24 each, and the series' 2e-9.
          assert.ok(
            err <= 5 * 2 ** -24 + 2e-9,
            `x=${x}, gamma=${gamma}: ${err}`,
          );
        });
      },
    ),
    { numRuns: 1000 },
  );
});

Deno.test("exposure_artifact: the SIMD kernel gives the bytes of the JavaScript loop (zeros, subnormals, negatives, NaN, ±Inf, several chunks)", async () => {
  const check = async (data: Float32Array, gamma: number, offset: number) => {
    const img = { width: data.length, height: 1, channels: 1 as const, data };
    const simd = await exposureArtifact.apply(img, { gamma, offset });
    setSimd(false);
    try {
      const js = await exposureArtifact.apply(img, { gamma, offset });
      assert.deepEqual(
        new Uint8Array(simd.data.buffer),
        new Uint8Array(js.data.buffer),
        `gamma ${gamma}, offset ${offset}`,
      );
    } finally {
      setSimd(true);
    }
  };
  await fc.assert(
    fc.asyncProperty(
      fc.float32Array({ minLength: 1, maxLength: 300 }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      check,
    ),
  );
  // 10,000 samples (three chunks) with special values scattered through.
  const prng = createPrng(3);
  const data = Float32Array.from(
    { length: 10_000 },
    () => prng.next() * 1.2 - 0.1,
  );
  const special = [0, -0, 1e-40, -1e-40, NaN, Infinity, -Infinity, 1, 2];
  special.forEach((v, k) => (data[k * 1111 + 7] = v));
  data.fill(1e-42, 4100, 4140); // subnormals across a chunk boundary
  await check(data, 2.36, -0.1064);
  await check(data, 0.45, 0.02);
});
