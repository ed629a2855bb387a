import assert from "node:assert/strict";
import wabtInit from "npm:wabt@1.0.39";
import { setSimd, SIMD_WAT, simdArena } from "./_simd.ts";

Deno.test("the embedded SIMD bytes are SIMD_WAT compiled", async () => {
  const wabt = await wabtInit();
  const module = wabt.parseWat("accumulate.wat", SIMD_WAT, {
    simd: true,
  });
  const { buffer } = module.toBinary({});
  const source = await Deno.readTextFile(
    new URL("./_simd.ts", import.meta.url),
  );
  const embedded = source.match(/SIMD_WASM_BASE64 =\s*"([^"]+)"/)![1];
  assert.equal(btoa(String.fromCharCode(...buffer)), embedded);
});

Deno.test("simdArena().accumulate() adds taps in order, odd lengths and tap counts included", () => {
  for (const [count, n] of [[1, 1], [4, 7], [5, 8], [9, 3], [0, 5]]) {
    const arena = simdArena(8 * (64 + 64 + 16), 16);
    assert.ok(arena, "WebAssembly SIMD is available in Deno");
    const acc = arena.f64(16), src = arena.f64(64), w = arena.f64(count);
    for (let i = 0; i < 64; i++) src[i] = Math.sin(i + 1) / 3;
    for (let t = 0; t < count; t++) w[t] = 1 / (t + 3);
    acc.fill(0.25);
    const offs = Int32Array.from({ length: count }, (_, t) => 5 * t + 1);
    const want = new Float64Array(16).fill(0.25);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < count; t++) want[2 + i] += w[t] * src[offs[t] + i];
    }
    arena.accumulate(acc, 2, src, offs, w, count, n);
    assert.deepEqual([...acc], [...want]);
  }
});

Deno.test("simdArena().acc32() adds taps in order in float32, odd lengths and tap counts included", () => {
  const f = Math.fround;
  for (
    const [count, n] of [
      [1, 1],
      [2, 5],
      [3, 9],
      [4, 7],
      [5, 8],
      [6, 13],
      [7, 6],
      [9, 3],
      [0, 5],
    ]
  ) {
    const arena = simdArena(4 * (64 + 64 + 16), 16);
    assert.ok(arena, "WebAssembly SIMD is available in Deno");
    const acc = arena.f32(16), src = arena.f32(64), w = arena.f32(count);
    for (let i = 0; i < 64; i++) src[i] = Math.sin(i + 1) / 3;
    for (let t = 0; t < count; t++) w[t] = 1 / (t + 3);
    acc.fill(0.25);
    const offs = Int32Array.from({ length: count }, (_, t) => 5 * t + 1);
    const want = new Float32Array(16).fill(0.25);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < count; t++) {
        want[2 + i] = f(want[2 + i] + f(w[t] * src[offs[t] + i]));
      }
    }
    arena.acc32(acc, 2, src, offs, w, count, n);
    assert.deepEqual([...acc], [...want]);
  }
});

Deno.test("simdArena().clamp32() maps a·x + b in float32 and clips as v < 0 ? 0 : v > 1 ? 1 : v", () => {
  const f = Math.fround;
  const values = [-0, 0, -0.5, 0.25, 0.75, 2, 1 / 3, 0.1, 0.9, NaN, 0.6];
  const arena = simdArena(128, 0)!;
  const src = arena.f32(values.length), dst = arena.f32(values.length);
  src.set(values);
  for (const [a, b] of [[1, 0], [0.3, 0.35], [1, -113 / 255]]) {
    arena.clamp32(dst, src, f(a), f(b));
    const want = Float32Array.from(src, (x) => {
      const v = f(f(f(a) * x) + f(b));
      return v < 0 ? 0 : v > 1 ? 1 : v;
    });
    assert.deepEqual(
      new Uint8Array(dst.slice().buffer),
      new Uint8Array(want.buffer),
      `a ${a}, b ${b}`,
    );
  }
});

Deno.test("simdArena() refuses more than it was asked for, and is null when too large or turned off", () => {
  const arena = simdArena(16, 1)!;
  arena.f64(2);
  assert.throws(() => arena.f64(100), /Cannot take 100 more values/);
  const w = arena.f64(0);
  assert.throws(
    () => arena.accumulate(w, 0, w, new Int32Array(2), w, 2, 0),
    /Cannot accumulate 2 taps in an arena made for 1/,
  );
  assert.equal(simdArena(2 ** 33, 1), null, "past 256 MiB: JavaScript");
  setSimd(false);
  try {
    assert.equal(simdArena(16, 1), null);
  } finally {
    setSimd(true);
  }
});

Deno.test("simdArena().sum4() keeps the four running sums of reduce_contrast, odd lengths and continued chunks included", () => {
  const f = Math.fround;
  for (const n of [0, 1, 3, 15, 16, 17, 18, 33, 64, 100]) {
    const arena = simdArena(4 * n + 256, 0)!;
    const data = arena.f32(n), sums = arena.f64(4);
    for (let i = 0; i < n; i++) data[i] = 1 / (i + 1.5);
    sums.fill(0.125);
    arena.sum4(sums, data);
    const want = new Array(4).fill(0.125);
    let i = 0;
    for (; i + 15 < n; i += 16) {
      for (let k = 0; k < 4; k++) {
        want[k] += f(
          f(data[i + k] + data[i + k + 4]) +
            f(data[i + k + 8] + data[i + k + 12]),
        );
      }
    }
    for (; i < n; i++) want[0] += data[i];
    assert.deepEqual([...sums], want, `n ${n}`);
  }
  // Two chunks of 16 continue the sums of 32.
  const arena = simdArena(4 * 40 + 256, 0)!;
  const data = arena.f32(35), sums = arena.f64(4), parts = arena.f64(4);
  for (let i = 0; i < 35; i++) data[i] = Math.sin(i) * 1e3;
  arena.sum4(sums, data);
  arena.sum4(parts, data.subarray(0, 16));
  arena.sum4(parts, data.subarray(16, 32));
  arena.sum4(parts, data.subarray(32));
  assert.deepEqual([...parts], [...sums]);
});
