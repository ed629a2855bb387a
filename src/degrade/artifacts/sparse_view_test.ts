import assert from "node:assert/strict";
import { sparseView, sparseViewAngles } from "./sparse_view.ts";
import { operatorContract, testImage } from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";

operatorContract(sparseView, { integers: ["views", "noiseSeed"] });
referenceSignatureTest(sparseView);

Deno.test("sparseViewAngles() spaces views evenly over 180°", () => {
  assert.deepEqual(sparseViewAngles(6), [0, 30, 60, 90, 120, 150]);
  assert.equal(sparseViewAngles(144)[1], 1.25);
});

Deno.test("sparse_view: fewer views leave more streak error than many views", async () => {
  const img = testImage(1, 48, 48);
  const err = async (views: number) => {
    const out = await sparseView.apply(img, {
      ...sparseView.identity,
      views,
    });
    let s = 0;
    for (let i = 0; i < out.data.length; i++) {
      s += (out.data[i] - img.data[i]) ** 2;
    }
    return s;
  };
  assert.ok(await err(8) > 1.5 * await err(180));
});

Deno.test("sparse_view: noiseStd adds noise of about that std in the image", async () => {
  const img = {
    width: 64,
    height: 64,
    channels: 1 as const,
    data: new Float32Array(64 * 64).fill(0.5),
  };
  const base = await sparseView.apply(img, {
    ...sparseView.identity,
    views: 360,
  });
  const noisy = await sparseView.apply(img, {
    ...sparseView.identity,
    views: 360,
    noiseStd: 0.05,
    noiseSeed: 3,
  });
  let s = 0, s2 = 0, n = 0;
  for (let y = 16; y < 48; y++) {
    for (let x = 16; x < 48; x++) {
      const d = noisy.data[y * 64 + x] - base.data[y * 64 + x];
      s += d;
      s2 += d * d;
      n++;
    }
  }
  const sd = Math.sqrt(s2 / n - (s / n) ** 2);
  assert.ok(sd > 0.035 && sd < 0.065, `std ${sd}`);
});
