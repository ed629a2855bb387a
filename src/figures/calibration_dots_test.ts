import assert from "node:assert/strict";
import { calibrationDots } from "./calibration_dots.ts";
import { toSvgString } from "./render.ts";
import { calibration, models } from "./testdata/fixtures.ts";

Deno.test("calibrationDots draws 19 models x 3 levels x 3 panels", () => {
  const svg = calibrationDots(calibration, { models });
  assert.equal(calibration.length, 57);
  assert.equal(svg.querySelectorAll('g[aria-label="dot"] path').length, 171);
  // one gray span per model and panel
  assert.equal(svg.querySelectorAll('g[aria-label="link"] path').length, 57);
  const text = svg.textContent ?? "";
  for (
    const word of [
      "Calibration shift: accuracy falls",
      "Actual performance",
      "Perceived performance",
      "Δcalib",
      "L0",
      "L2",
      "medical",
    ]
  ) assert.ok(text.includes(word), `missing ${word}`);
});

Deno.test("calibrationDots sorts rows by L0 accuracy, unknown models kept", () => {
  const svg = calibrationDots(calibration, { models });
  const labels = Array.from(
    svg.querySelectorAll('g[aria-label="y-axis tick label"] text'),
  ).map((t) => t.textContent);
  assert.equal(labels.length, 19);
  assert.equal(labels[0], "InternVL3-Instruct(78B)"); // 0.740
  assert.equal(labels.at(-1), "Gemma-3(4B)"); // 0.536
  assert.ok(labels.includes("InternVL2_5-8B-MPO"));
});

Deno.test("calibrationDots skips null values, ignores other levels", () => {
  const svg = calibrationDots([
    {
      model: "a",
      level: "L0",
      accuracy: 0.7,
      confidence: 0.9,
      delta_calib: null,
    },
    {
      model: "a",
      level: "L12",
      accuracy: 0.6,
      confidence: 0.9,
      delta_calib: 0.3,
    },
  ]);
  assert.equal(svg.querySelectorAll('g[aria-label="dot"] path').length, 2);
  assert.throws(
    () =>
      calibrationDots([{
        model: "a",
        level: "L12",
        accuracy: 1,
        confidence: 1,
        delta_calib: 0,
      }]),
    /no row has a level in \["L0","L1","L2"\], got levels \["L12"\]/,
  );
});

Deno.test("calibrationDots is deterministic", () => {
  assert.equal(
    toSvgString(calibrationDots(calibration)),
    toSvgString(calibrationDots(calibration)),
  );
});
