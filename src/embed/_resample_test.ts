import assert from "node:assert/strict";
import { cropResize, resampleArea } from "./_resample.ts";

Deno.test("resampleArea() averages the covered source pixels", () => {
  const plane = Float64Array.from([
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
  ]);
  assert.deepEqual(Array.from(resampleArea(plane, 4, 4, 2, 2)), [
    3.5,
    5.5,
    11.5,
    13.5,
  ]);
  // 3 -> 2 columns: each output covers 1.5 pixels.
  const row = Float64Array.from([0, 3, 6]);
  assert.deepEqual(Array.from(resampleArea(row, 3, 1, 2, 1)), [1, 5]);
});

Deno.test("cropResize() crops, mirrors and keeps channels", () => {
  const image = {
    width: 2,
    height: 2,
    channels: 3 as const,
    data: Float32Array.from([1, 2, 3, 4, 10, 20, 30, 40, 0, 0, 0, 1]),
  };
  const out = cropResize(image, 0, 0, 2, 1, 2, true);
  assert.equal(out.channels, 3);
  assert.deepEqual(Array.from(out.data), [
    2,
    1,
    2,
    1,
    20,
    10,
    20,
    10,
    0,
    0,
    0,
    0,
  ]);
});
