import assert from "node:assert/strict";
import { darkSpotsArtifact } from "./dark_spots_artifact.ts";
import { operatorContract } from "../_contract_test.ts";
import { setSimd } from "../_simd.ts";
import { createPrng } from "../../random/prng.ts";

operatorContract(darkSpotsArtifact);

Deno.test("dark_spots_artifact darkens by α·exp(−d²/2σ²)", async () => {
  const img = {
    width: 5,
    height: 5,
    channels: 3 as const,
    data: new Float32Array(75).fill(0.8),
  };
  const out = await darkSpotsArtifact.apply(img, {
    alphaMax: 0.5,
    sigma: 2,
    centerRow: 2,
    centerCol: 2,
  });
  assert.ok(Math.abs(out.data[12]! - 0.4) < 1e-6);
  const d2 = 4 + 4; // pixel (0, 0)
  assert.ok(
    Math.abs(out.data[0]! - 0.8 * (1 - 0.5 * Math.exp(-d2 / 8))) < 1e-6,
  );
  assert.equal(out.data[50 + 12], out.data[12]); // same in every channel
});

Deno.test("dark_spots_artifact: the SIMD kernel gives the bytes of the JavaScript loop (odd widths, several bands, RGB)", async () => {
  const prng = createPrng(11);
  for (
    const [width, height, channels] of [
      [1, 1, 1],
      [7, 5, 3],
      [33, 600, 1],
      [517, 70, 3],
      [16401, 2, 1],
    ] as const
  ) {
    const data = Float32Array.from(
      { length: width * height * channels },
      () => prng.next() * 1.2 - 0.1,
    );
    data[0] = NaN;
    const img = { width, height, channels, data };
    const params = {
      alphaMax: 0.77,
      sigma: 0.35 * width + 0.5,
      centerRow: height * 0.4,
      centerCol: width * 0.6,
    };
    const simd = await darkSpotsArtifact.apply(img, params);
    setSimd(false);
    try {
      const js = await darkSpotsArtifact.apply(img, params);
      assert.deepEqual(
        new Uint8Array(simd.data.buffer),
        new Uint8Array(js.data.buffer),
        `${width}×${height}×${channels}`,
      );
    } finally {
      setSimd(true);
    }
  }
});
