import assert from "node:assert/strict";
import { gaussianNoise } from "./gaussian_noise.ts";
import { operatorContract } from "../_contract_test.ts";

operatorContract(gaussianNoise, { integers: ["noiseSeed"] });

Deno.test("gaussian_noise adds zero-mean noise of the requested σ", async () => {
  const n = 40000;
  const img = {
    width: 200,
    height: 200,
    channels: 1 as const,
    data: new Float32Array(n).fill(0.5),
  };
  const out = await gaussianNoise.apply(img, { sigma: 0.05, noiseSeed: 11 });
  let s = 0, s2 = 0;
  for (const v of out.data) {
    s += v - 0.5;
    s2 += (v - 0.5) ** 2;
  }
  const mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
  assert.ok(Math.abs(mean) < 0.002, `mean ${mean}`);
  assert.ok(Math.abs(sd - 0.05) < 0.002, `sd ${sd}`);
});

Deno.test("gaussian_noise: different noise seeds give different fields", async () => {
  const img = {
    width: 10,
    height: 10,
    channels: 1 as const,
    data: new Float32Array(100).fill(0.5),
  };
  const a = await gaussianNoise.apply(img, { sigma: 0.1, noiseSeed: 1 });
  const b = await gaussianNoise.apply(img, { sigma: 0.1, noiseSeed: 2 });
  assert.notDeepEqual(a.data, b.data);
});
