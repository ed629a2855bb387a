/**
 * The TorchIO test patterns every operator must pass (imported by each
 * operator's test): zero strength is the identity, the default strength
 * changes the image, out-of-range parameters and levels are rejected, the
 * same seed gives the same bytes.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { Degrader, FloatImage } from "./types.ts";
import { createPrng } from "../random/prng.ts";
import { encodeImage } from "./image_io.ts";
import { setFftSimd } from "./_fft_wasm.ts";

/** A 24×20 RGB test image with gradients and texture (deterministic). */
export function testImage(
  channels: 1 | 3 = 3,
  width = 24,
  height = 20,
): FloatImage {
  const n = width * height;
  const data = new Float32Array(channels * n);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = 0.15 + 0.5 * (x / width) + 0.2 * (y / height) +
          0.12 * Math.sin(1.7 * x + 0.9 * y + c);
        data[c * n + y * width + x] = Math.min(1, Math.max(0, v));
      }
    }
  }
  return { width, height, channels, data };
}

function maxDiff(a: FloatImage, b: FloatImage): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) {
    m = Math.max(m, Math.abs(a.data[i]! - b.data[i]!));
  }
  return m;
}

/** Register the shared contract tests for an operator. */
export function operatorContract(
  degrader: Degrader,
  options: { integers?: string[] } = {},
): void {
  const id = degrader.id;
  for (const channels of [1, 3] as const) {
    Deno.test(`${id}: identity parameters leave a ${channels}-channel image unchanged`, async () => {
      const img = testImage(channels);
      const copy = new Float32Array(img.data);
      const out = await degrader.apply(img, degrader.identity);
      assert.ok(maxDiff(out, img) < 1e-6, `max diff ${maxDiff(out, img)}`);
      assert.deepEqual(img.data, copy, "input must not be mutated");
      assert.equal(out.channels, channels);
    });
  }

  Deno.test(`${id}: levels 1 and 2 change the image, L2 at least as much on average`, async () => {
    const img = testImage(3, 64, 48);
    for (const level of [1, 2] as const) {
      const params = degrader.sample(createPrng(7), level, img);
      const out = await degrader.apply(img, params);
      assert.equal(out.width, img.width);
      assert.equal(out.height, img.height);
      assert.ok(maxDiff(out, img) > 1e-3, `level ${level} changed nothing`);
      assert.ok(
        out.data.every((v) => v >= 0 && v <= 1),
        "output outside [0, 1]",
      );
    }
  });

  Deno.test(`${id}: levels other than 1 and 2 are rejected`, () => {
    for (const level of [0, 3, -1, 1.5, NaN]) {
      assert.throws(
        () =>
          degrader.sample(createPrng(1), level as 1, { width: 8, height: 8 }),
        (e: Error) =>
          e instanceof RangeError && e.message.includes(`level ${level}`),
      );
    }
  });

  Deno.test(`${id}: out-of-range and unknown parameters are rejected with the range`, async () => {
    const img = testImage(1);
    for (const spec of degrader.parameters) {
      const bad = [spec.min - 1, spec.max + 1, NaN, "1"];
      if (options.integers?.includes(spec.name)) bad.push(spec.min + 0.5);
      for (const value of bad) {
        await assert.rejects(
          async () =>
            await degrader.apply(img, {
              ...degrader.identity,
              [spec.name]: value,
            }),
          (e: Error) =>
            e instanceof RangeError && e.message.includes(spec.name) &&
            e.message.includes(`[${spec.min}, ${spec.max}]`),
          `${spec.name} = ${value}`,
        );
      }
    }
    // A parameter the operator does not have (a misspelt name) is named.
    await assert.rejects(
      async () =>
        await degrader.apply(img, { ...degrader.identity, strenght: 1 }),
      (e: Error) =>
        e instanceof RangeError && e.message.includes('"strenght"') &&
        degrader.parameters.every((p) => e.message.includes(p.name)),
    );
    await assert.rejects(
      async () =>
        await degrader.apply({
          width: 2,
          height: 2,
          channels: 1,
          data: new Float32Array(3),
        }, degrader.identity),
      TypeError,
    );
  });

  Deno.test(`${id}: same seed, same parameters and bytes; params are JSON-safe`, async () => {
    const img = testImage(3, 40, 32);
    const a = degrader.sample(createPrng(99), 2, img);
    const b = degrader.sample(createPrng(99), 2, img);
    assert.deepEqual(a, b);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
    const [x, y] = await Promise.all([
      degrader.apply(img, a),
      degrader.apply(img, b),
    ]);
    assert.deepEqual(await encodeImage(x, "png"), await encodeImage(y, "png"));
    for (const spec of degrader.parameters) {
      const v = a[spec.name] as number;
      assert.ok(
        v >= spec.min && v <= spec.max,
        `${spec.name} = ${v} outside its range`,
      );
    }
  });
}

/**
 * Assert an FFT-based operator gives the same image (within 1e-6) with the
 * WebAssembly SIMD FFT and with fft.js, and the same bytes when run again,
 * on power-of-two sizes (the kernel) and others (Bluestein).
 */
export async function sameImageWithEitherFft<P extends Record<string, unknown>>(
  op: Degrader<P>,
  params: P,
): Promise<void> {
  for (const [w, h] of [[64, 32], [30, 21], [32, 9]]) {
    const img = testImage(3, w, h);
    const simd = await op.apply(img, params);
    const again = await op.apply(img, params);
    assert.deepEqual(again.data, simd.data, `${w} x ${h}: same bytes`);
    setFftSimd(false);
    let js;
    try {
      js = await op.apply(img, params);
    } finally {
      setFftSimd(true);
    }
    let diff = 0;
    for (let i = 0; i < js.data.length; i++) {
      diff = Math.max(diff, Math.abs(js.data[i]! - simd.data[i]!));
    }
    assert.ok(diff <= 1e-6, `${w} x ${h}: SIMD vs fft.js ${diff}`);
  }
}
