import assert from "node:assert/strict";
import fc from "fast-check";
import {
  complexRows,
  fft,
  fft2,
  fftshift2,
  frequencyIndex,
  ifft,
  ifft2,
  ifftshift2,
} from "./_fft.ts";
import { fftSimdEnabled, setFftSimd } from "./_fft_wasm.ts";

// Input and expected values recorded with numpy 1.24.2 (numpy.fft.fft, fft2,
// fftshift) from: x = [((i*7) % 11)/10 - 0.3 for i in range(15)].
const X = Array.from({ length: 15 }, (_, i) => ((i * 7) % 11) / 10 - 0.3);

function close(actual: ArrayLike<number>, expected: number[], tol = 1e-9) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(
      Math.abs(actual[i] - expected[i]) <= tol,
      `index ${i}: ${actual[i]} vs ${expected[i]}`,
    );
  }
}

function naiveDft(re: Float64Array, im: Float64Array) {
  const n = re.length;
  const outRe = new Float64Array(n), outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((j * k) % n)) / n;
      outRe[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      outIm[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
  }
  return { outRe, outIm };
}

Deno.test("fft() matches numpy.fft.fft for a length-5 (Bluestein) input", () => {
  const re = Float64Array.from(X.slice(0, 5)), im = new Float64Array(5);
  fft(re, im);
  close(re, [1.1, -0.65, -0.65, -0.65, -0.65]);
  close(im, [
    0,
    0.316344024975,
    -0.724518086636,
    0.724518086636,
    -0.316344024975,
  ]);
});

Deno.test("fft() matches numpy.fft.fft for a complex length-8 input", () => {
  const re = Float64Array.from(X.slice(0, 8));
  const im = Float64Array.from(X.slice(7, 15));
  fft(re, im);
  close(re, [
    1.8,
    -0.948528137424,
    -1.2,
    -1.948528137424,
    -0.6,
    0.748528137424,
    0,
    -0.251471862576,
  ]);
  close(im, [
    1.4,
    0.392893218813,
    0,
    -0.807106781187,
    -0.6,
    1.807106781187,
    -1.2,
    0.607106781187,
  ]);
});

Deno.test("fft2() matches numpy.fft.fft2 on a 3x5 array", () => {
  const re = Float64Array.from(X), im = new Float64Array(15);
  fft2(re, im, 5, 3);
  close(re, [
    3,
    -0.510081306188,
    -1.739918693812,
    -1.739918693812,
    -0.510081306188,
    0.15,
    -1.625962360807,
    -0.664981309594,
    0.454900003407,
    0.186043666995,
    0.15,
    0.186043666995,
    0.454900003407,
    -0.664981309594,
    -1.625962360807,
  ]);
  close(im, [
    0,
    0.702066687807,
    0.565333853463,
    -0.565333853463,
    -0.702066687807,
    -0.086602540378,
    -0.170895530503,
    -0.598751860541,
    2.14013625283,
    -0.417860917622,
    0.086602540378,
    0.417860917622,
    -2.14013625283,
    0.598751860541,
    0.170895530503,
  ]);
});

Deno.test("fftshift2() matches numpy.fft.fftshift and ifftshift2() undoes it", () => {
  const a = Float64Array.from({ length: 15 }, (_, i) => i);
  const s = fftshift2(a, 5, 3);
  assert.deepEqual(
    Array.from(s),
    [13, 14, 10, 11, 12, 3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  );
  assert.deepEqual(Array.from(ifftshift2(s, 5, 3)), Array.from(a));
  assert.throws(() => fftshift2(a, 4, 3), RangeError);
});

Deno.test("fft() equals the direct DFT sum for any length 1..70", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 70 }),
      fc.integer({ min: 0, max: 1000 }),
      (n, seed) => {
        const re = Float64Array.from(
          { length: n },
          (_, i) => Math.sin(seed + i * 1.3),
        );
        const im = Float64Array.from(
          { length: n },
          (_, i) => Math.cos(seed * 0.7 + i),
        );
        const { outRe, outIm } = naiveDft(re, im);
        fft(re, im);
        close(re, Array.from(outRe), 1e-9 * n);
        close(im, Array.from(outIm), 1e-9 * n);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("ifft2(fft2(x)) returns x for odd, even and prime sizes", () => {
  for (const [w, h] of [[266, 7], [13, 16], [1, 5], [64, 3]]) {
    const x = Float64Array.from(
      { length: w * h },
      (_, i) => ((i * 37) % 101) / 100,
    );
    const re = x.slice(), im = new Float64Array(w * h);
    fft2(re, im, w, h);
    ifft2(re, im, w, h);
    close(re, Array.from(x), 1e-10);
    close(im, new Array(w * h).fill(0), 1e-10);
  }
});

Deno.test("ifft() inverts fft() and bad lengths are rejected", () => {
  const re = Float64Array.from([3, -1, 4, 1, 5, 9, 2]),
    im = new Float64Array(7);
  fft(re, im);
  ifft(re, im);
  close(re, [3, -1, 4, 1, 5, 9, 2], 1e-12);
  assert.throws(
    () => fft(new Float64Array(3), new Float64Array(4)),
    RangeError,
  );
  assert.throws(
    () => fft(new Float64Array(0), new Float64Array(0)),
    RangeError,
  );
});

Deno.test("frequencyIndex() follows numpy.fft.fftfreq * n", () => {
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => frequencyIndex(k, 5)), [
    0,
    1,
    2,
    -2,
    -1,
  ]);
  assert.deepEqual([0, 1, 2, 3].map((k) => frequencyIndex(k, 4)), [
    0,
    1,
    -2,
    -1,
  ]);
});

/** Run `body` with the WebAssembly SIMD kernel on, then with fft.js only. */
function bothPaths(body: (simd: boolean) => void): void {
  for (const simd of [true, false]) {
    setFftSimd(simd);
    try {
      assert.equal(fftSimdEnabled(), simd);
      body(simd);
    } finally {
      setFftSimd(true);
    }
  }
}

/** ‖actual − expected‖ / ‖expected‖ over both parts (Euclidean). */
function relativeError(
  re: Float64Array,
  im: Float64Array,
  wantRe: Float64Array,
  wantIm: Float64Array,
): number {
  let err = 0, norm = 0;
  for (let i = 0; i < re.length; i++) {
    err += (re[i] - wantRe[i]) ** 2 + (im[i] - wantIm[i]) ** 2;
    norm += wantRe[i] ** 2 + wantIm[i] ** 2;
  }
  return Math.sqrt(err / norm);
}

/** The direct DFT with an exact angle table (index jk mod n). */
function directDft(re: Float64Array, im: Float64Array, sign: number) {
  const n = re.length;
  const c = Float64Array.from(
    { length: n },
    (_, k) => Math.cos((2 * Math.PI * k) / n),
  );
  const s = Float64Array.from(
    { length: n },
    (_, k) => sign * Math.sin((2 * Math.PI * k) / n),
  );
  const outRe = new Float64Array(n), outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0, jk = 0; j < n; j++, jk = (jk + k) % n) {
      outRe[k] += re[j] * c[jk] - im[j] * s[jk];
      outIm[k] += re[j] * s[jk] + im[j] * c[jk];
    }
  }
  return { outRe, outIm };
}

const LENGTHS = [
  ...Array.from({ length: 12 }, (_, i) => 2 << i), // 2 .. 4096
  3,
  5,
  7,
  12,
  100,
  266,
  511,
  1000,
];

Deno.test("fft() and ifft() equal the direct DFT to 1e-12 of the norm, SIMD on and off (powers of two 2..4096, Bluestein lengths)", () => {
  bothPaths((simd) => {
    for (const n of LENGTHS) {
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(1 + i));
      const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i * i));
      const want = directDft(x, y, -1);
      const re = x.slice(), im = y.slice();
      fft(re, im);
      const e = relativeError(re, im, want.outRe, want.outIm);
      assert.ok(e <= 1e-12, `simd ${simd}, n ${n}: forward error ${e}`);
      ifft(re, im);
      const r = relativeError(re, im, x, y);
      assert.ok(r <= 1e-12, `simd ${simd}, n ${n}: round trip error ${r}`);
      const back = directDft(x, y, 1);
      const re2 = x.slice(), im2 = y.slice();
      ifft(re2, im2);
      const ei = relativeError(
        re2,
        im2,
        back.outRe.map((v) => v / n),
        back.outIm.map((v) => v / n),
      );
      assert.ok(ei <= 1e-12, `simd ${simd}, n ${n}: inverse error ${ei}`);
    }
  });
});

Deno.test("the SIMD kernel and fft.js give the same spectra to 1e-12 of the norm", () => {
  for (const n of LENGTHS) {
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(3 + 2 * i));
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(0.3 * i));
    const simdRe = x.slice(), simdIm = y.slice();
    fft(simdRe, simdIm);
    setFftSimd(false);
    const jsRe = x.slice(), jsIm = y.slice();
    try {
      fft(jsRe, jsIm);
    } finally {
      setFftSimd(true);
    }
    const e = relativeError(simdRe, simdIm, jsRe, jsIm);
    assert.ok(e <= 1e-12, `n ${n}: relative difference ${e}`);
  }
});

Deno.test("complexRows() transforms every row as fft()/ifft() do, SIMD on and off", () => {
  bothPaths((simd) => {
    for (const [n, count] of [[512, 3], [8, 5], [2, 1], [266, 2], [1, 3]]) {
      const rows = complexRows(n, count);
      assert.equal(rows.data.length, 2 * n * count);
      const x = Float64Array.from(
        { length: 2 * n * count },
        (_, i) => Math.sin(0.37 * i + n),
      );
      rows.data.set(x);
      rows.forward();
      const got = rows.data.slice();
      for (let r = 0; r < count; r++) {
        const re = new Float64Array(n), im = new Float64Array(n);
        const gotRe = new Float64Array(n), gotIm = new Float64Array(n);
        for (let k = 0; k < n; k++) {
          re[k] = x[2 * (r * n + k)];
          im[k] = x[2 * (r * n + k) + 1];
          gotRe[k] = got[2 * (r * n + k)];
          gotIm[k] = got[2 * (r * n + k) + 1];
        }
        fft(re, im);
        const e = relativeError(gotRe, gotIm, re, im);
        assert.ok(e <= 1e-13, `simd ${simd}, n ${n}, row ${r}: ${e}`);
      }
      if (simd && n > 1 && (n & (n - 1)) === 0) {
        // fft() took the kernel's memory since: the rows are stale.
        assert.throws(() => rows.inverse(), /later fftWasmRows/);
      } else rows.inverse(); // rows of their own: still usable
      const again = complexRows(n, count);
      again.data.set(x);
      again.forward();
      again.inverse();
      let err = 0;
      for (let i = 0; i < x.length; i++) {
        err = Math.max(err, Math.abs(again.data[i] - x[i]));
      }
      assert.ok(err <= 1e-12, `simd ${simd}, n ${n}: round trip ${err}`);
    }
  });
  assert.throws(() => complexRows(0, 1), RangeError);
  assert.throws(() => complexRows(4, -1), RangeError);
});

Deno.test("fft2() and ifft2() agree across the SIMD and fft.js paths and invert each other", () => {
  const results: Float64Array[] = [];
  bothPaths((simd) => {
    for (const [w, h] of [[64, 32], [266, 7], [16, 5]]) {
      const x = Float64Array.from(
        { length: w * h },
        (_, i) => ((i * 37) % 101) / 100,
      );
      const re = x.slice(), im = new Float64Array(w * h);
      fft2(re, im, w, h);
      if (simd) results.push(re.slice(), im.slice());
      else {
        const wantRe = results.shift()!, wantIm = results.shift()!;
        const e = relativeError(re, im, wantRe, wantIm);
        assert.ok(e <= 1e-12, `${w} x ${h}: relative difference ${e}`);
      }
      ifft2(re, im, w, h);
      close(re, Array.from(x), 1e-12);
      close(im, new Array(w * h).fill(0), 1e-12);
    }
  });
});
