import assert from "node:assert/strict";
import { createPrng } from "../random/prng.ts";
import type { FloatImage } from "../degrade/types.ts";
import { FEATURE_INFO, FEATURE_NAMES, imageFeatures } from "./features.ts";

const at = (f: Float64Array, name: string) => f[FEATURE_NAMES.indexOf(name)];

function gray(
  w: number,
  h: number,
  fn: (x: number, y: number) => number,
): FloatImage {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) data[y * w + x] = fn(x, y);
  }
  return { width: w, height: h, channels: 1, data };
}

Deno.test("imageFeatures() returns one value per documented feature, unique names", () => {
  const f = imageFeatures(gray(16, 16, (x, y) => (x + y) / 30));
  assert.equal(f.length, FEATURE_INFO.length);
  assert.equal(new Set(FEATURE_NAMES).size, FEATURE_NAMES.length);
  assert.ok(f.every(Number.isFinite));
});

Deno.test("imageFeatures() of a constant image: hand-computed statistics", () => {
  const f = imageFeatures(gray(16, 16, () => 0.5));
  assert.ok(Math.abs(at(f, "mean") - 0.5) < 1e-7);
  assert.equal(at(f, "std"), 0);
  assert.equal(at(f, "p50"), 512.5 / 1024);
  assert.equal(at(f, "skewness"), 0);
  assert.equal(at(f, "entropy"), 0);
  assert.equal(at(f, "noise_immerkaer"), 0);
  assert.equal(at(f, "laplacian_var"), 0);
  assert.equal(at(f, "blockiness"), 1);
  assert.equal(at(f, "flat_diff"), 1);
  assert.equal(at(f, "is_rgb"), 0);
});

Deno.test("imageFeatures() estimates Gaussian noise sigma (Immerkaer) within 10%", () => {
  const prng = createPrng(3);
  const f = imageFeatures(gray(128, 128, () => 0.5 + 0.05 * prng.normal()));
  assert.ok(Math.abs(at(f, "noise_immerkaer") - 0.05) < 0.005);
  assert.ok(Math.abs(at(f, "noise_mad") - 0.05) < 0.005);
});

Deno.test("imageFeatures() sees blur, blocks, streaks and colour", () => {
  const prng = createPrng(4);
  const noise = Float32Array.from({ length: 64 * 64 }, () => prng.next());
  const sharp = gray(64, 64, (x, y) => noise[y * 64 + x]);
  const blurred = gray(64, 64, (x, y) => {
    let s = 0;
    for (let t = -2; t <= 2; t++) {
      s += noise[y * 64 + Math.min(63, Math.max(0, x + t))];
    }
    return s / 5;
  });
  const fs = imageFeatures(sharp), fb = imageFeatures(blurred);
  assert.ok(at(fb, "laplacian_var") < at(fs, "laplacian_var") / 2);
  // Blurring along x only removes horizontal high frequencies.
  assert.ok(at(fb, "kspace_xy_asym") < at(fs, "kspace_xy_asym") - 0.5);
  assert.ok(at(fb, "angular_peak") > at(fs, "angular_peak"));
  const levels = Float32Array.from({ length: 64 }, () => prng.next());
  const blocks = imageFeatures(
    gray(64, 64, (x, y) => levels[(y >> 3) * 8 + (x >> 3)]),
  );
  assert.ok(at(blocks, "blockiness") > 100);
  const red: FloatImage = {
    width: 8,
    height: 8,
    channels: 3,
    data: Float32Array.from({ length: 192 }, (_, i) => (i < 64 ? 1 : 0)),
  };
  const fr = imageFeatures(red);
  assert.equal(at(fr, "is_rgb"), 1);
  assert.equal(at(fr, "rg_mean"), 1);
  assert.equal(at(fr, "yb_mean"), 0.5);
  assert.equal(at(fr, "sat_mean"), 1);
  assert.ok(Math.abs(at(fr, "mean") - 0.299) < 1e-6);
});

Deno.test("imageFeatures() is deterministic and rejects tiny or inconsistent images", () => {
  const img = gray(20, 12, (x, y) => Math.sin(x * y));
  assert.deepEqual(imageFeatures(img), imageFeatures(img));
  assert.throws(() => imageFeatures(gray(7, 40, () => 0)), /7 x 40 image/);
  assert.throws(
    () =>
      imageFeatures({
        width: 8,
        height: 8,
        channels: 3,
        data: new Float32Array(64),
      }),
    /64 samples, expected 192/,
  );
});
