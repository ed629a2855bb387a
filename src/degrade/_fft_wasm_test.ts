import assert from "node:assert/strict";
import wabtInit from "npm:wabt@1.0.39";
import FFT from "fft.js";
import {
  FFT_WAT,
  fftSimdEnabled,
  fftWasmRows,
  setFftSimd,
} from "./_fft_wasm.ts";

/** Direct O(n^2) DFT of interleaved values, sign -1 forward, +1 inverse. */
function directDft(z: Float64Array, sign: number): Float64Array {
  const n = z.length / 2;
  const cos = new Float64Array(n), sin = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = sign * Math.sin((2 * Math.PI * k) / n);
  }
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    let re = 0, im = 0;
    for (let j = 0, jk = 0; j < n; j++, jk = (jk + k) % n) {
      const xr = z[2 * j], xi = z[2 * j + 1];
      re += xr * cos[jk] - xi * sin[jk];
      im += xr * sin[jk] + xi * cos[jk];
    }
    out[2 * k] = re;
    out[2 * k + 1] = im;
  }
  return out;
}

/** ‖actual − expected‖ / ‖expected‖ (Euclidean). */
function relativeError(actual: Float64Array, expected: Float64Array): number {
  let err = 0, norm = 0;
  for (let i = 0; i < expected.length; i++) {
    err += (actual[i] - expected[i]) ** 2;
    norm += expected[i] ** 2;
  }
  return Math.sqrt(err / norm);
}

function signal(length: number, seed: number): Float64Array {
  return Float64Array.from(
    { length },
    (_, i) => Math.sin(seed + 1.3 * i) + 0.25 * Math.cos(0.7 * i * i),
  );
}

const POWERS = Array.from({ length: 12 }, (_, i) => 2 << i); // 2 .. 4096

Deno.test("the embedded FFT bytes are FFT_WAT compiled", async () => {
  const wabt = await wabtInit();
  const module = wabt.parseWat("fft.wat", FFT_WAT, { simd: true });
  const { buffer } = module.toBinary({});
  const source = await Deno.readTextFile(
    new URL("./_fft_wasm.ts", import.meta.url),
  );
  const embedded = source.match(/FFT_WASM_BASE64 =\s*"([^"]+)"/)![1];
  assert.equal(btoa(String.fromCharCode(...buffer)), embedded);
});

Deno.test("fftWasmRows() forward and inverse equal the direct DFT for n = 2..4096", () => {
  assert.ok(fftSimdEnabled(), "WebAssembly SIMD is available in Deno");
  for (const n of POWERS) {
    const x = signal(2 * n, n);
    const rows = fftWasmRows(n, 1)!;
    rows.data.set(x);
    rows.forward();
    const e = relativeError(rows.data, directDft(x, -1));
    assert.ok(e <= 1e-12, `forward n ${n}: relative error ${e}`);
    rows.data.set(x);
    rows.inverse();
    const want = directDft(x, 1).map((v) => v / n);
    const ei = relativeError(rows.data, want);
    assert.ok(ei <= 1e-12, `inverse n ${n}: relative error ${ei}`);
  }
});

Deno.test("fftWasmRows() agrees with fft.js and inverts itself, many rows at once", () => {
  for (const n of POWERS) {
    const count = Math.max(1, Math.min(5, 8192 / n));
    const x = signal(2 * n * count, 3 * n);
    const rows = fftWasmRows(n, count)!;
    rows.data.set(x);
    rows.forward();
    const f = new FFT(n), out = new Float64Array(2 * n);
    for (let r = 0; r < count; r++) {
      f.transform(out, x.subarray(2 * n * r, 2 * n * (r + 1)));
      const got = rows.data.subarray(2 * n * r, 2 * n * (r + 1));
      const e = relativeError(got, out);
      assert.ok(e <= 1e-12, `n ${n} row ${r}: relative error ${e}`);
    }
    rows.inverse();
    const e = relativeError(rows.data, x);
    assert.ok(e <= 1e-12, `round trip n ${n}: relative error ${e}`);
  }
});

Deno.test("fftWasmRows() is null off powers of two or when turned off, and stale rows throw", () => {
  for (const n of [0, 1, 3, 6, 100, 2.5, -4]) {
    assert.equal(fftWasmRows(n, 1), null, `n ${n}`);
  }
  const a = fftWasmRows(8, 2)!;
  a.forward();
  const b = fftWasmRows(16, 1)!;
  assert.throws(() => a.forward(), /later fftWasmRows\(\) call/);
  b.inverse();
  assert.equal(fftWasmRows(8, 0)!.data.length, 0);
  setFftSimd(false);
  try {
    assert.equal(fftSimdEnabled(), false);
    assert.equal(fftWasmRows(8, 1), null);
  } finally {
    setFftSimd(true);
  }
  assert.equal(fftSimdEnabled(), true);
});

Deno.test("fftWasmRows() keeps its twiddles when lengths alternate", () => {
  const x8 = signal(16, 1), x16 = signal(32, 2);
  for (let round = 0; round < 3; round++) {
    for (const x of [x8, x16]) {
      const n = x.length / 2;
      const rows = fftWasmRows(n, 3)!;
      for (let r = 0; r < 3; r++) rows.data.set(x, 2 * n * r);
      rows.forward();
      const want = directDft(x, -1);
      for (let r = 0; r < 3; r++) {
        const e = relativeError(
          rows.data.subarray(2 * n * r, 2 * n * (r + 1)),
          want,
        );
        assert.ok(e <= 1e-12, `n ${n} row ${r}: relative error ${e}`);
      }
    }
  }
});
