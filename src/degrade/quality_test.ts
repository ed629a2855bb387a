import assert from "node:assert/strict";
import { psnr, ssim, ssimMap } from "./quality.ts";
import type { FloatImage } from "./types.ts";

// The pair used for the SciPy cross-check (values recorded below were
// computed with numpy/scipy.ndimage.gaussian_filter(sigma=1.5,
// truncate=3.5, mode='reflect'): the formula of skimage's
// structural_similarity with gaussian_weights and population covariances).
function pair(): [FloatImage, FloatImage] {
  const W = 32, H = 24;
  const a = new Float32Array(W * H), b = new Float32Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const v = 0.5 + 0.3 * Math.sin(0.4 * x) * Math.cos(0.3 * y);
      a[y * W + x] = v;
      b[y * W + x] = Math.min(
        1,
        Math.max(0, Math.fround(v) + 0.1 * Math.sin(1.3 * x + 2.1 * y)),
      );
    }
  }
  return [
    { width: W, height: H, channels: 1, data: a },
    { width: W, height: H, channels: 1, data: b },
  ];
}

Deno.test("ssim matches the SciPy reference over the whole image and the interior", () => {
  const [a, b] = pair();
  assert.ok(Math.abs(ssim(a, b) - 0.7747072674277082) < 1e-5);
  const mask = new Uint8Array(32 * 24);
  for (let y = 5; y < 19; y++) {
    for (let x = 5; x < 27; x++) mask[y * 32 + x] = 1;
  }
  assert.ok(Math.abs(ssim(a, b, { mask }) - 0.7833028395682274) < 1e-5);
});

Deno.test("psnr matches the SciPy reference and a hand value", () => {
  const [a, b] = pair();
  assert.ok(Math.abs(psnr(a, b) - 23.009794850917732) < 1e-4);
  const z = {
    width: 2,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([0, 0]),
  };
  const t = {
    width: 2,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([0.1, 0.3]),
  };
  // MSE = (0.01 + 0.09) / 2 = 0.05 -> 13.0103 dB.
  assert.ok(Math.abs(psnr(z, t) - 10 * Math.log10(1 / 0.05)) < 1e-5);
  assert.equal(psnr(z, z), Infinity);
});

Deno.test("ssim is 1 for identical images, symmetric, and uses luma for RGB", () => {
  const [a, b] = pair();
  assert.ok(ssimMap(a, a).every((v) => Math.abs(v - 1) < 1e-12));
  assert.ok(Math.abs(ssim(a, b) - ssim(b, a)) < 1e-12);
  const rgb = (g: FloatImage): FloatImage => ({
    ...g,
    channels: 3,
    data: Float32Array.from([...g.data, ...g.data, ...g.data]),
  });
  assert.ok(Math.abs(ssim(rgb(a), rgb(b)) - ssim(a, b)) < 1e-5);
});

Deno.test("quality measures reject size mismatches and empty masks", () => {
  const [a] = pair();
  const small = {
    width: 2,
    height: 2,
    channels: 1 as const,
    data: new Float32Array(4),
  };
  assert.throws(() => psnr(a, small), RangeError);
  assert.throws(
    () => ssim(a, a, { mask: new Uint8Array(32 * 24) }),
    /empty mask/,
  );
  assert.throws(() => psnr(a, a, { mask: new Uint8Array(3) }), RangeError);
});
