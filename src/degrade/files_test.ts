import assert from "node:assert/strict";
import { degradeFile, deriveSeed } from "./files.ts";
import { readImage, readImageFile, writeImage } from "./image_io.ts";
import { replay } from "./registry.ts";
import { sampleImage } from "./samples.ts";

Deno.test("degradeFile writes byte-identical outputs for the same seed and a replayable record", async () => {
  const dir = await Deno.makeTempDir();
  await writeImage(`${dir}/in.png`, sampleImage("xray_chest", 64));
  const a = await degradeFile(
    `${dir}/in.png`,
    `${dir}/a.png`,
    "gaussian_noise",
    2,
    7,
  );
  await degradeFile(`${dir}/in.png`, `${dir}/b.png`, "gaussian_noise", 2, 7);
  await degradeFile(`${dir}/in.png`, `${dir}/c.png`, "gaussian_noise", 2, 8);
  const [ba, bb, bc] = await Promise.all(
    ["a", "b", "c"].map((k) => Deno.readFile(`${dir}/${k}.png`)),
  );
  assert.deepEqual(ba, bb);
  assert.notDeepEqual(ba, bc);
  const record = JSON.parse(await Deno.readTextFile(`${dir}/a.png.json`));
  assert.deepEqual(record, JSON.parse(JSON.stringify(a)));
  assert.equal(record.id, "gaussian_noise");
  assert.equal(record.level, 2);
  const again = await replay(
    await readImage(`${dir}/in.png`),
    "gaussian_noise",
    record.params,
  );
  const written = await readImage(`${dir}/a.png`);
  for (let i = 0; i < again.data.length; i++) {
    assert.ok(Math.abs(again.data[i]! - written.data[i]!) <= 0.5 / 255 + 1e-6);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deriveSeed is stable, key- and seed-dependent, in range", () => {
  assert.equal(deriveSeed(0, "a"), deriveSeed(0, "a"));
  assert.notEqual(deriveSeed(0, "a"), deriveSeed(0, "b"));
  for (let s = 0; s < 100; s++) {
    const v = deriveSeed(s, "x.png");
    assert.ok(Number.isInteger(v) && v >= 0 && v < 2147483647);
  }
  assert.throws(() => deriveSeed(0.5, "a"), RangeError);
});

Deno.test("degradeFile keeps a 16-bit input 16-bit where the format allows, unless told otherwise", async () => {
  const dir = await Deno.makeTempDir();
  const image = sampleImage("ct_phantom", 48);
  await writeImage(`${dir}/in16.png`, image, { bitDepth: 16 });
  await writeImage(`${dir}/in8.png`, image);
  const cases: [string, string, 8 | 16 | undefined, 8 | 16][] = [
    ["in16.png", "auto16.png", undefined, 16],
    ["in16.png", "auto16.tiff", undefined, 16],
    ["in16.png", "auto16.jpg", undefined, 8], // JPEG has no 16-bit samples
    ["in16.png", "forced8.png", 8, 8],
    ["in8.png", "auto8.png", undefined, 8],
    ["in8.png", "forced16.png", 16, 16],
  ];
  for (const [input, output, asked, want] of cases) {
    const record = await degradeFile(
      `${dir}/${input}`,
      `${dir}/${output}`,
      "gaussian_blur",
      1,
      0,
      asked === undefined ? {} : { bitDepth: asked },
    );
    assert.equal(record.bitDepth, want, output);
    const read = await readImageFile(`${dir}/${output}`);
    assert.equal(read.bitDepth, want, output);
    assert.equal(read.hadAlpha, false);
  }
  await Deno.remove(dir, { recursive: true });
});
