import assert from "node:assert/strict";
import { dropHeatmap } from "./heatmap.ts";
import { toSvgString } from "./render.ts";
import {
  heatmapDegradation,
  heatmapSkill,
  models,
} from "./testdata/fixtures.ts";

const cells = (svg: ReturnType<typeof dropHeatmap>) =>
  svg.querySelectorAll('g[aria-label="cell"] rect').length;

Deno.test("dropHeatmap draws 25 models x 19 types x 2 levels with values", () => {
  const svg = dropHeatmap(heatmapDegradation, { models });
  assert.equal(heatmapDegradation.length, 475);
  assert.equal(cells(svg), 950);
  // one number per cell plus the two panel titles
  assert.equal(
    svg.querySelectorAll('g[aria-label="text"] text').length,
    950 + 2 + 1,
  );
  const text = svg.textContent ?? "";
  for (
    const word of [
      "Accuracy drop by degradation type",
      "Mild (L1)",
      "Severe (L2)",
      "Limited angle",
      "red = worse",
    ]
  ) {
    assert.ok(text.includes(word), `missing ${word}`);
  }
});

Deno.test("dropHeatmap orders rows by mean drop, most harmful on top", () => {
  const svg = dropHeatmap(heatmapDegradation, { models, levels: ["L2"] });
  const rows = Array.from(
    svg.querySelectorAll('g[aria-label="y-axis tick label"] text'),
  ).map((t) => t.textContent);
  // hand check: limited_angle has the largest mean L1+L2 drop in the figure data
  assert.equal(rows[0], "Limited angle");
  assert.equal(rows.length, 19);
});

Deno.test("dropHeatmap infers the skill key and grays null cells", () => {
  const svg = dropHeatmap([
    { model: "a", skill: "Counting", drop_L1: -3, drop_L2: null },
    { model: "b", skill: "Counting", drop_L1: 2, drop_L2: -10 },
  ]);
  assert.equal(cells(svg), 4);
  assert.equal((toSvgString(svg).match(/fill="#eeeeee"/g) ?? []).length, 1);
  assert.match(svg.textContent ?? "", /by skill/);
  assert.equal(cells(dropHeatmap(heatmapSkill, { levels: ["L1"] })), 650);
});

Deno.test("dropHeatmap names a row without its key", () => {
  assert.throws(
    () =>
      dropHeatmap([{ model: "m", skill: "Counting", drop_L1: 1, drop_L2: 1 }], {
        by: "degradation",
      }),
    /drop heatmap: row 1, column "degradation" is missing; expected a string/,
  );
});

Deno.test("dropHeatmap is deterministic", () => {
  assert.equal(
    toSvgString(dropHeatmap(heatmapDegradation)),
    toSvgString(dropHeatmap(heatmapDegradation)),
  );
});
