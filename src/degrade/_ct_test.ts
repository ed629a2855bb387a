import assert from "node:assert/strict";
import {
  fieldOfView,
  scanAndReconstruct,
  truncateDetector,
  withSaturatedExcess,
} from "./_ct.ts";

Deno.test("fieldOfView() holds the whole image in the inscribed circle", () => {
  for (const [w, h] of [[650, 650], [266, 100], [7, 30]]) {
    const side = fieldOfView(w, h);
    assert.ok(side / 2 >= Math.hypot(w, h) / 2, `${w}x${h} -> ${side}`);
  }
});

Deno.test("truncateDetector() zeroes bins beyond the half width, every view", () => {
  const s = Float64Array.from({ length: 14 }, () => 1);
  truncateDetector(s, 7, 2);
  assert.deepEqual(Array.from(s), [0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0]);
});

Deno.test("withSaturatedExcess() raises only saturated samples", () => {
  const p = withSaturatedExcess(new Float64Array([0, 0.99, 0.999, 1]), 0.5);
  assert.deepEqual(Array.from(p), [0, 0.99, 1.499, 1.5]);
});

Deno.test("scanAndReconstruct() recovers a smooth image and adds noise of the asked std", () => {
  const n = 40, img = new Float64Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      img[y * n + x] = 0.5 + 0.2 * Math.sin(x / 6) * Math.cos(y / 7);
    }
  }
  const angles = Array.from({ length: 180 }, (_, i) => i);
  const clean = scanAndReconstruct(img, n, n, angles);
  let err = 0;
  for (let y = 8; y < 32; y++) {
    for (let x = 8; x < 32; x++) {
      err = Math.max(err, Math.abs(clean[y * n + x] - img[y * n + x]));
    }
  }
  assert.ok(err < 0.05, `max error ${err}`);
  const noisy = scanAndReconstruct(img, n, n, angles, {
    noiseStd: 0.1,
    noiseSeed: 1,
  });
  let s = 0, s2 = 0, count = 0;
  for (let i = 0; i < n * n; i++) {
    const d = noisy[i] - clean[i];
    s += d;
    s2 += d * d;
    count++;
  }
  const sd = Math.sqrt(s2 / count - (s / count) ** 2);
  assert.ok(sd > 0.08 && sd < 0.12, `noise std ${sd}`);
});
