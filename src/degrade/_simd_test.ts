import assert from "node:assert/strict";
import wabtInit from "npm:wabt@1.0.39";
import { ACCUMULATE_WAT, setSimd, simdArena } from "./_simd.ts";

Deno.test("the embedded SIMD bytes are ACCUMULATE_WAT compiled", async () => {
  const wabt = await wabtInit();
  const module = wabt.parseWat("accumulate.wat", ACCUMULATE_WAT, {
    simd: true,
  });
  const { buffer } = module.toBinary({});
  const source = await Deno.readTextFile(
    new URL("./_simd.ts", import.meta.url),
  );
  const embedded = source.match(/ACCUMULATE_WASM_BASE64 =\s*"([^"]+)"/)![1];
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

Deno.test("simdArena() refuses more than it was asked for, and is null when too large or turned off", () => {
  const arena = simdArena(16, 1)!;
  arena.f64(2);
  assert.throws(() => arena.f64(100), /Cannot take 100 more float64 values/);
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
