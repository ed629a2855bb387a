import assert from "node:assert/strict";
import { motionPoses, randomMotionArtifact } from "./random_motion_artifact.ts";
import {
  operatorContract,
  sameImageWithEitherFft,
  testImage,
} from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";

operatorContract(randomMotionArtifact, {
  integers: ["segments", "motionSeed"],
});
referenceSignatureTest(randomMotionArtifact);

Deno.test("motionPoses() gives contiguous bands and poses within the ranges", () => {
  const p = { segments: 5, maxDegrees: 10, maxTranslation: 10, motionSeed: 9 };
  const { poses, edges } = motionPoses(p, 224);
  assert.equal(poses.length, 5);
  assert.equal(edges.length, 6);
  assert.equal(edges[0], 0);
  assert.equal(edges[5], 224);
  for (let i = 1; i < 6; i++) assert.ok(edges[i] >= edges[i - 1]);
  for (const pose of poses) {
    assert.ok(Math.abs(pose.degrees) >= 5 && Math.abs(pose.degrees) <= 10);
    assert.ok(Math.abs(pose.dx) >= 5 && Math.abs(pose.dx) <= 10);
  }
  assert.deepEqual(motionPoses(p, 224), { poses, edges });
});

Deno.test("random_motion_artifact with one pose is that rigid move of the image", async () => {
  // One band, a pure integer shift: k-space of the shifted image, exactly.
  const img = testImage(1, 16, 12);
  const p = { segments: 1, maxDegrees: 0, maxTranslation: 2, motionSeed: 4 };
  const pose = motionPoses(p, 12).poses[0];
  const out = await randomMotionArtifact.apply(img, p);
  // Compare away from the zero-filled border with bilinear resampling.
  const at = (y: number, x: number) => {
    const sx = x - pose.dx, sy = y - pose.dy;
    const x0 = Math.floor(sx), y0 = Math.floor(sy), fx = sx - x0, fy = sy - y0;
    const g = (yy: number, xx: number) => img.data[yy * 16 + xx];
    return (1 - fy) * ((1 - fx) * g(y0, x0) + fx * g(y0, x0 + 1)) +
      fy * ((1 - fx) * g(y0 + 1, x0) + fx * g(y0 + 1, x0 + 1));
  };
  for (let y = 3; y < 9; y++) {
    for (let x = 3; x < 13; x++) {
      assert.ok(
        Math.abs(out.data[y * 16 + x] - at(y, x)) < 1e-5,
        `(${y}, ${x})`,
      );
    }
  }
});

Deno.test("random_motion_artifact L2 degrades more than L1 on average", async () => {
  const { createPrng } = await import("../../random/prng.ts");
  const img = testImage(1, 64, 64);
  const err = async (level: 1 | 2, seed: number) => {
    const out = await randomMotionArtifact.apply(
      img,
      randomMotionArtifact.sample(createPrng(seed), level, img),
    );
    let s = 0;
    for (let i = 0; i < out.data.length; i++) {
      s += (out.data[i] - img.data[i]) ** 2;
    }
    return s;
  };
  let e1 = 0, e2 = 0;
  for (const seed of [1, 2, 3]) {
    e1 += await err(1, seed);
    e2 += await err(2, seed);
  }
  assert.ok(e2 > 2 * e1, `${e2} vs ${e1}`);
});

Deno.test("random_motion_artifact equals the direct 2-D k-space model (odd sizes)", async () => {
  const { fft2, ifft2 } = await import("../_fft.ts");
  const w = 13, h = 11, img = testImage(1, w, h);
  const p = { segments: 3, maxDegrees: 8, maxTranslation: 2, motionSeed: 21 };
  const out = await randomMotionArtifact.apply(img, p);
  const { poses, edges } = motionPoses(p, h);
  const accRe = new Float64Array(w * h), accIm = new Float64Array(w * h);
  poses.forEach((pose, k) => {
    // The moved copy, sampled as the operator documents (bilinear, zero outside).
    const phi = (pose.degrees * Math.PI) / 180,
      cx = (w - 1) / 2,
      cy = (h - 1) / 2;
    const re = new Float64Array(w * h), im = new Float64Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const rx = x - cx - pose.dx, ry = y - cy - pose.dy;
        const sx = cx + Math.cos(phi) * rx - Math.sin(phi) * ry;
        const sy = cy + Math.sin(phi) * rx + Math.cos(phi) * ry;
        const x0 = Math.floor(sx),
          y0 = Math.floor(sy),
          fx = sx - x0,
          fy = sy - y0;
        const g = (yy: number, xx: number) =>
          xx >= 0 && yy >= 0 && xx < w && yy < h ? img.data[yy * w + xx] : 0;
        re[y * w + x] = (1 - fy) * ((1 - fx) * g(y0, x0) + fx * g(y0, x0 + 1)) +
          fy * ((1 - fx) * g(y0 + 1, x0) + fx * g(y0 + 1, x0 + 1));
      }
    }
    fft2(re, im, w, h);
    for (let j = edges[k]; j < edges[k + 1]; j++) {
      const row = (j - (h >> 1) + h) % h;
      for (let x = 0; x < w; x++) {
        accRe[row * w + x] = re[row * w + x];
        accIm[row * w + x] = im[row * w + x];
      }
    }
  });
  ifft2(accRe, accIm, w, h);
  for (let i = 0; i < w * h; i++) {
    const v = Math.min(1, Math.max(0, accRe[i]));
    assert.ok(
      Math.abs(out.data[i] - v) < 1e-5,
      `pixel ${i}: ${out.data[i]} vs ${v}`,
    );
  }
});

Deno.test("random_motion_artifact gives the same image with the SIMD FFT and with fft.js, and the same bytes again", async () => {
  const p = { segments: 5, maxDegrees: 10, maxTranslation: 10, motionSeed: 4 };
  await sameImageWithEitherFft(randomMotionArtifact, p);
});
