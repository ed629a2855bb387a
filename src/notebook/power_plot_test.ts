import assert from "node:assert/strict";
import { powerPlot } from "./power_plot.ts";
import type { DkePowerRow } from "./power.ts";

const row = (questions: number, trials: number, rate: number): DkePowerRow => ({
  questions,
  trials,
  items: questions * 6,
  replicates: 10,
  rate_acc: rate,
  rate_calib: rate,
  rate_both: rate,
  mean_acc_drop: 0.05,
  mean_calib_increase: 0.03,
});

Deno.test("powerPlot: one line per trial count, a dot per cell, a key per trial count", () => {
  const svg = powerPlot([
    row(50, 3, 0.2),
    row(100, 3, 0.5),
    row(50, 10, 0.4),
    row(100, 10, 0.9),
  ]);
  assert.equal(svg.tagName.toLowerCase(), "svg");
  assert.equal(svg.querySelectorAll('g[aria-label="line"] path').length, 2);
  // 4 cells plus 2 legend keys.
  assert.equal(svg.querySelectorAll('g[aria-label="dot"] circle').length, 6);
  const text = svg.textContent ?? "";
  assert.ok(text.includes("T = 3") && text.includes("T = 10"));
  assert.ok(text.includes("Detection rate of the intra-model DKE test"));
  assert.throws(() => powerPlot([]), RangeError);
});
