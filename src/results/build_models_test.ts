import assert from "node:assert/strict";
import { loadModels } from "./load_results.ts";
import { problemsOf } from "./testdata/problems_of.ts";

const BAD = new URL("./testdata/bad/", import.meta.url).pathname;
const GOOD = new URL("./testdata/good/", import.meta.url).pathname;

Deno.test("loadModels() reads groups and optional parameter counts", async () => {
  const models = await loadModels(GOOD + "models.csv");
  assert.deepEqual(models, [
    {
      model: "m1",
      displayName: "Model One",
      group: "proprietary",
      paramsB: null,
      extra: {},
    },
    {
      model: "m2",
      displayName: "Model Two",
      group: "open-source",
      paramsB: 7.5,
      extra: {},
    },
  ]);
});

Deno.test("loadModels() reports duplicates, bad groups and bad params_b", async () => {
  assert.deepEqual(
    await problemsOf(() => loadModels(BAD + "models_duplicate.csv")),
    [["duplicate", 3, "model", "m1"]],
  );
  assert.deepEqual(
    await problemsOf(() => loadModels(BAD + "models_bad_group.csv")),
    [["bad_value", 2, "group", "closed"]],
  );
  assert.deepEqual(
    await problemsOf(() => loadModels(BAD + "models_bad_params.csv")),
    [["bad_value", 2, "params_b", "seven"], [
      "bad_value",
      3,
      "params_b",
      "-1",
    ]],
  );
  const missing = await problemsOf(() =>
    loadModels(BAD + "models_missing_column.csv")
  );
  assert.deepEqual(missing.map(([c, l, col]) => [c, l, col]), [
    ["missing_column", 0, "group"],
  ]);
});
