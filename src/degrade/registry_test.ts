import assert from "node:assert/strict";
import { DEGRADATIONS } from "../taxonomy/degradations.ts";
import { degrade, DEGRADERS, getDegrader, replay } from "./registry.ts";
import { testImage } from "./_contract_test.ts";
import { encodeImage } from "./image_io.ts";

Deno.test("every registered operator has the id it is registered under and documented parameters", () => {
  for (const [id, d] of Object.entries(DEGRADERS)) {
    assert.equal(d!.id, id);
    assert.ok(d!.parameters.length > 0);
    for (const p of d!.parameters) {
      assert.ok(p.unit && p.description && p.min <= p.max);
    }
  }
  assert.deepEqual(Object.keys(DEGRADERS), [...DEGRADATIONS]); // all 19, taxonomy order
});

Deno.test("degrade is deterministic per seed and replay reproduces it", async () => {
  const img = testImage(3, 40, 30);
  for (const id of Object.keys(DEGRADERS) as (keyof typeof DEGRADERS)[]) {
    const a = await degrade(img, id, 2, 5);
    const b = await degrade(img, id, 2, 5);
    assert.deepEqual(
      await encodeImage(a.image, "png"),
      await encodeImage(b.image, "png"),
      id,
    );
    const again = await replay(img, id, JSON.parse(JSON.stringify(a.params)));
    assert.deepEqual(again.data, a.image.data, id);
  }
});

Deno.test("degrade rejects unknown ids and bad levels", async () => {
  const img = testImage(1);
  assert.throws(
    () => getDegrader("blur"),
    /Unknown degradation "blur": expected one of limited_angle/,
  );
  await assert.rejects(
    () => degrade(img, "gaussian_blur", 0 as 1, 1),
    RangeError,
  );
  await assert.rejects(
    () => degrade(img, "gaussian_blur", 3 as 1, 1),
    RangeError,
  );
});

Deno.test("property: every operator keeps shape and [0, 1] range on any small image, any seed", async () => {
  const fc = (await import("fast-check")).default;
  const ids = Object.keys(DEGRADERS) as (keyof typeof DEGRADERS)[];
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom(1 as const, 3 as const),
      fc.constantFrom(...ids),
      fc.constantFrom(1 as const, 2 as const),
      fc.integer({ min: 0, max: 2 ** 31 }),
      async (w, h, channels, id, level, seed) => {
        const data = Float32Array.from(
          { length: w * h * channels },
          (_, i) => ((i * 7919) % 101) / 100,
        );
        const img = { width: w, height: h, channels, data };
        const a = await degrade(img, id, level, seed);
        const b = await degrade(img, id, level, seed);
        assert.equal(a.image.width, w);
        assert.equal(a.image.height, h);
        assert.equal(a.image.channels, channels);
        assert.ok(
          a.image.data.every((v) => v >= 0 && v <= 1),
          `${id} out of range`,
        );
        assert.deepEqual(a.image.data, b.image.data);
      },
    ),
    { numRuns: 60, seed: 1 },
  );
});
