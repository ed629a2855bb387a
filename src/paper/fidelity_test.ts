import assert from "node:assert/strict";
import {
  fidelity,
  readReproducedTables,
  summarizeFidelity,
} from "./fidelity.ts";
import { paperNumbers } from "./numbers.ts";

const paper = paperNumbers();

Deno.test("one row per published number; missing tables are counted, not within", () => {
  const rows = fidelity({}, paper);
  const s = Object.fromEntries(
    summarizeFidelity(rows).map((x) => [x.source, x]),
  );
  assert.equal(s.table6!.count, 200);
  assert.equal(s.calibration!.count, 171);
  assert.equal(s.rank!.count, 40);
  assert.equal(s.heatmap!.count, 950);
  // Table 2: 40 x 7 acc + printed drops (47 dashes have none); no average row.
  assert.equal(s.table2!.count, 280 + 280 - 47);
  assert.equal(s.table3!.count, 480);
  assert.ok(
    summarizeFidelity(rows).every((x) =>
      x.within === 0 && x.missing === x.count
    ),
  );
});

Deno.test("heatmap fractions (positive = worse) become paired drops in points", () => {
  const cell = paper.heatmapDegradation.find((c) =>
    c.model === "GPT-5" && c.row === "limited_angle" && c.panel === "severe"
  )!;
  const drop = -100 * cell.value;
  const rows = fidelity({
    degradationHeatmap: [{
      model: "GPT-5",
      degradation: "limited_angle",
      drop_L1: 0,
      drop_L2: drop + 0.9,
    }],
  }, paper);
  const r = rows.find((r) =>
    r.model === "GPT-5" && r.column === "limited_angle drop_L2"
  )!;
  assert.equal(r.paper, drop);
  assert.ok(Math.abs(r.difference! - 0.9) < 1e-9);
  assert.equal(r.within, true);
  const tight = fidelity(
    {
      degradationHeatmap: [{
        model: "GPT-5",
        degradation: "limited_angle",
        drop_L1: 0,
        drop_L2: drop + 0.9,
      }],
    },
    paper,
    new Map([["GPT-5|limited_angle|L2", 1000]]),
  ).find((r) => r.model === "GPT-5" && r.column === "limited_angle drop_L2")!;
  assert.equal(tight.tolerance, 1);
  const small = fidelity(
    {
      degradationHeatmap: [{
        model: "GPT-5",
        degradation: "limited_angle",
        drop_L1: 0,
        drop_L2: drop + 1.5,
      }],
    },
    paper,
    new Map([["GPT-5|limited_angle|L2", 50]]),
  ).find((r) => r.model === "GPT-5" && r.column === "limited_angle drop_L2")!;
  assert.equal(small.tolerance, 2);
  assert.equal(small.within, true);
});

Deno.test("undrawn Δcalib markers compare against confidence minus accuracy", () => {
  const p = paper.calibration.find((c) => c.deltaCalib === null)!;
  const rows = fidelity({
    calibration: [{
      model: p.model,
      level: p.level,
      accuracy: p.accuracy + 0.003,
      confidence: p.confidence,
      delta_calib: p.confMinusAcc,
    }],
  }, paper).filter((r) => r.model === p.model && r.column.startsWith(p.level));
  const acc = rows.find((r) => r.column.endsWith("accuracy"))!;
  const dc = rows.find((r) => r.column.endsWith("delta_calib"))!;
  assert.equal(acc.within, false);
  assert.equal(dc.within, true);
  assert.match(dc.note, /not drawn/);
});

Deno.test("simulated rank points compare against the overall table", () => {
  const rows = fidelity({
    overall: paper.table6.map((r) => ({
      model: r.model,
      L0: r.L0,
      L1: r.L1,
      L2: r.L2,
      L1_minus_L0: r.L1MinusL0,
      L2_minus_L0: r.L2MinusL0,
    })),
  }, paper).filter((r) => r.source === "rank" && r.column.startsWith("sim"));
  assert.equal(rows.length, 20);
  assert.ok(rows.every((r) => r.within));
});

Deno.test("reading reproduced tables reports a bad number with file and line", () => {
  const dir = Deno.makeTempDirSync();
  Deno.writeTextFileSync(
    `${dir}/category.csv`,
    "model,category,acc_l12,drop_l12\nm,Noise,50,-1\nm,RB,fifty,-1\n",
  );
  assert.throws(
    () => readReproducedTables(dir),
    /category\.csv:3: column "acc_l12": value "fifty" is not a number/,
  );
  Deno.writeTextFileSync(
    `${dir}/category.csv`,
    "model,category,acc_l12,drop_l12\nm,RB,50,-1\n",
  );
  const t = readReproducedTables(dir);
  assert.deepEqual(t.category, [{
    model: "m",
    slice: "RB",
    acc_l12: 50,
    drop_l12: -1,
  }]);
  assert.equal(t.overall, undefined);
});

Deno.test("attainable targets relax, never tighten: within stays against the printed value", () => {
  const t6 = paper.table6.find((r) => r.model === "GPT-5")!;
  const overall = [{
    model: "GPT-5",
    L0: t6.L0,
    L1: t6.L1,
    L2: t6.L2,
    L1_minus_L0: t6.L1MinusL0,
    L2_minus_L0: t6.L2MinusL0,
  }];
  const cu = paper.table2.find((r) => r.model === "GPT-5" && r.slice === "CU")!;
  const capability = [{
    model: "GPT-5",
    slice: "CU",
    acc_l12: cu.accL12! + 0.5,
    drop_l12: 0,
  }];
  const attainable = new Map([
    ["table2|GPT-5|CU acc_l12", {
      value: cu.accL12! + 0.45,
      tolerance: 0.06,
      reason: "paper inconsistent: test",
    }],
    // An attainable value far off does not make a printed match fail.
    ["table6|GPT-5|L0", { value: t6.L0 + 5, tolerance: 0.01, reason: "x" }],
  ]);
  const rows = fidelity({ overall, capability }, paper, undefined, attainable);
  const acc = rows.find((r) =>
    r.source === "table2" && r.model === "GPT-5" && r.column === "CU acc_l12"
  )!;
  assert.equal(acc.within, false);
  assert.equal(acc.withinAttainable, true);
  assert.equal(acc.note, "paper inconsistent: test");
  assert.ok(Math.abs(acc.attainable - (cu.accL12! + 0.45)) < 1e-12);
  const l0 = rows.find((r) =>
    r.source === "table6" && r.model === "GPT-5" && r.column === "L0"
  )!;
  assert.equal(l0.within, true);
  assert.equal(l0.withinAttainable, true);
  // Without attainable targets, the attainable value is the printed one.
  const plain = fidelity({ capability }, paper).find((r) =>
    r.column === "CU acc_l12" && r.model === "GPT-5"
  )!;
  assert.equal(plain.attainable, cu.accL12);
  assert.equal(plain.withinAttainable, false);
});
