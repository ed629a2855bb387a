import assert from "node:assert/strict";
import { paperCells, pivot } from "./layout.ts";

Deno.test("pivot: first-appearance order, rounding, nulls kept, repeats rejected", () => {
  const rows = [
    { model: "a", level: "L0", v: 1.23456 },
    { model: "b", level: "L0", v: null },
    { model: "a", level: "L2", v: 2 },
  ];
  assert.deepEqual(
    pivot(rows, { row: "model", column: "level", value: "v", digits: 1 }),
    [
      { model: "a", L0: 1.2, L2: 2 },
      { model: "b", L0: null },
    ],
  );
  assert.throws(
    () =>
      pivot([...rows, { model: "a", level: "L0", v: 3 }], {
        row: "model",
        column: "level",
        value: "v",
      }),
    /row 4: model "a" already has a level "L0"/,
  );
});

Deno.test("paperCells: the paper's acc(↓drop) cells", () => {
  const t = paperCells([
    { model: "m", category: "Avg", acc_l12: 64.46, drop_l12: -3.14 },
    { model: "m", category: "Noise", acc_l12: 50, drop_l12: 0.26 },
    { model: "m", category: "RB", acc_l12: 50, drop_l12: null },
    { model: "m", category: "Artif", acc_l12: null, drop_l12: null },
    { model: "m", category: "Motio", acc_l12: 40, drop_l12: -0.04 },
  ], "category");
  assert.deepEqual(t, [{
    model: "m",
    Avg: "64.5(↓3.1)",
    Noise: "50.0(↑0.3)",
    RB: "50.0",
    Artif: "",
    Motio: "40.0(↓0.0)",
  }]);
});
