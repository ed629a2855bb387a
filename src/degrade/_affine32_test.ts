import assert from "node:assert/strict";
import { affineClip32, blendWithMean32, sampleMean } from "./_affine32.ts";
import { setSimd } from "./_simd.ts";
import { createPrng } from "../random/prng.ts";

/** Values in and out of [0, 1] with the awkward ones mixed in. */
function samples(n: number, seed: number): Float32Array {
  const prng = createPrng(seed);
  const specials = [0, -0, 1, -0.25, 1.5, 2 ** -149, 1 - 2 ** -24];
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    data[i] = prng.next() < 0.3
      ? specials[prng.int(specials.length)]
      : prng.next() * 1.4 - 0.2;
  }
  return data;
}

const bytes = (a: Float32Array) => new Uint8Array(a.buffer);

Deno.test("blendWithMean32: SIMD windows and JavaScript give the same bytes (lengths around the 16400-sample window)", () => {
  for (
    const n of [1, 15, 16, 17, 4112, 16399, 16400, 16401, 40000, 3 * 67 * 70]
  ) {
    const src = samples(n, n);
    for (const alpha of [0, 0.3, 0.65]) {
      const simd = blendWithMean32(src, alpha);
      setSimd(false);
      let js: Float32Array;
      try {
        js = blendWithMean32(src, alpha);
      } finally {
        setSimd(true);
      }
      assert.deepEqual(bytes(js), bytes(simd), `n ${n}, alpha ${alpha}`);
    }
  }
});

Deno.test("blendWithMean32 is affineClip32 with b = (1 - alpha) * mean, the mean by sampleMean", () => {
  const src = samples(5000, 3);
  const mean = sampleMean(src);
  assert.deepEqual(
    bytes(blendWithMean32(src, 0.3)),
    bytes(affineClip32(src, 0.3, 0.7 * mean)),
  );
});

Deno.test("sampleMean of a hand-computed array, SIMD and JavaScript", () => {
  // 17 samples: 16 in the sixteen sums, the 17th added to the first.
  const src = new Float32Array(17).fill(0.5);
  src[16] = 1.5;
  for (const simd of [true, false]) {
    setSimd(simd);
    try {
      assert.equal(sampleMean(src), (16 * 0.5 + 1.5) / 17);
    } finally {
      setSimd(true);
    }
  }
});

Deno.test("affineClip32 clips to [0, 1], keeps NaN and rounds a and b to float32", () => {
  const out = affineClip32(
    new Float32Array([0.25, 0.75, NaN, -1, 2]),
    2,
    -0.75,
  );
  assert.deepEqual([...out], [0, 0.75, NaN, 0, 1]);
});
