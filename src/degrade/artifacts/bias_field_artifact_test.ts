import assert from "node:assert/strict";
import { biasField, biasFieldArtifact } from "./bias_field_artifact.ts";
import { createPrng } from "../../random/prng.ts";
import { operatorContract } from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";

operatorContract(biasFieldArtifact);
referenceSignatureTest(biasFieldArtifact);

Deno.test("biasField() uses u = (k − W/2 + 0.5)/(W/2 − 0.5) on columns, v on rows", () => {
  const p = { ...biasFieldArtifact.identity, c10: 1, c02: 0.5 };
  const f = biasField(p, 4, 3);
  // Columns u = -1, -1/3, 1/3, 1; rows v = -1, 0, 1.
  const expect = (u: number, v: number) => Math.exp(u + 0.5 * v * v);
  assert.ok(Math.abs(f[0] - expect(-1, -1)) < 1e-12);
  assert.ok(Math.abs(f[1 * 4 + 2] - expect(1 / 3, 0)) < 1e-12);
  assert.ok(Math.abs(f[2 * 4 + 3] - expect(1, 1)) < 1e-12);
});

Deno.test("bias_field_artifact multiplies every channel by the same field (SPEC §3.3: a red outline stays red)", async () => {
  // Pixel 0 red (1, 0, 0), pixel 1 grey 0.4, pixels 2-3 a tint.
  const data = new Float32Array([
    1,
    0.4,
    0.2,
    0.6,
    0,
    0.4,
    0.3,
    0.6,
    0,
    0.4,
    0.9,
    0.1,
  ]);
  const img = { width: 2, height: 2, channels: 3 as const, data };
  const params = {
    ...biasFieldArtifact.identity,
    c00: Math.log(0.5),
    c10: 0.3,
  };
  const out = await biasFieldArtifact.apply(img, params);
  const field = biasField(params, 2, 2);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < 4; i++) {
      assert.equal(
        out.data[c * 4 + i],
        Math.fround(Math.min(1, data[c * 4 + i] * field[i])),
        `channel ${c}, pixel ${i}`,
      );
    }
  }
  assert.ok(out.data[0] > 0 && out.data[4] === 0 && out.data[8] === 0);
});

Deno.test("bias_field_artifact presets darken the image like the examples", () => {
  for (const level of [1, 2] as const) {
    const p = biasFieldArtifact.sample(createPrng(3), level, {
      width: 8,
      height: 8,
    });
    assert.ok(p.c00 < -0.7 && p.c00 > -1.2, `c00 ${p.c00}`);
    for (const k of ["c01", "c10", "c30"]) {
      assert.ok(Math.abs(p[k] as number) <= 0.39);
    }
  }
});
