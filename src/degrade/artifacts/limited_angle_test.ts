import assert from "node:assert/strict";
import { limitedAngle, limitedAngleAngles } from "./limited_angle.ts";
import { operatorContract, testImage } from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";

operatorContract(limitedAngle);
referenceSignatureTest(limitedAngle);

Deno.test("limitedAngleAngles() covers [start, start + arc) at the step", () => {
  assert.deepEqual(limitedAngleAngles(30, 2, 0.5), [30, 30.5, 31, 31.5]);
  assert.equal(limitedAngleAngles(0, 170, 0.5).length, 340);
});

Deno.test("limited_angle: a shorter arc degrades more", async () => {
  const img = testImage(1, 48, 48);
  const err = async (arc: number) => {
    const out = await limitedAngle.apply(img, {
      ...limitedAngle.identity,
      arc,
    });
    let s = 0;
    for (let i = 0; i < out.data.length; i++) {
      s += (out.data[i] - img.data[i]) ** 2;
    }
    return s;
  };
  assert.ok(await err(60) > 1.5 * await err(175));
});

Deno.test("limited_angle: the missing wedge blurs the edges it cannot see", async () => {
  // A vertical bar: its edges are seen by rays along the columns (θ ≡ 0°).
  const n = 48, data = new Float32Array(n * n);
  for (let y = 8; y < 40; y++) {
    for (let x = 20; x < 28; x++) data[y * n + x] = 1;
  }
  const img = { width: n, height: n, channels: 1 as const, data };
  const step = (out: { data: Float32Array }) => {
    let s = 0;
    for (let y = 16; y < 32; y++) {
      s += out.data[y * n + 21] - out.data[y * n + 18];
    }
    return s / 16;
  };
  const base = { ...limitedAngle.identity, arc: 90 };
  const seen = await limitedAngle.apply(img, { ...base, start: 135 });
  const missed = await limitedAngle.apply(img, { ...base, start: 45 });
  assert.ok(step(seen) > 0.8, `step seen ${step(seen)}`);
  assert.ok(step(missed) < step(seen) - 0.2, `step missed ${step(missed)}`);
});
