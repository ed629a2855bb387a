import assert from "node:assert/strict";
import { montage, showImage } from "./display.ts";
import { readImage } from "./image_io.ts";

Deno.test("montage places images side by side, promoting gray to RGB", () => {
  const g = {
    width: 2,
    height: 1,
    channels: 1 as const,
    data: new Float32Array([0.2, 0.4]),
  };
  const c = {
    width: 1,
    height: 2,
    channels: 3 as const,
    data: new Float32Array([1, 1, 0, 0, 0.5, 0.5]),
  };
  const m = montage([g, c], { gap: 1, background: 0.9 });
  assert.equal(m.width, 4);
  assert.equal(m.height, 2);
  assert.equal(m.channels, 3);
  const n = 8;
  // Row 0: g g gap c ; row 1: bg bg gap c
  assert.deepEqual([...m.data.subarray(0, 4)].map((v) => +v.toFixed(2)), [
    0.2,
    0.4,
    0.9,
    1,
  ]);
  assert.deepEqual([...m.data.subarray(n, n + 4)].map((v) => +v.toFixed(2)), [
    0.2,
    0.4,
    0.9,
    0,
  ]);
  assert.throws(() => montage([]), RangeError);
});

Deno.test("showImage returns a Jupyter PNG bundle that decodes to the image", async () => {
  const img = {
    width: 3,
    height: 2,
    channels: 1 as const,
    data: new Float32Array([0, 1, 0, 1, 0, 1]),
  };
  const shown = await showImage(img);
  const bundle = shown[Symbol.for("Jupyter.display")]!();
  const bytes = Uint8Array.from(
    atob(bundle["image/png"]!),
    (ch) => ch.charCodeAt(0),
  );
  const back = await readImage(bytes);
  assert.deepEqual([...back.data], [0, 1, 0, 1, 0, 1]);
});
