import assert from "node:assert/strict";
import { loadPaperTable2, loadPaperTable5, loadPaperTable6 } from "./tables.ts";
import { paperNumbers } from "./numbers.ts";

function tmpDirWith(name: string, text: string): string {
  const dir = Deno.makeTempDirSync();
  Deno.writeTextFileSync(`${dir}/${name}`, text);
  return dir;
}

Deno.test("bundled tables load with the published sizes and sums", () => {
  const p = paperNumbers();
  assert.equal(p.table6.length, 40);
  assert.equal(p.table2.length, 287);
  assert.equal(p.table3.length, 246);
  const t5 = loadPaperTable5().filter((r) => !r.isSubtotal);
  assert.equal(t5.reduce((s, r) => s + r.count, 0), 20588);
  for (const r of p.table6) {
    assert.ok(Math.abs(r.L1 - r.L0 - r.L1MinusL0) < 1e-9, r.model);
  }
  assert.ok(p.calibration.some((c) => c.model === "InternVL2.5-MPO(38B)"));
  assert.ok(p.heatmapDegradation.some((c) => c.model === "UniMedVL"));
  const dash = loadPaperTable2().filter((r) => r.dropMarker === "dash");
  assert.equal(dash.length, 47);
  assert.ok(dash.every((r) => r.dropL12 === null));
});

Deno.test("a malformed number is reported with file, line, column and value", () => {
  const dir = tmpDirWith(
    "table6_overall.csv",
    "model,group,L0,L1,L2,L1_minus_L0,L2_minus_L0\n" +
      "A,proprietary,1,2,3,1,2\n" +
      "B,proprietary,1,2x,3,1,2\n",
  );
  assert.throws(
    () => loadPaperTable6(dir),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.includes("table6_overall.csv:3:") &&
      e.message.includes('column "L1"') && e.message.includes('"2x"'),
  );
});

Deno.test("a bad enum, a missing column and a short row are rejected", () => {
  const bad = tmpDirWith(
    "table6_overall.csv",
    "model,group,L0,L1,L2,L1_minus_L0,L2_minus_L0\nA,commercial,1,2,3,1,2\n",
  );
  assert.throws(
    () => loadPaperTable6(bad),
    /:2: column "group": value "commercial"/,
  );
  const missing = tmpDirWith(
    "table6_overall.csv",
    "model,group,L0\nA,medical,1\n",
  );
  assert.throws(() => loadPaperTable6(missing), /:1: missing column "L1"/);
  const short = tmpDirWith(
    "table6_overall.csv",
    "model,group,L0,L1,L2,L1_minus_L0,L2_minus_L0\nA,medical,1,2\n",
  );
  assert.throws(() => loadPaperTable6(short), /:2: found 4 cells: expected 7/);
});

Deno.test("a quoted field spanning lines keeps the record's start line", () => {
  const dir = tmpDirWith(
    "table6_overall.csv",
    'model,group,L0,L1,L2,L1_minus_L0,L2_minus_L0\n"A\nB",medical,1,2,3,1,2\nC,medical,x,2,3,1,2\n',
  );
  assert.throws(
    () => loadPaperTable6(dir),
    /table6_overall\.csv:4: column "L0"/,
  );
});
