import assert from "node:assert/strict";
import { dkeArrows } from "./dke_arrows.ts";
import { toSvgString } from "./render.ts";
import { calibration, models } from "./testdata/fixtures.ts";

Deno.test("dkeArrows draws one arrow and one label per model with L0 and L2", () => {
  const svg = dkeArrows(calibration, { models });
  assert.equal(svg.querySelectorAll('g[aria-label="arrow"] path').length, 19);
  const text = svg.textContent ?? "";
  for (
    const word of [
      "Accuracy falls, confidence stays",
      "from L0 to L2",
      "GPT-5",
      "overconfident",
      "Model group",
    ]
  ) {
    assert.ok(text.includes(word), `missing ${word}`);
  }
  const texts = (o: Parameters<typeof dkeArrows>[1]) =>
    dkeArrows(calibration, o).querySelectorAll('g[aria-label="text"] text')
      .length;
  assert.equal(texts({ labels: false }), 2); // the two notes
  assert.equal(texts({}), 2 + 19);
});

Deno.test("dkeArrows points left for a model that loses accuracy, not confidence", () => {
  const svg = dkeArrows([
    {
      model: "m",
      level: "L0",
      accuracy: 0.8,
      confidence: 0.9,
      delta_calib: 0.1,
    },
    {
      model: "m",
      level: "L2",
      accuracy: 0.5,
      confidence: 0.9,
      delta_calib: 0.4,
    },
    {
      model: "n",
      level: "L0",
      accuracy: 0.8,
      confidence: null,
      delta_calib: null,
    },
  ]);
  const paths = svg.querySelectorAll('g[aria-label="arrow"] path');
  assert.equal(paths.length, 1);
  const nums = (paths[0].getAttribute("d") ?? "").match(/-?\d+(\.\d+)?/g)!.map(
    Number,
  );
  const [x1, y1, x2, y2] = nums;
  assert.ok(x2 < x1, "arrow runs left");
  assert.ok(Math.abs(y2 - y1) < 1e-9, "arrow is flat");
  assert.throws(
    () => dkeArrows(calibration, { to: "L9" }),
    /no model has accuracy and confidence at both L0 and L9/,
  );
  assert.equal(
    toSvgString(dkeArrows(calibration)),
    toSvgString(dkeArrows(calibration)),
  );
});
