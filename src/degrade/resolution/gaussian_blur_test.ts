import assert from "node:assert/strict";
import { gaussianBlur } from "./gaussian_blur.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(gaussianBlur);

Deno.test("gaussian_blur equals scipy.ndimage.gaussian_filter(sigma=1, mode='reflect')", async () => {
  const data = new Float32Array(35);
  data[2 * 7 + 3] = 1;
  data[0] = 0.5;
  const out = await gaussianBlur.apply({
    width: 7,
    height: 5,
    channels: 1,
    data,
  }, { sigma: 1 });
  // Recorded from SciPy 1.17 (rows 2 and 0).
  const row2 = [
    0.020544,
    0.030185,
    0.09824,
    0.159289,
    0.096537,
    0.021539,
    0.001821,
  ];
  const row0 = [
    0.205653,
    0.097998,
    0.032859,
    0.024771,
    0.01418,
    0.003154,
    0.000267,
  ];
  row2.forEach((v, x) => assert.ok(Math.abs(out.data[14 + x]! - v) < 2e-6));
  row0.forEach((v, x) => assert.ok(Math.abs(out.data[x]! - v) < 2e-6));
});

Deno.test("gaussian_blur preserves the mean of a constant image", async () => {
  const img = {
    width: 9,
    height: 9,
    channels: 1 as const,
    data: new Float32Array(81).fill(0.3),
  };
  const out = await gaussianBlur.apply(img, { sigma: 7 });
  assert.ok(out.data.every((v) => Math.abs(v - 0.3) < 1e-6));
});
