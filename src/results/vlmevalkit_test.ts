import assert from "node:assert/strict";
import { loadItems } from "./load_results.ts";
import { problemsOf } from "./testdata/problems_of.ts";
import { loadVlmevalkitSheet } from "./vlmevalkit.ts";

const SAMPLE = new URL("../../data/sample/", import.meta.url).pathname;
const items = await loadItems(SAMPLE + "items.csv");
const ids = ["q01_L0", "q01_L1", "q03_L2", "q05_L0"];
const itemIdOf = (index: string) => ids[Number(index)] ?? `missing-${index}`;

async function sheet(text: string, suffix = ".tsv"): Promise<string> {
  const path = await Deno.makeTempFile({ suffix });
  await Deno.writeTextFile(path, text);
  return path;
}

Deno.test("loadVlmevalkitSheet() extracts choices with the default rule and the item's K", async () => {
  const path = await sheet(
    "index,question,A,B,C,D,E,answer,prediction,category\n" +
      '0,q,a,b,c,d,,B,"**B**",x\n' +
      '1,q,a,b,c,d,,B,"Looking closely...\nThe answer is D.",x\n' +
      "2,q,a,b,c,d,e,E,E,x\n" + // q03 has five options
      "3,q,a,b,c,,,C,D,x\n", // q05 has three options: D is out of range
    ".csv",
  );
  const rows = await loadVlmevalkitSheet(path, {
    model: "m",
    items,
    itemIdOf,
  });
  assert.deepEqual(rows.map((r) => [r.item_id, r.choice]), [
    ["q01_L0", "B"],
    ["q01_L1", "D"],
    ["q03_L2", "E"],
    ["q05_L0", ""],
  ]);
  assert.equal(rows[1].response, "Looking closely...\nThe answer is D.");
  assert.ok(rows.every((r) => r.model === "m" && r.trial === 1));
});

Deno.test("loadVlmevalkitSheet() reports unknown, repeated and mismatched rows with lines", async () => {
  const path = await sheet(
    "index\tanswer\tprediction\n" +
      "0\tB\tB\n" +
      "9\tB\tB\n" + // maps to no item
      "0\tB\tC\n" + // repeated index
      "1\tA\tA\n", // q01_L1's answer is B
  );
  assert.deepEqual(
    await problemsOf(() =>
      loadVlmevalkitSheet(path, { model: "m", items, itemIdOf })
    ),
    [
      ["unknown_item", 3, "index", "9"],
      ["duplicate", 4, "index", "0"],
      ["answer_mismatch", 5, "answer", "A"],
    ],
  );
});

Deno.test("loadVlmevalkitSheet() requires index and prediction columns", async () => {
  const path = await sheet("index\tanswer\n0\tB\n");
  const got = await problemsOf(() =>
    loadVlmevalkitSheet(path, { model: "m", items, itemIdOf })
  );
  assert.deepEqual(got.map(([c, , col]) => [c, col]), [
    ["missing_column", "prediction"],
  ]);
  await assert.rejects(
    () => loadVlmevalkitSheet(path, { model: "m", items, itemIdOf, trial: 0 }),
    RangeError,
  );
});
