import assert from "node:assert/strict";
import { degradeFile } from "./files.ts";
import { parseDegradeRecord, replayFile } from "./replay_file.ts";
import { readImage, writeImage } from "./image_io.ts";
import { replay } from "./registry.ts";
import { sampleImage } from "./samples.ts";

Deno.test("replayFile on the recorded input gives the original output's bytes and the same record", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeImage(`${dir}/in.png`, sampleImage("mri_slice", 48));
    for (const id of ["gaussian_noise", "undersampling_artifact"] as const) {
      const original = await degradeFile(
        `${dir}/in.png`,
        `${dir}/${id}.png`,
        id,
        2,
        11,
      );
      const text = await Deno.readTextFile(`${dir}/${id}.png.json`);
      const record = parseDegradeRecord(text, `${id}.png.json`);
      const again = await replayFile(
        `${dir}/in.png`,
        `${dir}/${id}_again.png`,
        record,
      );
      assert.deepEqual(
        await Deno.readFile(`${dir}/${id}_again.png`),
        await Deno.readFile(`${dir}/${id}.png`),
        id,
      );
      assert.deepEqual(
        { ...again, output: original.output },
        original,
      );
      assert.deepEqual(
        JSON.parse(await Deno.readTextFile(`${dir}/${id}_again.png.json`)),
        JSON.parse(JSON.stringify(again)),
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("replayFile applies a hand-written record's parameters as they are", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const image = sampleImage("histopathology", 40);
    await writeImage(`${dir}/in.png`, image);
    const record = parseDegradeRecord(
      '{"id": "reduce_contrast", "level": 1, "params": {"alpha": 0.5}}',
      "by hand",
    );
    const written = await replayFile(`${dir}/in.png`, `${dir}/out.png`, record);
    assert.equal(written.seed, 0);
    assert.equal(written.bitDepth, 8);
    const want = await replay(
      await readImage(`${dir}/in.png`),
      "reduce_contrast",
      {
        alpha: 0.5,
      },
    );
    const got = await readImage(`${dir}/out.png`);
    for (let i = 0; i < got.data.length; i++) {
      assert.ok(Math.abs(got.data[i]! - want.data[i]!) <= 0.5 / 255 + 1e-6);
    }
    // A misspelt parameter is named, not ignored.
    await assert.rejects(
      replayFile(`${dir}/in.png`, `${dir}/bad.png`, {
        ...record,
        params: { alpha: 0.5, alhpa: 0.4 },
      }),
      /parameter "alhpa": expected only alpha/,
    );
    // Out-of-range parameters fail with the operator's range message.
    await assert.rejects(
      replayFile(`${dir}/in.png`, `${dir}/bad.png`, {
        ...record,
        params: { alpha: 1.5 },
      }),
      /alpha.*1\.5|1\.5.*alpha/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("parseDegradeRecord names the source, the field and the value", () => {
  const cases: [string, RegExp][] = [
    ["{not json", /rec\.json: not JSON/],
    ["[1]", /rec\.json: field "\(record\)" is \[1\]/],
    ['{"id": "blur", "level": 1, "params": {}}', /field "id" is "blur"/],
    [
      '{"id": "gaussian_blur", "level": 0, "params": {}}',
      /field "level" is 0, expected 1 or 2/,
    ],
    ['{"id": "gaussian_blur", "level": 1}', /field "params" is missing/],
    [
      '{"id": "gaussian_blur", "level": 1, "params": {}, "seed": 1.5}',
      /field "seed" is 1\.5/,
    ],
    [
      '{"id": "gaussian_blur", "level": 1, "params": {}, "bitDepth": 12}',
      /field "bitDepth" is 12, expected 8 or 16/,
    ],
    [
      '{"id": "gaussian_blur", "level": 1, "params": {}, "input": 3}',
      /field "input" is 3/,
    ],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseDegradeRecord(text, "rec.json"), message, text);
  }
});
