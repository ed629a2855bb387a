import assert from "node:assert/strict";
import fc from "fast-check";
import {
  gaussianBlurPlane,
  gaussianFilter64,
  gaussianKernel,
  gaussianRegion,
  reflectIndex,
  rotatePlane,
  rotatePlanes,
} from "./_filters.ts";
import { setSimd } from "./_simd.ts";

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

/** Separable Gaussian, one pixel and one tap at a time. */
function naiveGaussian(p: Float32Array, w: number, h: number, sigma: number) {
  const k = gaussianKernel(sigma), r = (k.length - 1) / 2;
  const tmp = new Float64Array(w * h), out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) {
        s += k[j] * p[y * w + reflectIndex(x + j - r, w)];
      }
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) {
        s += k[j] * tmp[reflectIndex(y + j - r, h) * w + x];
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

Deno.test("gaussianFilter64() and gaussianBlurPlane() give the bits of the one-tap-at-a-time filter (SIMD and JavaScript)", () => {
  bothPaths(() =>
    fc.assert(
      fc.property(
        plane,
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        ([w, h, p], sigma) => {
          const want = naiveGaussian(p, w, h, sigma);
          assert.deepEqual(gaussianFilter64(p, w, h, sigma, 4), want);
          assert.deepEqual(
            gaussianBlurPlane(p, w, h, sigma),
            Float32Array.from(want),
          );
        },
      ),
    )
  );
});

Deno.test("gaussianRegion() fills exactly its window with the whole-plane values", () => {
  const window = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12), fc.nat(12));
  bothPaths(() =>
    fc.assert(
      fc.property(
        plane,
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        window,
        ([w, h, p], sigma, [a, b, c, d]) => {
          const [r0, r1] = [Math.min(a, b, h), Math.min(Math.max(a, b), h)];
          const [c0, c1] = [Math.min(c, d, w), Math.min(Math.max(c, d), w)];
          const whole = gaussianBlurPlane(p, w, h, sigma);
          const out = new Float32Array(w * h).fill(-7);
          gaussianRegion(p, w, h, sigma, 4, out, r0, r1, c0, c1);
          for (let y = 0; y < h; y++) {
            for (let x = 0; x < w; x++) {
              const inside = y >= r0 && y < r1 && x >= c0 && x < c1;
              assert.equal(out[y * w + x], inside ? whole[y * w + x] : -7);
            }
          }
        },
      ),
    )
  );
});

Deno.test("gaussianBlurPlane() keeps a constant plane constant and copies for sigma 0", () => {
  const flat = new Float32Array(30).fill(0.25);
  for (const v of gaussianBlurPlane(flat, 6, 5, 1.5)) {
    assert.ok(Math.abs(v - 0.25) < 1e-7);
  }
  const p = Float32Array.from({ length: 6 }, (_, i) => i);
  assert.deepEqual(gaussianBlurPlane(p, 3, 2, 0), p);
});

Deno.test("rotatePlanes() gives the bits of rotatePlane() on each plane", () => {
  const image = fc.record({
    w: fc.integer({ min: 1, max: 9 }),
    h: fc.integer({ min: 1, max: 9 }),
    ch: fc.constantFrom(1, 3),
  }).chain(({ w, h, ch }) =>
    fc.tuple(
      fc.constant(w),
      fc.constant(h),
      fc.constant(ch),
      fc.float32Array({
        minLength: w * h * ch,
        maxLength: w * h * ch,
        noNaN: true,
      }),
    )
  );
  fc.assert(
    fc.property(
      image,
      fc.double({ min: -360, max: 360, noNaN: true }),
      ([w, h, ch, data], angle) => {
        const n = w * h, want = new Float32Array(n * ch);
        for (let c = 0; c < ch; c++) {
          want.set(
            rotatePlane(data.subarray(c * n, (c + 1) * n), w, h, angle),
            c * n,
          );
        }
        assert.deepEqual(rotatePlanes(data, w, h, ch, angle), want);
      },
    ),
  );
});
