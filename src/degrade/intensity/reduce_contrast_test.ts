import assert from "node:assert/strict";
import { reduceContrast } from "./reduce_contrast.ts";
import { createPrng } from "../../random/prng.ts";
import { setSimd } from "../_simd.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(reduceContrast);

Deno.test("reduce_contrast blends with the mean over all pixels and channels", async () => {
  // RGB, 2 pixels: samples 0, 1 | 0, 1 | 0.2, 0.2 -> mean 0.4.
  const img = {
    width: 2,
    height: 1,
    channels: 3 as const,
    data: new Float32Array([0, 1, 0, 1, 0.2, 0.2]),
  };
  const out = await reduceContrast.apply(img, { alpha: 0.5 });
  assert.deepEqual([...out.data].map((v) => +v.toFixed(6)), [
    0.2,
    0.7,
    0.2,
    0.7,
    0.3,
    0.3,
  ]);
  const flat = await reduceContrast.apply(img, { alpha: 0 });
  assert.ok(flat.data.every((v) => Math.abs(v - 0.4) < 1e-6));
});

Deno.test("reduce_contrast: the SIMD path gives the bytes of the JavaScript path (odd lengths, values out of [0, 1], -0)", async () => {
  const prng = createPrng(31);
  const specials = [0, -0, 1, -0.25, 1.5, 2 ** -149, 1 - 2 ** -24];
  for (
    const [width, height, channels] of [[1, 1, 1], [3, 5, 3], [7, 9, 1], [
      67,
      70,
      3,
    ]]
  ) {
    const data = new Float32Array(width * height * channels);
    for (let i = 0; i < data.length; i++) {
      data[i] = prng.next() < 0.3
        ? specials[prng.int(specials.length)]
        : prng.next() * 1.4 - 0.2;
    }
    const img = { width, height, channels: channels as 1 | 3, data };
    for (const alpha of [0, 0.3, 0.65, 0.999]) {
      const simd = await reduceContrast.apply(img, { alpha });
      setSimd(false);
      try {
        const js = await reduceContrast.apply(img, { alpha });
        assert.deepEqual(
          new Uint8Array(simd.data.buffer),
          new Uint8Array(js.data.buffer),
          `${width}×${height}×${channels}, alpha ${alpha}`,
        );
      } finally {
        setSimd(true);
      }
    }
  }
});
