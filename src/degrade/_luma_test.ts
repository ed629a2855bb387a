import assert from "node:assert/strict";
import { fromLuma, lumaPlane } from "./_luma.ts";

Deno.test("lumaPlane() weighs RGB 0.299/0.587/0.114 and copies grayscale", () => {
  const rgb = {
    width: 2,
    height: 1,
    channels: 3 as const,
    data: new Float32Array([1, 0, 0, 1, 0, 0]),
  };
  const g = lumaPlane(rgb);
  assert.ok(Math.abs(g[0] - 0.299) < 1e-6 && Math.abs(g[1] - 0.587) < 1e-6);
  const gray = {
    width: 2,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([0.25, 0.5]),
  };
  const copy = lumaPlane(gray);
  copy[0] = 9;
  assert.equal(gray.data[0], 0.25);
});

Deno.test("fromLuma() clips to [0, 1] and replicates to every channel", () => {
  const img = {
    width: 3,
    height: 1,
    channels: 3 as const,
    data: new Float32Array(9),
  };
  const out = fromLuma(img, [-0.5, 0.5, 2]);
  assert.deepEqual(Array.from(out.data), [0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1]);
  assert.equal(out.channels, 3);
});
