import assert from "node:assert/strict";
import { severityBars } from "./severity_bars.ts";
import { toSvgString } from "./render.ts";
import { models, overall } from "./testdata/fixtures.ts";

Deno.test("severityBars draws 40 x 3 bars for the paper's 40 models", () => {
  const svg = severityBars(overall, { models });
  assert.equal(overall.length, 40);
  assert.equal(svg.querySelectorAll('g[aria-label="bar"] rect').length, 120);
  const text = svg.textContent ?? "";
  assert.match(text, /Accuracy under degradation/);
  for (
    const word of ["L0", "L1", "L2", "proprietary", "open-source", "medical"]
  ) {
    assert.ok(text.includes(word), `legend lacks ${word}`);
  }
});

Deno.test("severityBars sorts models by L0, or by group then L0", () => {
  const labels = (arrange: "rank" | "group") =>
    [...Array.from(
      severityBars(overall, { models, arrange }).querySelectorAll(
        'g[aria-label="fx-axis tick label"] text',
      ),
    )].map((t) => t.textContent);
  const rank = labels("rank");
  assert.equal(rank[0], "InternVL3-Instruct(78B)"); // L0 74.03, the highest
  assert.equal(rank.at(-1), "ShowO2(1.5B)");
  const group = labels("group");
  assert.equal(group[0], "Gemini-2.5-Pro"); // best proprietary
  assert.equal(group[9], "InternVL3-Instruct(78B)"); // first open-source
});

Deno.test("severityBars skips null levels and colors unknown models gray", () => {
  const svg = severityBars([
    { model: "a", L0: 50, L1: null, L2: 40 },
    { model: "b", L0: 60, L1: 55, L2: 50 },
  ]);
  assert.equal(svg.querySelectorAll('g[aria-label="bar"] rect').length, 5);
  assert.match(toSvgString(svg), /fill="#555555"[^>]*>a</);
});

Deno.test("severityBars is deterministic and rejects empty input", () => {
  assert.equal(
    toSvgString(severityBars(overall, { models })),
    toSvgString(severityBars(overall, { models })),
  );
  assert.throws(
    () => severityBars([]),
    /severity bars: expected at least one model row, got 0 rows/,
  );
});
