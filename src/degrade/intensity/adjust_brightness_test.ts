import assert from "node:assert/strict";
import { adjustBrightness } from "./adjust_brightness.ts";
import { operatorContract } from "../_contract_test.ts";
import { createPrng } from "../../random/prng.ts";
import { setSimd } from "../_simd.ts";

operatorContract(adjustBrightness);

Deno.test("adjust_brightness subtracts the offset and clips at 0", async () => {
  const img = {
    width: 3,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([0.1, 0.5, 1]),
  };
  const out = await adjustBrightness.apply(img, { offset: -0.25 });
  assert.deepEqual([...out.data].map((v) => +v.toFixed(6)), [0, 0.25, 0.75]);
  const up = await adjustBrightness.apply(img, { offset: 0.5 });
  assert.equal(up.data[2], 1);
});

Deno.test("adjust_brightness presets are the measured 75 and 113 grey levels", () => {
  assert.equal(
    adjustBrightness.sample(createPrng(0), 1, { width: 1, height: 1 }).offset,
    -75 / 255,
  );
  assert.equal(
    adjustBrightness.sample(createPrng(0), 2, { width: 1, height: 1 }).offset,
    -113 / 255,
  );
});

Deno.test("adjust_brightness: the SIMD path gives the bytes of the JavaScript path (odd lengths, several chunks, values out of [0, 1], -0)", async () => {
  const prng = createPrng(5);
  const specials = [0, -0, 1, -0.25, 1.5, 2 ** -149, 1 - 2 ** -24, 113 / 255];
  for (const [width, height, channels] of [[1, 1, 1], [3, 5, 3], [67, 70, 3]]) {
    const data = new Float32Array(width * height * channels);
    for (let i = 0; i < data.length; i++) {
      data[i] = prng.next() < 0.3
        ? specials[prng.int(specials.length)]
        : prng.next() * 1.4 - 0.2;
    }
    const img = { width, height, channels: channels as 1 | 3, data };
    for (const offset of [-113 / 255, -75 / 255, 0, 0.3, -1]) {
      const simd = await adjustBrightness.apply(img, { offset });
      setSimd(false);
      try {
        const js = await adjustBrightness.apply(img, { offset });
        assert.deepEqual(
          new Uint8Array(simd.data.buffer),
          new Uint8Array(js.data.buffer),
          `${width}×${height}×${channels}, offset ${offset}`,
        );
      } finally {
        setSimd(true);
      }
    }
  }
});
