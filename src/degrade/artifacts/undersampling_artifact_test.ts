import assert from "node:assert/strict";
import {
  undersamplingArtifact,
  undersamplingMask,
  undersamplingMasks,
} from "./undersampling_artifact.ts";
import {
  operatorContract,
  sameImageWithEitherFft,
  testImage,
} from "../_contract_test.ts";
import { referenceSignatureTest } from "../_physics_reference_test.ts";
import { fft2, ifft2 } from "../_fft.ts";

operatorContract(undersamplingArtifact, { integers: ["maskSeed"] });
referenceSignatureTest(undersamplingArtifact);

/**
 * The model: clip(Re(IFFT2(ifftshift(M ⊙ fftshift(FFT2(plane)))))) with the
 * column mask M in fftshift order (W even: shifted column (x + W/2) mod W).
 */
function maskedModel(
  plane: ArrayLike<number>,
  mask: Uint8Array,
  w: number,
  h: number,
): Float64Array {
  const re = Float64Array.from(plane), im = new Float64Array(w * h);
  fft2(re, im, w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[(x + w / 2) % w]) re[y * w + x] = im[y * w + x] = 0;
    }
  }
  ifft2(re, im, w, h);
  return re.map((v) => Math.min(1, Math.max(0, v)));
}

Deno.test("undersamplingMask() keeps the centre band and the requested count", () => {
  const p = {
    keepFraction: 49 / 266,
    centerFraction: 0.08,
    spread: 0.117,
    maskSeed: 5,
  };
  const m = undersamplingMask(266, p);
  assert.equal(m.reduce((a, b) => a + b, 0), 49);
  // 21 central columns, offsets −10..+10 around DC at index 133 (SPEC §3.4).
  for (let j = 123; j <= 143; j++) assert.equal(m[j], 1);
  assert.deepEqual(undersamplingMask(266, p), m);
  assert.notDeepEqual(undersamplingMask(266, { ...p, maskSeed: 6 }), m);
});

Deno.test("undersampling_artifact equals the 2-D FFT, column mask, real inverse model", async () => {
  const img = testImage(1, 10, 6);
  const p = {
    keepFraction: 0.5,
    centerFraction: 0.2,
    spread: 0.2,
    maskSeed: 3,
  };
  const out = await undersamplingArtifact.apply(img, p);
  const want = maskedModel(img.data, undersamplingMask(10, p), 10, 6);
  for (let i = 0; i < 60; i++) {
    assert.ok(
      Math.abs(out.data[i] - want[i]) < 1e-6,
      `pixel ${i}: ${out.data[i]} vs ${want[i]}`,
    );
  }
});

Deno.test("undersampling_artifact keeps a constant image (DC is always sampled)", async () => {
  const img = {
    width: 12,
    height: 5,
    channels: 3 as const,
    data: new Float32Array(180).fill(0.3),
  };
  const out = await undersamplingArtifact.apply(img, {
    keepFraction: 0.1,
    centerFraction: 0.1,
    spread: 0.1,
    maskSeed: 1,
  });
  assert.ok(out.data.every((v) => Math.abs(v - 0.3) < 1e-6));
});

Deno.test("undersampling_artifact gives the same image with the SIMD FFT and with fft.js, and the same bytes again", async () => {
  const p = {
    keepFraction: 41 / 266,
    centerFraction: 0.08,
    spread: 0.122,
    maskSeed: 4,
  };
  await sameImageWithEitherFft(undersamplingArtifact, p);
});

Deno.test("undersampling_artifact filters each RGB channel with a mask of its own (SPEC §3.4), channel 0 with undersamplingMask's", async () => {
  const [w, h] = [16, 6], n = w * h;
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    // The same grey picture in every channel: any difference is the masks'.
    data[i] = data[n + i] = data[2 * n + i] = ((i * 7) % 11) / 11;
  }
  const img = { width: w, height: h, channels: 3 as const, data };
  const p = {
    keepFraction: 0.4,
    centerFraction: 0.1,
    spread: 0.2,
    maskSeed: 9,
  };
  const out = await undersamplingArtifact.apply(img, p);
  const masks = undersamplingMasks(w, p, 3);
  assert.deepEqual(masks[0], undersamplingMask(w, p));
  assert.notDeepEqual(masks[0], masks[1]);
  for (let c = 0; c < 3; c++) {
    const want = maskedModel(data.subarray(c * n, (c + 1) * n), masks[c], w, h);
    for (let i = 0; i < n; i++) {
      assert.ok(
        Math.abs(out.data[c * n + i] - want[i]) < 1e-6,
        `channel ${c}, pixel ${i}: ${out.data[c * n + i]} vs ${want[i]}`,
      );
    }
  }
  assert.notDeepEqual(out.data.subarray(0, n), out.data.subarray(n, 2 * n));
  const gray = await undersamplingArtifact.apply(
    { width: w, height: h, channels: 1, data: data.slice(0, n) },
    p,
  );
  assert.deepEqual(gray.data, out.data.subarray(0, n));
});
