import assert from "node:assert/strict";
import { fixtureResults } from "./_fixture_test_helpers.ts";
import { tableContext } from "./context.ts";
import { overallTable } from "./overall.ts";
import { categoryTable } from "./category.ts";
import { capabilityTable } from "./capability.ts";
import { degradationHeatmapTable, skillHeatmapTable } from "./heatmaps.ts";
import { modalityTable } from "./modality.ts";
import type { TableRow } from "./format.ts";

// Fixture (see _fixture_test_helpers.ts), correct(x) per item:
//   m1: a0 1, a1 0.5, a2 0, b0 1, b1 0.5, b2 0.5 (one unparsed trial counts wrong)
//   m2: a0 1, a1 1,   a2 1, b0 0, b1 0,   b2 1
const ctx = tableContext(fixtureResults());
const find = (rows: TableRow[], where: TableRow): TableRow => {
  const r = rows.find((r) =>
    Object.entries(where).every(([k, v]) => r[k] === v)
  );
  assert.ok(r, `no row ${JSON.stringify(where)}`);
  return r;
};
const close = (a: unknown, b: number | null) => {
  if (b === null) return assert.equal(a, null);
  assert.ok(typeof a === "number" && Math.abs(a - b) < 1e-9, `${a} != ${b}`);
};

Deno.test("overallTable() gives accuracy per level, drops and the model average", () => {
  const rows = overallTable(ctx);
  // m1: L0 (1+1)/2, L1 (0.5+0.5)/2, L2 (0+0.5)/2
  const m1 = find(rows, { model: "m1" });
  close(m1.L0, 100),
    close(m1.L1, 50),
    close(m1.L2, 25),
    close(m1.L1_minus_L0, -50),
    close(m1.L2_minus_L0, -75);
  // m2: L0 (1+0)/2, L1 (1+0)/2, L2 (1+1)/2
  const m2 = find(rows, { model: "m2" });
  close(m2.L0, 50),
    close(m2.L1, 50),
    close(m2.L2, 100),
    close(m2.L2_minus_L0, 50);
  const avg = find(rows, { model: "Average (All Models)" });
  close(avg.L0, 75),
    close(avg.L1, 50),
    close(avg.L2, 62.5),
    close(avg.L1_minus_L0, -25),
    close(avg.L2_minus_L0, -12.5);
  assert.equal(rows.length, 3);
});

Deno.test("categoryTable() pairs each category with its questions' clean items", () => {
  const rows = categoryTable(ctx);
  // m1 Noise = {a1}: 50 vs base {a0}: 100; Artif = {a2}: 0 vs 100; RB = {b1,b2}: 50 vs {b0}: 100
  close(find(rows, { model: "m1", category: "Noise" }).drop_l12, -50);
  close(find(rows, { model: "m1", category: "Artif" }).drop_l12, -100);
  close(find(rows, { model: "m1", category: "RB" }).acc_l12, 50);
  close(find(rows, { model: "m1", category: "RB" }).drop_l12, -50);
  // empty categories give empty cells, never 0
  close(find(rows, { model: "m1", category: "Intens" }).acc_l12, null);
  close(find(rows, { model: "m1", category: "Motio" }).drop_l12, null);
  // Avg: all L1&L2 (0.5+0+0.5+0.5)/4 = 37.5 against all L0 = 100
  close(find(rows, { model: "m1", category: "Avg" }).acc_l12, 37.5);
  close(find(rows, { model: "m1", category: "Avg" }).drop_l12, -62.5);
  // m2 RB = {b1, b2}: 50 against base {b0}: 0
  close(find(rows, { model: "m2", category: "RB" }).drop_l12, 50);
  close(
    find(rows, { model: "Average (All Models)", category: "RB" }).drop_l12,
    0,
  );
});

Deno.test("capabilityTable() averages the six tasks and leaves Avg empty when a task is empty", () => {
  const rows = capabilityTable(ctx);
  // m1 CU = {a1, a2}: 25 vs {a0}: 100; AR = {b1, b2}: 50 vs {b0}: 100
  close(find(rows, { model: "m1", task: "CU" }).acc_l12, 25);
  close(find(rows, { model: "m1", task: "CU" }).drop_l12, -75);
  close(find(rows, { model: "m1", task: "AR" }).drop_l12, -50);
  close(find(rows, { model: "m1", task: "IP" }).acc_l12, null);
  close(find(rows, { model: "m1", task: "Avg" }).acc_l12, null);
  assert.equal(rows.filter((r) => r.model === "m1").length, 7);
});

Deno.test("heatmap tables give per-level paired drops per degradation and skill", () => {
  const deg = degradationHeatmapTable(ctx);
  close(find(deg, { model: "m1", degradation: "gaussian_noise" }).drop_L1, -50);
  close(
    find(deg, { model: "m1", degradation: "gaussian_noise" }).drop_L2,
    null,
  );
  close(find(deg, { model: "m1", degradation: "sparse_view" }).drop_L2, -100);
  close(find(deg, { model: "m1", degradation: "motion_blur" }).drop_L1, -50);
  close(find(deg, { model: "m1", degradation: "motion_blur" }).drop_L2, -50);
  assert.equal(
    deg.filter((r) => r.model === "m1").length,
    3,
    "only ids present in the data",
  );
  const skill = skillHeatmapTable(ctx);
  // m2 Skeletal System: L1 {b1} 0 vs {b0} 0; L2 {b2} 100 vs 0
  close(find(skill, { model: "m2", skill: "Skeletal System" }).drop_L1, 0);
  close(find(skill, { model: "m2", skill: "Skeletal System" }).drop_L2, 100);
});

Deno.test("modalityTable() gives accuracy per modality and level", () => {
  const rows = modalityTable(ctx);
  const ct = find(rows, { model: "m1", modality: "CT" });
  close(ct.L0, 100), close(ct.L1, 50), close(ct.L2, 0);
  const xr = find(rows, { model: "m2", modality: "X-ray" });
  close(xr.L0, 0), close(xr.L1, 0), close(xr.L2, 100);
});

Deno.test("drops vanish when degraded predictions copy the clean ones (property)", () => {
  // Copy each model's L0 votes to the L1 and L2 items of the same question.
  const r = fixtureResults();
  const { items, predictions } = r;
  const l0 = new Map<number, number>();
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i] === 0) l0.set(items.question[i], i);
  }
  const src = new Map<string, number>();
  for (let p = 0; p < predictions.n; p++) {
    src.set(
      `${predictions.model[p]}/${predictions.item[p]}/${predictions.trial[p]}`,
      predictions.choice[p],
    );
  }
  for (let p = 0; p < predictions.n; p++) {
    const clean = l0.get(items.question[predictions.item[p]])!;
    const c = src.get(
      `${predictions.model[p]}/${clean}/${predictions.trial[p]}`,
    );
    if (c !== undefined) predictions.choice[p] = c;
  }
  const c = tableContext(r);
  for (const row of [...categoryTable(c), ...capabilityTable(c)]) {
    if (row.category === "Avg" || row.task === "Avg") continue;
    if (row.drop_l12 !== null) close(row.drop_l12, 0);
  }
  for (const row of degradationHeatmapTable(c)) {
    if (row.drop_L1 !== null) close(row.drop_L1, 0);
    if (row.drop_L2 !== null) close(row.drop_L2, 0);
  }
});
