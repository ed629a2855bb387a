import assert from "node:assert/strict";
import { reduceContrast } from "./reduce_contrast.ts";
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
