import assert from "node:assert/strict";
import { darkSpotsArtifact } from "./dark_spots_artifact.ts";
import { operatorContract } from "../_contract_test.ts";

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
