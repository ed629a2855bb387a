import assert from "node:assert/strict";
import { AVERAGE_MODEL, checkRows } from "./_rows.ts";
import { severityBars } from "./severity_bars.ts";

const spec = {
  model: "string",
  L0: "number?",
  n: "int",
  ece: "optional number?",
} as const;

Deno.test("checkRows accepts table-builder rows and drops the average row", () => {
  const rows = [
    { model: "a", L0: 70.5, n: 3 },
    { model: "b", L0: null, n: 0, ece: 0.1 },
    { model: AVERAGE_MODEL, L0: 70.5, n: 3 },
  ];
  assert.deepEqual(
    checkRows<{ model: string }>("x", rows, spec).map((r) => r.model),
    ["a", "b"],
  );
  assert.equal(checkRows("x", rows, spec, true).length, 3);
});

Deno.test("checkRows names the row, column, value and expectation", () => {
  assert.throws(
    () =>
      checkRows("severity bars", [{ model: "a", L0: 1, n: 1 }, {
        model: "b",
        L0: "70.5",
        n: 1,
      }], spec),
    /Cannot draw severity bars: row 2, column "L0" is "70.5" \(string\); expected a number or null/,
  );
  assert.throws(
    () => checkRows("x", [{ model: "a", L0: 1, n: 1.5 }], spec),
    /row 1, column "n" is 1.5 \(number\); expected an integer >= 0/,
  );
  assert.throws(
    () => checkRows("x", [{ L0: 1, n: 1 }], spec),
    /row 1, column "model" is missing; expected a string/,
  );
  assert.throws(
    () => checkRows("x", [{ model: "a", L0: 1, n: 1, ece: "0.1" }], spec),
    /column "ece" is "0.1"/,
  );
  assert.throws(
    () => checkRows("x", "rows", spec),
    /expected an array of table rows, got "rows" \(string\)/,
  );
  assert.throws(
    () => checkRows("x", [null], spec),
    /row 1 is null \(object\); expected an object/,
  );
  assert.throws(
    () => checkRows("x", [{ model: AVERAGE_MODEL, L0: 1, n: 1 }], spec),
    /got only the average row/,
  );
});

Deno.test("figures accept Record<string, TableCell> rows as the table builders return them", () => {
  type TableCell = string | number | boolean | null;
  const rows: Record<string, TableCell>[] = [
    {
      model: "GPT-5",
      L0: 70.27,
      L1: 69.09,
      L2: 64.3,
      L1_minus_L0: -1.18,
      L2_minus_L0: -5.97,
    },
    {
      model: AVERAGE_MODEL,
      L0: 60,
      L1: 58,
      L2: 54,
      L1_minus_L0: -2,
      L2_minus_L0: -6,
    },
  ];
  assert.equal(
    severityBars(rows).querySelectorAll('g[aria-label="bar"] rect').length,
    3,
  );
  assert.equal(
    severityBars(rows, { includeAverage: true }).querySelectorAll(
      'g[aria-label="bar"] rect',
    ).length,
    6,
  );
});
