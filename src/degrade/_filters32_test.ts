import assert from "node:assert/strict";
import fc from "fast-check";
import { gaussianKernel, reflectIndex, type Tap } from "./_filters.ts";
import { convolveTaps32, gaussianRegion32 } from "./_filters32.ts";
import { setSimd } from "./_simd.ts";

const f = Math.fround;

/** Run `body` with the WebAssembly SIMD kernel on, then with the JavaScript loop. */
function bothPaths(body: () => void): void {
  for (const on of [true, false]) {
    setSimd(on);
    try {
      body();
    } finally {
      setSimd(true);
    }
  }
}

/** Tap by tap over the whole image, float32 sums (the textbook loop). */
function naiveConvolve(p: Float32Array, w: number, h: number, taps: Tap[]) {
  const out = new Float32Array(w * h);
  for (const { dy, dx, w: wt } of taps) {
    if (f(wt) === 0) continue;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        out[r * w + c] = f(
          out[r * w + c] +
            f(f(wt) * p[reflectIndex(r - dy, h) * w + reflectIndex(c - dx, w)]),
        );
      }
    }
  }
  return out;
}

/** Separable float32 Gaussian, one pixel and one tap at a time. */
function naiveGaussian(p: Float32Array, w: number, h: number, sigma: number) {
  const k = Float32Array.from(gaussianKernel(sigma)), r = (k.length - 1) / 2;
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) {
        s = f(s + f(k[j] * p[y * w + reflectIndex(x + j - r, w)]));
      }
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) {
        s = f(s + f(k[j] * tmp[reflectIndex(y + j - r, h) * w + x]));
      }
      out[y * w + x] = s;
    }
  }
  return out;
}

const plane = fc.record({
  w: fc.integer({ min: 1, max: 12 }),
  h: fc.integer({ min: 1, max: 12 }),
})
  .chain(({ w, h }) =>
    fc.tuple(
      fc.constant(w),
      fc.constant(h),
      fc.float32Array({
        minLength: w * h,
        maxLength: w * h,
        noNaN: true,
        min: -2,
        max: 2,
      }),
    )
  );

Deno.test("convolveTaps32() gives the bits of a float32 tap-by-tap reflect convolution (SIMD and JavaScript)", () => {
  const tap = fc.record({
    dy: fc.integer({ min: -15, max: 15 }),
    dx: fc.integer({ min: -15, max: 15 }),
    w: fc.oneof(fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true })),
  });
  bothPaths(() =>
    fc.assert(
      fc.property(
        plane,
        fc.array(tap, { maxLength: 11 }),
        ([w, h, p], taps) => {
          assert.deepEqual(
            convolveTaps32(p, w, h, taps),
            naiveConvolve(p, w, h, taps),
          );
        },
      ),
    )
  );
});

Deno.test("gaussianRegion32() gives the bits of the float32 one-tap-at-a-time filter in its window only (SIMD and JavaScript)", () => {
  const window = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12), fc.nat(12));
  bothPaths(() =>
    fc.assert(
      fc.property(
        plane,
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        window,
        ([w, h, p], sigma, [a, b, c, d]) => {
          const want = naiveGaussian(p, w, h, sigma);
          const r0 = Math.min(a, h), r1 = Math.min(Math.max(a, b), h);
          const c0 = Math.min(c, w), c1 = Math.min(Math.max(c, d), w);
          const out = new Float32Array(w * h).fill(7);
          gaussianRegion32(p, w, h, sigma, 4, out, r0, r1, c0, c1);
          for (let y = 0; y < h; y++) {
            for (let x = 0; x < w; x++) {
              const inside = y >= r0 && y < r1 && x >= c0 && x < c1;
              assert.equal(out[y * w + x], inside ? want[y * w + x] : 7);
            }
          }
        },
      ),
    )
  );
});

Deno.test("gaussianRegion32() blurs wide planes (several SIMD lanes and tails) like the naive filter", () => {
  const w = 67, h = 9, p = new Float32Array(w * h);
  for (let i = 0; i < p.length; i++) p[i] = Math.sin(i * 0.37) * 0.5 + 0.5;
  bothPaths(() => {
    const out = new Float32Array(w * h);
    gaussianRegion32(p, w, h, 7, 4, out, 0, h, 0, w);
    assert.deepEqual(out, naiveGaussian(p, w, h, 7));
  });
});
