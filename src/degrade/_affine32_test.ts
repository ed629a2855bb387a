import assert from "node:assert/strict";
import fc from "fast-check";
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

Deno.test("blendWithMean32: SIMD windows and JavaScript give the same bytes (lengths around the 4112- and 16400-sample windows)", () => {
  for (
    const n of [
      1,
      15,
      16,
      17,
      4111,
      4112,
      4113,
      8225,
      16399,
      16400,
      16401,
      40000,
      3 * 67 * 70,
    ]
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

Deno.test("blendWithMean32 leaves its source untouched, a view into a larger buffer included", () => {
  const whole = samples(20000, 9);
  const before = whole.slice();
  const view = whole.subarray(37, 37 + 12345);
  const out = blendWithMean32(view, 0.3);
  assert.deepEqual(bytes(whole), bytes(before));
  assert.notEqual(out.buffer, whole.buffer);
  assert.equal(out.length, 12345);
  assert.deepEqual(
    bytes(out),
    bytes(blendWithMean32(view.slice(), 0.3)),
  );
});

Deno.test("blendWithMean32 is affineClip32 with b = (1 - alpha) * mean, the mean by sampleMean", () => {
  const src = samples(5000, 3);
  const mean = sampleMean(src);
  assert.deepEqual(
    bytes(blendWithMean32(src, 0.3)),
    bytes(affineClip32(src, 0.3, 0.7 * mean)),
  );
});

Deno.test("sampleMean of hand-computed arrays, SIMD and JavaScript", () => {
  // 17 samples: 16 in the four sums, the 17th added to the first.
  const halves = new Float32Array(17).fill(0.5);
  halves[16] = 1.5;
  // Lane 0 sums (1 + 2^-24) + (0 + 0) in float32: the tie rounds to 1,
  // so the 2^-24 is lost there; the 17th sample's 2^-24 is added to s_0
  // in float64 and kept.
  const tie = new Float32Array(17);
  tie[0] = 1;
  tie[4] = 2 ** -24;
  tie[16] = 2 ** -24;
  for (const simd of [true, false]) {
    setSimd(simd);
    try {
      assert.equal(sampleMean(halves), (16 * 0.5 + 1.5) / 17, `simd ${simd}`);
      assert.equal(sampleMean(tie), (1 + 2 ** -24) / 17, `simd ${simd}`);
    } finally {
      setSimd(true);
    }
  }
});

Deno.test("sampleMean is within 2·2^-24 of the mean of |x| of the exact mean (property)", () => {
  fc.assert(
    fc.property(
      fc.float32Array({
        minLength: 1,
        maxLength: 2000,
        noNaN: true,
        noDefaultInfinity: true,
        min: -1e6,
        max: 1e6,
      }),
      (data) => {
        // Kahan-compensated float64 sums: errors far below the bound.
        let sum = 0, c = 0, abs = 0;
        for (const x of data) {
          const y = x - c, t = sum + y;
          c = (t - sum) - y;
          sum = t;
          abs += Math.abs(x);
        }
        const n = data.length, err = Math.abs(sampleMean(data) - sum / n);
        assert.ok(
          err <= 2 * 2 ** -24 * (abs / n) * (1 + 1e-9) + 1e-300,
          `${err}`,
        );
      },
    ),
  );
});

Deno.test("affineClip32 clips to [0, 1], keeps NaN and rounds a and b to float32", () => {
  const out = affineClip32(
    new Float32Array([0.25, 0.75, NaN, -1, 2]),
    2,
    -0.75,
  );
  assert.deepEqual([...out], [0, 0.75, NaN, 0, 1]);
});
