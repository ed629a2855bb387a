import assert from "node:assert/strict";
import { fixtureResults } from "./_fixture_test_helpers.ts";
import { tableContext } from "./context.ts";
import { calibrationTable, reliabilityTable } from "./calibration.ts";

// m1's items (K = 4 for q1, 2 for q2), votes -> correct, C(x), Brier:
//   L1 a1 A,B: correct .5, C = 1 - ln2/ln4 = .5, Brier (.5-1)^2 + .5^2 = .5
//   L1 b1 B,A: correct .5, C = 1 - ln2/ln2 = 0,  Brier .5
//   L2 a2 B,B: correct 0,  C = 1,                Brier 1 + 1 = 2
//   L2 b2 -,B: correct .5, C = (V/T = 1/2) * 1 = .5, Brier (.5-1)^2 = .25
const rows = calibrationTable(tableContext(fixtureResults()));
const at = (model: string, level: string) =>
  rows.find((r) => r.model === model && r.level === level)!;
const close = (a: unknown, b: number) =>
  assert.ok(typeof a === "number" && Math.abs(a - b) < 1e-12, `${a} != ${b}`);

Deno.test("calibrationTable() gives accuracy, confidence, Δcalib, ECE, Brier per level", () => {
  const l0 = at("m1", "L0");
  close(l0.accuracy, 1),
    close(l0.confidence, 1),
    close(l0.delta_calib, 0),
    close(l0.ece, 0),
    close(l0.brier, 0);
  const l1 = at("m1", "L1");
  close(l1.accuracy, 0.5),
    close(l1.confidence, 0.25),
    close(l1.delta_calib, -0.25),
    close(l1.brier, 0.5);
  // ECE: a1 in bin 5 (|.5 - .5| = 0), b1 in bin 0 (|.5 - 0| = .5): (1/2)(.5) = .25
  close(l1.ece, 0.25);
  const l2 = at("m1", "L2");
  close(l2.accuracy, 0.25),
    close(l2.confidence, 0.75),
    close(l2.delta_calib, 0.5),
    close(l2.brier, 1.125);
  close(l2.ece, 0.5); // a2 in bin 9: |0 - 1| / 2
  const l12 = at("m1", "L12");
  close(l12.accuracy, 0.375),
    close(l12.confidence, 0.5),
    close(l12.delta_calib, 0.125);
  assert.equal(l12.n_items, 4);
  assert.equal(rows.length, 2 * 4);
});

Deno.test("reliabilityTable() keeps empty bins and counts items", () => {
  const bins = reliabilityTable(tableContext(fixtureResults())).filter((r) =>
    r.model === "m1" && r.level === "L1"
  );
  assert.equal(bins.length, 10);
  assert.deepEqual(bins.map((b) => b.n), [1, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  assert.equal(bins[1].accuracy, null);
  close(bins[0].accuracy, 0.5), close(bins[0].confidence, 0);
});

Deno.test("dkeIntraTable() reports the point condition and bootstrap columns", async () => {
  const { dkeIntraTable } = await import("./dke_intra.ts");
  const rows = dkeIntraTable(tableContext(fixtureResults()), {
    resamples: 200,
    seed: 3,
  });
  const m1 = rows.find((r) => r.model === "m1")!;
  // m1: Acc L0 1 > Acc L2 .25 and Δcalib L0 0 <= Δcalib L2 .5: holds
  close(m1.acc_L0, 1),
    close(m1.acc_L2, 0.25),
    close(m1.delta_L0, 0),
    close(m1.delta_L2, 0.5);
  assert.equal(m1.holds, true);
  close(m1.acc_drop, 0.75), close(m1.calib_increase, 0.5);
  assert.ok(
    (m1.acc_drop_lo as number) <= 0.75 && 0.75 <= (m1.acc_drop_hi as number),
  );
  assert.ok((m1.acc_drop_p as number) > 0 && (m1.acc_drop_p as number) <= 1);
  // m2: Acc L0 .5 < Acc L2 1: does not hold
  assert.equal(rows.find((r) => r.model === "m2")!.holds, false);
});

Deno.test("coverageTable() counts answered and missing items per level", async () => {
  const { coverageTable } = await import("./coverage.ts");
  const { resultsFromRows } = await import("../results/load_results.ts");
  // Two questions x 3 levels; model m answers everything but b2 (2 trials each).
  const item = (id: string, q: string, deg: string, sev: number) => ({
    item_id: id,
    question_id: q,
    source: "s",
    modality: "CT",
    skill: "Counting",
    degradation: deg,
    severity: sev,
    n_options: 2,
    answer: "A",
  });
  const items = [
    item("a0", "q1", "none", 0),
    item("a1", "q1", "gaussian_noise", 1),
    item("a2", "q1", "gaussian_noise", 2),
    item("b0", "q2", "none", 0),
    item("b1", "q2", "low_dose", 1),
    item("b2", "q2", "low_dose", 2),
  ];
  const predictions = ["a0", "a1", "a2", "b0", "b1"].flatMap((id) =>
    [1, 2].map((trial) => ({ model: "m", item_id: id, trial, choice: "A" }))
  );
  const r = resultsFromRows({
    models: [{ model: "m", display_name: "M", group: "medical" }],
    items,
    predictions,
  });
  const rows = coverageTable(tableContext(r));
  assert.deepEqual(
    rows.map((x) => [x.level, x.items, x.answered, x.missing, x.trials]),
    [
      ["L0", 2, 2, 0, 4],
      ["L1", 2, 2, 0, 4],
      ["L2", 2, 1, 1, 2],
    ],
  );
});
