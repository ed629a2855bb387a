import assert from "node:assert/strict";
import sharp from "sharp";
import { Buffer } from "node:buffer";
import { imageDataUrl, imageProblem } from "./image_data_url.ts";

async function png(width: number, height: number): Promise<string> {
  const path = `${await Deno.makeTempDir()}/x.png`;
  await sharp({ create: { width, height, channels: 3, background: "#345" } })
    .png().toFile(path);
  return path;
}

async function size(url: string): Promise<[number, number]> {
  const m = await sharp(Buffer.from(url.split(",")[1]!, "base64")).metadata();
  return [m.width!, m.height!];
}

Deno.test("imageDataUrl() shrinks to the longest-side limit, never enlarges", async () => {
  const path = await png(40, 20);
  const small = await imageDataUrl(path, 10);
  assert.ok(small.startsWith("data:image/png;base64,"));
  assert.deepEqual(await size(small), [10, 5]);
  assert.deepEqual(await size(await imageDataUrl(path, 1000)), [40, 20]);
  await assert.rejects(imageDataUrl(path, 0), RangeError);
});

Deno.test("imageDataUrl() and imageProblem() name an unreadable file", async () => {
  const path = await Deno.makeTempFile({ suffix: ".png" });
  await Deno.writeTextFile(path, "nope");
  await assert.rejects(
    imageDataUrl(path, 10),
    new RegExp(`Cannot read image ${path}`),
  );
  assert.notEqual(await imageProblem(path), null);
  assert.equal(await imageProblem(await png(3, 3)), null);
});
