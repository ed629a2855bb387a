import assert from "node:assert/strict";
import { rotationArtifact } from "./rotation_artifact.ts";
import { operatorContract } from "../_contract_test.ts";
import { createPrng } from "../../random/prng.ts";

operatorContract(rotationArtifact);

Deno.test("rotation_artifact equals ndimage.rotate(reshape=False, order=1)", async () => {
  const data = Float32Array.from(
    { length: 35 },
    (_, i) => ((i * 37) % 11) / 10,
  );
  const out = await rotationArtifact.apply({
    width: 7,
    height: 5,
    channels: 1,
    data,
  }, { angle: 30 });
  // Row 1, recorded from SciPy 1.17.
  const row1 = [0, 0.67439, 0.481347, 0.356699, 0.526795, 0.804775, 0];
  row1.forEach((v, x) =>
    assert.ok(Math.abs(out.data[7 + x]! - v) < 2e-6, `col ${x}`)
  );
});

Deno.test("rotation_artifact by 180° reverses the pixel order", async () => {
  const data = Float32Array.from({ length: 12 }, (_, i) => i / 11);
  const out = await rotationArtifact.apply({
    width: 4,
    height: 3,
    channels: 1,
    data,
  }, { angle: 180 });
  out.data.forEach((v, i) => assert.ok(Math.abs(v - data[11 - i]!) < 1e-6));
});

Deno.test("rotation_artifact levels draw |angle| in [12, 25] and [135, 170]", () => {
  for (let seed = 0; seed < 50; seed++) {
    const a1 = Math.abs(
      rotationArtifact.sample(createPrng(seed), 1, { width: 8, height: 8 })
        .angle,
    );
    const a2 = Math.abs(
      rotationArtifact.sample(createPrng(seed), 2, { width: 8, height: 8 })
        .angle,
    );
    assert.ok(a1 >= 12 && a1 <= 25 && a2 >= 135 && a2 <= 170);
  }
});
