import assert from "node:assert/strict";
import { loadItems, loadModels, loadPredictions } from "./load_results.ts";
import { problemsOf } from "./testdata/problems_of.ts";
import { ResultsError } from "./problems.ts";
import { UNPARSED } from "./results.ts";

const BAD = new URL("./testdata/bad/", import.meta.url).pathname;
const GOOD = new URL("./testdata/good/", import.meta.url).pathname;
const context = {
  items: await loadItems(GOOD + "items.csv"),
  models: await loadModels(GOOD + "models.csv"),
};
const load = (file: string) => () =>
  loadPredictions(BAD + file, context, { maxProblems: 50 });

Deno.test("loadPredictions() reports unknown models and items", async () => {
  assert.deepEqual(await problemsOf(load("predictions_unknown_model.csv")), [
    ["unknown_model", 3, "model", "m3"],
  ]);
  assert.deepEqual(await problemsOf(load("predictions_unknown_item.csv")), [
    ["unknown_item", 3, "item_id", "i9"],
  ]);
});

Deno.test("loadPredictions() reports trials that are not positive integers", async () => {
  assert.deepEqual(await problemsOf(load("predictions_bad_trial.csv")), [
    ["bad_trial", 2, "trial", "0"],
    ["bad_trial", 3, "trial", "1.5"],
    ["bad_trial", 4, "trial", ""],
    ["bad_trial", 5, "trial", "-1"],
  ]);
});

Deno.test("loadPredictions() treats trial '01' as 1 when checking duplicates", async () => {
  assert.deepEqual(await problemsOf(load("predictions_duplicate.csv")), [
    ["duplicate", 4, "trial", "m1, i1, 1"],
  ]);
});

Deno.test("loadPredictions() rejects choices that are not one in-range capital", async () => {
  assert.deepEqual(await problemsOf(load("predictions_bad_choice.csv")), [
    ["bad_choice", 2, "choice", "b"],
    ["bad_choice", 3, "choice", "AB"],
    ["bad_choice", 4, "choice", " C"],
    ["bad_choice", 5, "choice", "C"],
    ["bad_choice", 6, "choice", "E"],
  ]);
});

Deno.test("loadPredictions() gives the start line of a record after multi-line responses", async () => {
  assert.deepEqual(
    await problemsOf(load("predictions_multiline_then_bad.csv")),
    [
      ["duplicate", 8, "trial", "m2, i1, 1"],
    ],
  );
});

Deno.test("loadPredictions() requires model, item_id and trial columns", async () => {
  const got = await problemsOf(load("predictions_missing_column.csv"));
  assert.deepEqual(got.map(([c, l, col]) => [c, l, col]), [
    ["missing_column", 0, "trial"],
  ]);
});

Deno.test("loadPredictions() rejects JSONL values that are not strings or numbers", async () => {
  const got = await problemsOf(load("predictions_bad_values.jsonl"));
  assert.deepEqual(got.slice(0, 2), [
    ["bad_value", 1, "trial", "true"],
    ["bad_value", 2, "choice", '["B"]'],
  ]);
});

Deno.test("loadPredictions() extracts from response only when choice is empty", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(
    path,
    "model,item_id,trial,choice,response\n" +
      "m1,i1,1,A,The answer is B\n" + // choice wins
      "m1,i1,2,,The answer is B\n" + // extracted
      "m1,i1,3,,no idea\n" + // unparsed
      "m1,i1,4,,\n" + // unparsed
      "m1,i4,1,,C\n", // out of range for K = 2: unparsed
  );
  const p = await loadPredictions(path, context);
  assert.deepEqual([...p.choice], [0, 1, UNPARSED, UNPARSED, UNPARSED]);
  assert.deepEqual(p.extra.response, [
    "The answer is B",
    "The answer is B",
    "no idea",
    "",
    "C",
  ]);
});

Deno.test("loadPredictions() caps detailed problems and says how many more", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  const rows = Array.from({ length: 30 }, (_, i) => `x${i},i1,1,B`);
  await Deno.writeTextFile(
    path,
    "model,item_id,trial,choice\n" + rows.join("\n"),
  );
  const e = await loadPredictions(path, context).catch((e) => e);
  assert.ok(e instanceof ResultsError);
  assert.equal(e.problems.length, 20);
  assert.equal(e.total, 30);
  assert.match(e.message, /found 30 problems/);
  assert.match(e.message, /and 10 more/);
  assert.match(e.message, /:2: column "model": value "x0": expected a model/);
});

Deno.test("loadPredictions() finds duplicates among trials above 31 too", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(
    path,
    "model,item_id,trial,choice\nm1,i1,35,A\nm1,i1,31,A\nm1,i1,32,A\nm1,i1,035,B\nm1,i1,31,C\n",
  );
  assert.deepEqual(
    await problemsOf(() => loadPredictions(path, context)),
    [
      ["duplicate", 5, "trial", "m1, i1, 35"],
      ["duplicate", 6, "trial", "m1, i1, 31"],
    ],
  );
});
