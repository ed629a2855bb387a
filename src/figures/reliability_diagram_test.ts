import assert from "node:assert/strict";
import { reliabilityDiagram } from "./reliability_diagram.ts";
import { toSvgString } from "./render.ts";
import { reliability } from "./testdata/fixtures.ts";

const bars = (svg: ReturnType<typeof reliabilityDiagram>) =>
  svg.querySelectorAll('g[aria-label="rect"] rect').length;

Deno.test("reliabilityDiagram draws one bar per non-empty bin, per level and model", () => {
  // fixture: 10 bins; L0 has 2 empty bins, so 8 + 8 + 8 per model
  const nonEmpty = reliability.filter((r) => r.n > 0).length;
  assert.equal(nonEmpty, 48);
  const svg = reliabilityDiagram(reliability);
  assert.equal(bars(svg), 48);
  assert.equal(svg.querySelectorAll('g[aria-label="dot"] circle').length, 48);
  const text = svg.textContent ?? "";
  for (
    const word of [
      "Reliability diagrams",
      "L0",
      "L2",
      "MedGemma(27B)",
      "N = 601",
      "N = 1803",
      "Confidence",
      "Accuracy",
    ]
  ) {
    assert.ok(text.includes(word), `missing ${word}`);
  }
});

Deno.test("reliabilityDiagram prints counts (0 for empty bins) and ECE when given", () => {
  const svg = reliabilityDiagram(reliability, {
    select: ["GPT-5"],
    levels: ["L0"],
    calibration: [{
      model: "GPT-5",
      level: "L0",
      accuracy: 0.703,
      confidence: 0.912,
      delta_calib: 0.209,
      ece: 0.2114,
    }],
  });
  assert.equal(bars(svg), 8);
  const text = svg.textContent ?? "";
  assert.match(text, /ECE 0\.211/);
  assert.match(text, /acc 0\.703 · conf 0\.912/);
  const counts = Array.from(svg.querySelectorAll('g[aria-label="text"] text'))
    .map((t) => t.textContent);
  for (const n of ["0", "1", "2", "4", "9", "20", "45", "120", "400"]) {
    assert.ok(counts.includes(n), `count ${n}`);
  }
});

Deno.test("reliabilityDiagram rejects a bad bin with its row number", () => {
  assert.throws(
    () =>
      reliabilityDiagram([{
        model: "m",
        level: "L0",
        bin: 0,
        lo: 0.5,
        hi: 0.2,
        n: 3,
        confidence: 0.3,
        accuracy: 0.1,
      }]),
    /row 1 \(model "m", L0, bin 0\) has lo 0\.5, hi 0\.2, n 3; expected 0 <= lo < hi <= 1/,
  );
  assert.throws(
    () => reliabilityDiagram(reliability, { select: ["x"] }),
    /no rows for models \["x"\]/,
  );
});

Deno.test("reliabilityDiagram is deterministic", () => {
  assert.equal(
    toSvgString(reliabilityDiagram(reliability)),
    toSvgString(reliabilityDiagram(reliability)),
  );
});
