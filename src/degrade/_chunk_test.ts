import assert from "node:assert/strict";
import { CHUNK, CHUNK_BYTES, chunkFor, loadWindow } from "./_chunk.ts";
import { simdArena } from "./_simd.ts";

Deno.test("chunks start on every cache line of a page in turn", () => {
  // A chunk length that is a multiple of 1024 samples would keep the
  // window and an array at one fixed offset modulo 4096 for the whole
  // stream (4K aliasing for some allocations).
  const starts = new Set<number>();
  for (let i = 0; i < 64; i++) starts.add((i * CHUNK * 4) % 4096);
  assert.equal(starts.size, 64);
  assert.equal(CHUNK % 16, 0, "four-lane kernels see whole vectors");
  assert.ok(CHUNK * 4 <= 16 * 1024 + 64, "a chunk stays in the L1 cache");
});

Deno.test("chunkFor: a window of the length asked for, half a page from like", () => {
  const arena = simdArena(CHUNK_BYTES + 4 * 100 + 4096, 0);
  if (!arena) return; // no WebAssembly SIMD here: nothing to place
  const like = new Float32Array(1024);
  const w = chunkFor(arena, like);
  assert.equal(w.length, CHUNK);
  assert.equal(((w.byteOffset - like.byteOffset) % 4096 + 4096) % 4096, 2048);
  assert.equal(chunkFor(arena, like, 100).length, 100);
});

Deno.test("loadWindow fills the whole window, or a prefix at the end of the source", () => {
  const src = Float32Array.from({ length: 10 }, (_, i) => i);
  const window = new Float32Array(4);
  const full = loadWindow(window, src, 3);
  assert.equal(full, window);
  assert.deepEqual([...full], [3, 4, 5, 6]);
  const tail = loadWindow(window, src, 8);
  assert.equal(tail.buffer, window.buffer);
  assert.deepEqual([...tail], [8, 9]);
});
