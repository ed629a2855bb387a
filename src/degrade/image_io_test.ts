import assert from "node:assert/strict";
import sharp from "sharp";
import {
  encodeImage,
  formatOf,
  outputBitDepth,
  quantize,
  readImage,
  readImageFile,
  toGray,
  writeImage,
} from "./image_io.ts";
import type { FloatImage } from "./types.ts";

const rgb: FloatImage = {
  width: 3,
  height: 2,
  channels: 3,
  data: new Float32Array([
    0,
    1,
    0.5,
    0.2,
    0.4,
    0.6, // R
    1,
    0,
    0.5,
    0.2,
    0.4,
    0.6, // G
    0,
    0,
    0.5,
    1,
    0.4,
    0.6, // B
  ]),
};

Deno.test("8-bit PNG round trip keeps planar RGB to 1/255", async () => {
  const back = await readImage(await encodeImage(rgb, "png"));
  assert.equal(back.channels, 3);
  assert.equal(back.width, 3);
  assert.equal(back.height, 2);
  for (let i = 0; i < rgb.data.length; i++) {
    assert.ok(Math.abs(back.data[i]! - rgb.data[i]!) <= 0.5 / 255 + 1e-7);
  }
});

Deno.test("outputBitDepth keeps 16 bits only where the format has them", () => {
  assert.equal(outputBitDepth("png", 16), 16);
  assert.equal(outputBitDepth("tiff", 16), 16);
  assert.equal(outputBitDepth("jpeg", 16), 8);
  assert.equal(outputBitDepth("webp", 16), 8);
  assert.equal(outputBitDepth("png", 8), 8);
});

Deno.test("16-bit PNG and TIFF keep 16-bit precision; grayscale stays 1 channel", async () => {
  const gray: FloatImage = {
    width: 2,
    height: 1,
    channels: 1,
    data: new Float32Array([1000 / 65535, 40000 / 65535]),
  };
  for (const format of ["png", "tiff"] as const) {
    const back = await readImage(
      await encodeImage(gray, format, { bitDepth: 16 }),
    );
    assert.equal(back.channels, 1);
    assert.equal(Math.round(back.data[0]! * 65535), 1000);
    assert.equal(Math.round(back.data[1]! * 65535), 40000);
  }
});

Deno.test("JPEG and WebP decode; alpha is dropped", async () => {
  const jpeg = await readImage(await encodeImage(rgb, "jpeg"));
  assert.equal(jpeg.channels, 3);
  const webp = await readImage(await encodeImage(rgb, "webp"));
  assert.ok(Math.abs(webp.data[1]! - 1) < 1e-6);
  const rgba = await sharp({
    create: {
      width: 2,
      height: 2,
      channels: 4,
      background: { r: 255, g: 0, b: 0, alpha: 0.5 },
    },
  }).png().toBuffer();
  const img = await readImage(new Uint8Array(rgba));
  assert.equal(img.channels, 3);
  assert.equal(img.data[0], 1);
  const read = await readImageFile(new Uint8Array(rgba));
  assert.deepEqual([read.hadAlpha, read.bitDepth], [true, 8]);
  const ga = await sharp({
    create: {
      width: 1,
      height: 1,
      channels: 4,
      background: { r: 9, g: 9, b: 9, alpha: 0.2 },
    },
  }).toColourspace("b-w").png().toBuffer();
  assert.equal((await readImage(new Uint8Array(ga))).channels, 1);
});

Deno.test("writing is deterministic, by extension", async () => {
  const dir = await Deno.makeTempDir();
  for (const ext of ["png", "tif", "webp", "jpg"]) {
    await writeImage(`${dir}/a.${ext}`, rgb);
    await writeImage(`${dir}/b.${ext}`, rgb);
    assert.deepEqual(
      await Deno.readFile(`${dir}/a.${ext}`),
      await Deno.readFile(`${dir}/b.${ext}`),
    );
  }
  await assert.rejects(() => writeImage(`${dir}/a.gif`, rgb), /\.png, \.jpg/);
  await assert.rejects(
    () => writeImage(`${dir}/a.jpg`, rgb, { bitDepth: 16 }),
    RangeError,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("corrupt, missing and oversized input give errors naming the file", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/bad.png`, "not an image");
  await assert.rejects(
    () => readImage(`${dir}/bad.png`),
    (e: Error) =>
      e instanceof TypeError && e.message.includes(`"${dir}/bad.png"`),
  );
  await assert.rejects(() => readImage(`${dir}/none.png`), /none\.png/);
  await writeImage(`${dir}/big.png`, rgb);
  await assert.rejects(
    () => readImage(`${dir}/big.png`, { maxPixels: 5 }),
    (e: Error) =>
      e instanceof RangeError &&
      /big\.png.*3×2 = 6 pixels.*at most 5/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("quantize rounds and clips; toGray uses Rec. 601 luma; formatOf by extension", () => {
  const q = quantize({
    width: 4,
    height: 1,
    channels: 1,
    data: new Float32Array([-1, 0.5, 2, NaN]),
  });
  assert.deepEqual([...q], [0, 128, 255, 0]);
  const g = toGray(rgb);
  assert.ok(Math.abs(g.data[0]! - 0.587) < 1e-6);
  assert.equal(formatOf("x.TIFF"), "tiff");
  assert.throws(() => formatOf("x"), TypeError);
});
