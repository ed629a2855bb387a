import assert from "node:assert/strict";
import { rankBump } from "./rank_bump.ts";
import { toSvgString } from "./render.ts";
import { models, rankConsistency } from "./testdata/fixtures.ts";

Deno.test("rankBump draws 10 lines and 40 dots with accuracy labels", () => {
  const svg = rankBump(rankConsistency, { models });
  assert.equal(svg.querySelectorAll('g[aria-label="line"] path').length, 10);
  assert.equal(svg.querySelectorAll('g[aria-label="dot"] circle').length, 40);
  const text = svg.textContent ?? "";
  for (
    const word of [
      "Rank consistency",
      "#1  GPT-5",
      "#10  DeepSeek-VL2",
      "Real-world",
      "70.8",
      "42.8",
    ]
  ) {
    assert.ok(text.includes(word), `missing ${word}`);
  }
});

Deno.test("rankBump annotates scipy-checked Spearman and Kendall per level", () => {
  const text = rankBump(rankConsistency).textContent ?? "";
  // scipy.stats.spearmanr / kendalltau on the figure's accuracies
  assert.match(
    text,
    /L1, simulated vs real-world \(n = 10 models\): Spearman ρ = 0\.964, Kendall τ-b = 0\.867/,
  );
  assert.match(text, /L2, [^:]*: Spearman ρ = 0\.985, Kendall τ-b = 0\.944/);
  assert.doesNotMatch(
    rankBump(rankConsistency, { annotate: false }).textContent ?? "",
    /Spearman/,
  );
});

Deno.test("rankBump puts the dashed divider between simulated and real-world columns", () => {
  const s = toSvgString(rankBump(rankConsistency));
  assert.equal((s.match(/stroke-dasharray="6,4"/g) ?? []).length, 1);
  const two = toSvgString(
    rankBump(rankConsistency, { conditions: ["sim_L1", "sim_L2"] }),
  );
  assert.ok(!two.includes('stroke-dasharray="6,4"'));
});

Deno.test("rankBump rejects bad ranks and is deterministic", () => {
  assert.throws(
    () =>
      rankBump([{ model: "m", condition: "sim_L1", accuracy: 50, rank: 0 }]),
    /row 1 \(model "m", sim_L1\) has rank 0; expected an integer >= 1/,
  );
  assert.equal(
    toSvgString(rankBump(rankConsistency)),
    toSvgString(rankBump(rankConsistency)),
  );
});
