import assert from "node:assert/strict";
import { adjustBrightness } from "./adjust_brightness.ts";
import { operatorContract } from "../_contract_test.ts";
import { createPrng } from "../../random/prng.ts";

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
