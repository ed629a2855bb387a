import assert from "node:assert/strict";
import { modalityRadar } from "./radar.ts";
import { toSvgString } from "./render.ts";
import { modality, models } from "./testdata/fixtures.ts";

const count = (
  svg: ReturnType<typeof modalityRadar>,
  mark: string,
  el: string,
) => svg.querySelectorAll(`g[aria-label="${mark}"] ${el}`).length;

Deno.test("modalityRadar small multiples: 4 models x 3 polygons x 7 vertices", () => {
  const svg = modalityRadar(modality, { models });
  assert.equal(count(svg, "dot", "circle"), 4 * 3 * 7);
  // rings 40, 60, 80 repeated in 4 facets + 3 level polygons x 4 models
  assert.equal(count(svg, "line", "path"), 3 * 4 + 3 * 4);
  const text = svg.textContent ?? "";
  for (
    const word of [
      "Accuracy by modality",
      "GPT-5",
      "Lingshu(7B)",
      "Histopathology",
      "Dermoscopy",
      "L2",
    ]
  ) {
    assert.ok(text.includes(word), `missing ${word}`);
  }
  assert.match(text, /from 20 \(centre\) to 90/); // min 26.x -> 20, max 81.x -> 90
});

Deno.test("modalityRadar projects CT straight up and keeps a round aspect", () => {
  const svg = modalityRadar([
    { model: "m", modality: "CT", L0: 100, L1: 100, L2: 100 },
    { model: "m", modality: "MRI", L0: 0, L1: 0, L2: 0 },
    { model: "m", modality: "X-ray", L0: 100, L1: 100, L2: 100 },
  ], { rDomain: [0, 100], levels: ["L0"] });
  const dots = Array.from(svg.querySelectorAll('g[aria-label="dot"] circle'))
    .map((c) => [
      Number(c.getAttribute("cx")),
      Number(c.getAttribute("cy")),
    ]);
  assert.equal(dots.length, 3);
  const [ct, mri, xray] = dots; // sorted in spoke order
  // MRI at value 0 sits at the centre; CT straight above it; three spokes
  // clockwise from the top put X-ray below left
  assert.ok(Math.abs(ct[0] - mri[0]) < 0.01, "CT spoke is vertical");
  assert.ok(ct[1] < mri[1], "CT is above the centre");
  const rCt = Math.hypot(ct[0] - mri[0], ct[1] - mri[1]);
  const rX = Math.hypot(xray[0] - mri[0], xray[1] - mri[1]);
  assert.ok(Math.abs(rCt - rX) < 0.01, `radii equal: ${rCt} vs ${rX}`);
  assert.ok(xray[0] < mri[0] && xray[1] > mri[1]);
});

Deno.test("modalityRadar overlay: one color per selected model", () => {
  const svg = modalityRadar(modality, {
    mode: "overlay",
    select: ["GPT-5", "MedGemma(27B)"],
    models,
  });
  assert.equal(count(svg, "dot", "circle"), 2 * 2 * 7);
  const s = toSvgString(svg);
  assert.ok(s.includes('stroke-dasharray="2,2"'));
  assert.throws(
    () => modalityRadar(modality, { select: ["nope"] }),
    /selected model "nope" has no rows/,
  );
});

Deno.test("modalityRadar is deterministic", () => {
  assert.equal(
    toSvgString(modalityRadar(modality)),
    toSvgString(modalityRadar(modality)),
  );
});
