import assert from "node:assert/strict";
import { SAMPLE_MODALITY, SAMPLE_NAMES, sampleImage } from "./samples.ts";
import { encodeImage } from "./image_io.ts";

Deno.test("sample images are deterministic and match the committed PNGs byte for byte", async () => {
  for (const name of SAMPLE_NAMES) {
    const bytes = await encodeImage(sampleImage(name), "png");
    const committed = await Deno.readFile(
      new URL(`../../data/sample_images/${name}.png`, import.meta.url),
    );
    assert.deepEqual(bytes, committed, name);
  }
});

Deno.test("sample images have the channels of their modality and real contrast", () => {
  for (const name of SAMPLE_NAMES) {
    const img = sampleImage(name, 64);
    const colour = SAMPLE_MODALITY[name] === "Histopathology" ||
      SAMPLE_MODALITY[name] === "Endoscopy";
    assert.equal(img.channels, colour ? 3 : 1, name);
    let lo = 1, hi = 0;
    for (const v of img.data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assert.ok(hi - lo > 0.3, `${name} contrast ${hi - lo}`);
  }
  assert.throws(() => sampleImage("ct_phantom", 8), RangeError);
});
