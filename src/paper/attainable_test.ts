import assert from "node:assert/strict";
import {
  attainableKey,
  attainableTargets,
  type BenchmarkCounts,
  reachableGrain,
} from "./attainable.ts";
import { FIDELITY_TOLERANCE } from "./fidelity.ts";
import { paperNumbers } from "./numbers.ts";
import { CATEGORIES, DEGRADATIONS, TASKS } from "../taxonomy/mod.ts";

const paper = paperNumbers();
// Counts of the shape of the shipped reconstruction (hand-picked).
const SLICES: Record<string, [number, number]> = {
  CU: [13132, 2742],
  IP: [406, 80],
  AR: [6440, 1361],
  BS: [122, 26],
  Diag: [394, 78],
  Treat: [94, 19],
  Artif: [5322, 1400],
  Motio: [2992, 2100],
  Intens: [1846, 1500],
  Noise: [3796, 2500],
  RB: [6632, 3000],
};
const degradations = new Map<string, number>(
  DEGRADATIONS.map((d, i) => [d, 100 + 37 * i]),
);
const counts: BenchmarkCounts = {
  trials: 3,
  slices: new Map(
    Object.entries(SLICES).map(([k, [degraded, base]]) => [k, {
      degraded,
      base,
    }]),
  ),
  degradations,
};
const targets = attainableTargets(paper, counts, FIDELITY_TOLERANCE);
const get = (source: string, model: string, column: string) =>
  targets.get(attainableKey(source, model, column));

Deno.test("reachableGrain: half a vote over the degraded votes, plus half over the base votes for drops", () => {
  // 2 trials x 50 degraded items = 100 votes: 0.5 pt; base 2 x 25 = 50 votes: 1 pt.
  const g = reachableGrain({ degraded: 50, base: 25 }, 2);
  assert.equal(g.acc, 0.5);
  assert.equal(g.drop, 1.5);
});

Deno.test("attainable accuracies pool exactly to Table 6's (L1+L2)/2", () => {
  for (const t6 of paper.table6) {
    for (
      const [source, keys] of [["table3", CATEGORIES], [
        "table2",
        TASKS,
      ]] as const
    ) {
      let n = 0, sum = 0;
      for (const k of keys) {
        const a = get(source, t6.model, `${k} acc_l12`)!;
        n += SLICES[k]![0];
        sum += SLICES[k]![0] * a.value;
      }
      assert.ok(
        Math.abs(sum / n - (t6.L1 + t6.L2) / 2) < 1e-9,
        `${source} ${t6.model}`,
      );
    }
  }
});

Deno.test("at most one slice per model moves by more than 0.04 pt, and it says why", () => {
  for (const t6 of paper.table6) {
    for (
      const [source, rows] of [["table3", paper.table3], [
        "table2",
        paper.table2,
      ]] as const
    ) {
      const moved = rows.filter((r) =>
        r.model === t6.model && r.slice !== "Avg"
      )
        .filter((r) => {
          const a = get(source, t6.model, `${r.slice} acc_l12`)!;
          return Math.abs(a.value - r.accL12!) > 0.04 + 1e-9;
        });
      assert.ok(moved.length <= 1, `${source} ${t6.model}`);
      for (const r of moved) {
        assert.match(
          get(source, t6.model, `${r.slice} acc_l12`)!.reason,
          /paper inconsistent|reconciled/,
        );
      }
    }
  }
});

Deno.test("Table 2's attainable bases average, question-weighted, to Table 6's L0", () => {
  for (const t6 of paper.table6) {
    const rows = paper.table2.filter((r) =>
      r.model === t6.model && r.slice !== "Avg"
    );
    let q = 0, sum = 0;
    for (const r of rows) {
      const acc = get("table2", t6.model, `${r.slice} acc_l12`)!.value;
      // "—-" cells enter with the table picture's value, reconciled too.
      const drop = get("table2", t6.model, `${r.slice} drop_l12`)!.value;
      q += SLICES[r.slice]![1];
      sum += SLICES[r.slice]![1] * (acc - drop);
    }
    assert.ok(Math.abs(sum / q - t6.L0) < 1e-9, t6.model);
  }
});

Deno.test("small tasks get their grain as tolerance; large ones the printed tolerance", () => {
  const bs = get("table2", "GPT-5", "BS acc_l12")!;
  assert.ok(Math.abs(bs.tolerance - 50 / (3 * 122)) < 1e-12);
  assert.match(bs.reason, /grain/);
  assert.equal(get("table2", "GPT-5", "CU acc_l12")!.tolerance, 0.06);
  const treat = get("table2", "Gemini-2.5-Pro", "Treat drop_l12")!;
  assert.ok(
    Math.abs(treat.tolerance - (50 / (3 * 94) + 50 / (3 * 19))) < 1e-12,
  );
});

Deno.test("Table 3's Avg follows Table 6 and its Avg drop is flagged", () => {
  const t6 = paper.table6.find((r) => r.model === "GPT-5")!;
  assert.equal(
    get("table3", "GPT-5", "Avg acc_l12")!.value,
    (t6.L1 + t6.L2) / 2,
  );
  const d = get("table3", "GPT-5", "Avg drop_l12")!;
  assert.ok(Math.abs(d.value - ((t6.L1 + t6.L2) / 2 - t6.L0)) < 1e-12);
  assert.match(d.reason, /paper inconsistent/);
});

Deno.test("heatmap: count-weighted L2 minus L1 of attainable drops is Table 6's L2 - L1", () => {
  const models = new Set(paper.heatmapDegradation.map((c) => c.model));
  let checked = 0;
  for (const t6 of paper.table6) {
    if (!models.has(t6.model)) continue;
    let n = 0, sum = 0;
    for (const d of DEGRADATIONS) {
      const a1 = get("heatmap", t6.model, `${d} drop_L1`);
      const a2 = get("heatmap", t6.model, `${d} drop_L2`);
      if (!a1 || !a2) continue;
      const w = degradations.get(d)!;
      n += w;
      sum += w * (a2.value - a1.value);
    }
    if (n === 0) continue;
    assert.ok(Math.abs(sum / n - (t6.L2 - t6.L1)) < 1e-9, t6.model);
    checked++;
  }
  assert.equal(checked, 24);
});
